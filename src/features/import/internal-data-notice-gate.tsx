import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';
import { selectHasInternal } from '../../store/import/import-derived.ts';

const actions = officePart(() =>
  import('./internal-data-notice.tsx').then((m) => ({ default: m.InternalDataNotice })),
);

/** The note that internal records are on show, loaded once they are. */
export function InternalDataNotice() {
  const open = useAppStore(selectHasInternal);
  const [Notice, retry] = useLazyPart(actions);
  return (
    <WhenOpen open={open} onRetry={retry}>
      <Notice />
    </WhenOpen>
  );
}
