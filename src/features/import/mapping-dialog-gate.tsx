import { lazy, Suspense } from 'react';
import { useAppStore } from '../../store/app-store.ts';

const MappingForm = lazy(() => import('./mapping-dialog.tsx').then((m) => ({ default: m.MappingForm })));

/**
 * Shows what the importer understood of a file — format, encoding, columns with sample values — and lets the
 * person correct it before anything is imported. The form loads with the first file (not with the page).
 */
export function MappingDialog() {
  const job = useAppStore((s) => (s.importJob?.stage === 'confirm' ? s.importJob : null));
  // Files dropped together are confirmed one after the other: the next waits until the last report is closed.
  const reportOpen = useAppStore((s) => s.reportDatasetId !== null);
  if (!job?.preview || reportOpen) return null;
  return (
    <Suspense fallback={null}>
      <MappingForm key={`${job.id}-${job.preview.encoding}`} />
    </Suspense>
  );
}
