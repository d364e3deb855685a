import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

const actions = officePart(() =>
  import('./import-progress.tsx').then((m) => ({ default: m.ImportProgress })),
);

/** A file's import under way (what, how far, cancel), loaded with the first import. */
export function ImportProgress() {
  const open = useAppStore((s) => s.importJob !== null && s.importJob.stage !== 'confirm');
  const [Progress, retry] = useLazyPart(actions);
  return (
    <WhenOpen open={open} onRetry={retry}>
      <Progress />
    </WhenOpen>
  );
}
