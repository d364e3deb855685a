import { lazy } from 'react';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

const Panel = lazy(() => import('./shared-map-panel.tsx').then((m) => ({ default: m.SharedMapPanel })));

/** The shared map's panel, loaded only when a link opened one: residents never download it. */
export function SharedMapPanel() {
  const phase = useAppStore((s) => s.sharedPhase);
  return (
    <WhenOpen open={phase !== 'off'}>
      <Panel />
    </WhenOpen>
  );
}
