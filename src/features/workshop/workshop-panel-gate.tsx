import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

const panel = officePart(() => import('./workshop-panel.tsx').then((m) => ({ default: m.WorkshopPanel })));

/** The facilitator's co-mapping controls, loaded when co-mapping first starts: residents never download them. */
export function WorkshopPanel() {
  const editing = useAppStore((s) => s.workshopEditing);
  const [Panel, retry] = useLazyPart(panel);
  return (
    <WhenOpen open={editing} onRetry={retry}>
      <Panel />
    </WhenOpen>
  );
}
