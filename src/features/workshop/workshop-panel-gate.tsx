import { lazy } from 'react';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

const Panel = lazy(() => import('./workshop-panel.tsx').then((m) => ({ default: m.WorkshopPanel })));

/** The facilitator's co-mapping controls, loaded when co-mapping first starts: residents never download them. */
export function WorkshopPanel() {
  const editing = useAppStore((s) => s.workshopEditing);
  return (
    <WhenOpen open={editing}>
      <Panel />
    </WhenOpen>
  );
}
