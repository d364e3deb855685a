import { lazyPart, useLazyPart } from '../../components/lazy-part.ts';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

const layer = lazyPart(() =>
  import('./proposals-map-layer.tsx').then((m) => ({ default: m.ProposalsMapLayer })),
);

/** Workshop tables on the map, loaded only when a link opened a shared map that has proposals. */
export function ProposalsMapLayer() {
  const open = useAppStore((s) => s.sharedPhase === 'on' && Object.keys(s.sharedProposals).length > 0);
  const [Layer, retry] = useLazyPart(layer);
  return (
    <WhenOpen open={open} onRetry={retry}>
      <Layer />
    </WhenOpen>
  );
}
