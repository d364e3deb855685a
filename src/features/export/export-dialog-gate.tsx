import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

const exportForm = officePart(() => import('./export-dialog.tsx').then((m) => ({ default: m.ExportForm })));

/** The export dialog, loaded when opened: the writers and their libraries stay out of the page's first load. */
export function ExportDialog() {
  const open = useAppStore((s) => s.exportOpen);
  const setExportOpen = useAppStore((s) => s.setExportOpen);
  const [ExportForm, retry] = useLazyPart(exportForm);
  return (
    <WhenOpen open={open} onRetry={retry} onClose={() => setExportOpen(false)}>
      <ExportForm />
    </WhenOpen>
  );
}
