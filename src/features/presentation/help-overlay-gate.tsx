import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

const overlay = officePart(() => import('./help-overlay.tsx').then((m) => ({ default: m.HelpOverlay })));

/** The keyboard shortcuts list, loaded when first opened (? or H). */
export function HelpOverlay() {
  const open = useAppStore((s) => s.overlay === 'help');
  const setOverlay = useAppStore((s) => s.setOverlay);
  const [Overlay, retry] = useLazyPart(overlay);
  return (
    <WhenOpen open={open} onRetry={retry} onClose={() => setOverlay('none')}>
      <Overlay />
    </WhenOpen>
  );
}
