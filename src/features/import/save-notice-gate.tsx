import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';
import { selectSaveStatus } from '../../store/import/import-derived.ts';

const actions = officePart(() => import('./save-notice.tsx').then((m) => ({ default: m.SaveNotice })));

/** What is not saved (a cleared storage, a failed save, a previous visit's loss), loaded when there is such a thing to say. */
export function SaveNotice() {
  const open = useAppStore(
    (s) => s.storageCleared || selectSaveStatus(s) === 'failed' || s.saveLosses.length > 0,
  );
  const [Notice, retry] = useLazyPart(actions);
  return (
    <WhenOpen open={open} onRetry={retry}>
      <Notice />
    </WhenOpen>
  );
}
