import { lazy } from 'react';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

const Overlay = lazy(() => import('./help-overlay.tsx').then((m) => ({ default: m.HelpOverlay })));

/** The keyboard shortcuts list, loaded when first opened (? or H). */
export function HelpOverlay() {
  const open = useAppStore((s) => s.overlay === 'help');
  return (
    <WhenOpen open={open}>
      <Overlay />
    </WhenOpen>
  );
}
