import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

const reportDialog = officePart(() =>
  import('./import-report-dialog.tsx').then((m) => ({ default: m.ReportDialog })),
);

/**
 * The import report of one file: counts by outcome (imported + needs a location + rejected = rows, always),
 * the rows that were fixed, approximate, unplaced or rejected with why, possible duplicates to merge or keep,
 * and the whole per-row report as CSV. Loaded when opened.
 */
export function ImportReport() {
  const dataset = useAppStore((s) => s.importedDatasets.find((d) => d.id === s.reportDatasetId) ?? null);
  const showReport = useAppStore((s) => s.showReport);
  const [ReportDialog, retry] = useLazyPart(reportDialog);
  return (
    <WhenOpen open={dataset !== null} onRetry={retry} onClose={() => showReport(null)}>
      {dataset && <ReportDialog dataset={dataset} />}
    </WhenOpen>
  );
}
