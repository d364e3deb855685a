import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

// The detail's actions on shared records come with the panel: a member who goes offline in the field can still
// change a record opened for the first time there (they are a part of their own, shared-record-actions-gate.tsx).
const panel = officePart(() =>
  Promise.all([import('./shared-map-panel.tsx'), import('./shared-record-actions.tsx')]).then(([m]) => ({
    default: m.SharedMapPanel,
  })),
);

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
