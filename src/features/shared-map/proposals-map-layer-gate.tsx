import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

const layer = officePart(() =>
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
