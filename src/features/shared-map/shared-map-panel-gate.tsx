import { lazyPart, useLazyPart } from '../../components/lazy-part.ts';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

const panel = lazyPart(() => import('./shared-map-panel.tsx').then((m) => ({ default: m.SharedMapPanel })));

/** The shared map's panel, loaded only when a link opened one: residents never download it. */
export function SharedMapPanel() {
  const phase = useAppStore((s) => s.sharedPhase);
  const [Panel, retry] = useLazyPart(panel);
  return (
    <WhenOpen open={phase !== 'off'} onRetry={retry}>
      <Panel />
    </WhenOpen>
  );
}
