import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';
import { cancelImportLater } from './start-import.ts';

const mappingForm = officePart(() =>
  import('./mapping-dialog.tsx').then((m) => ({ default: m.MappingForm })),
);

/**
 * Shows what the importer understood of a file — format, encoding, columns with sample values — and lets the
 * person correct it before anything is imported. The form loads with the first file (not with the page).
 */
export function MappingDialog() {
  const job = useAppStore((s) => (s.importJob?.stage === 'confirm' ? s.importJob : null));
  // Files dropped together are confirmed one after the other: the next waits until the last report is closed.
  const reportOpen = useAppStore((s) => s.reportDatasetId !== null);
  const [MappingForm, retry] = useLazyPart(mappingForm);
  const open = Boolean(job?.preview) && !reportOpen;
  return (
    <WhenOpen open={open} onRetry={retry} onClose={cancelImportLater}>
      {job?.preview && <MappingForm key={`${job.id}-${job.preview.encoding}`} />}
    </WhenOpen>
  );
}
