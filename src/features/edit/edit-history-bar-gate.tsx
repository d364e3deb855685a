import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

const actions = officePart(() =>
  import('./edit-history-bar.tsx').then((m) => ({ default: m.EditHistoryBar })),
);

/** The corrections' undo and redo, loaded once there is something to undo or redo. */
export function EditHistoryBar() {
  const open = useAppStore((s) => s.correctionSteps.undo > 0 || s.correctionSteps.redo > 0);
  const [Bar, retry] = useLazyPart(actions);
  return (
    <WhenOpen open={open} onRetry={retry}>
      <Bar />
    </WhenOpen>
  );
}
