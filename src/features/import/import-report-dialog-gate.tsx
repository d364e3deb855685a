import { lazy, Suspense } from 'react';
import { useAppStore } from '../../store/app-store.ts';

const ReportDialog = lazy(() =>
  import('./import-report-dialog.tsx').then((m) => ({ default: m.ReportDialog })),
);

/**
 * The import report of one file: counts by outcome (imported + needs a location + rejected = rows, always),
 * the rows that were fixed, approximate, unplaced or rejected with why, possible duplicates to merge or keep,
 * and the whole per-row report as CSV. Loaded when opened.
 */
export function ImportReport() {
  const dataset = useAppStore((s) => s.importedDatasets.find((d) => d.id === s.reportDatasetId) ?? null);
  if (!dataset) return null;
  return (
    <Suspense fallback={null}>
      <ReportDialog dataset={dataset} />
    </Suspense>
  );
}
