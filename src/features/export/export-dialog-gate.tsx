import { lazy } from 'react';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

const ExportForm = lazy(() => import('./export-dialog.tsx').then((m) => ({ default: m.ExportForm })));

/** The export dialog, loaded when opened: the writers and their libraries stay out of the page's first load. */
export function ExportDialog() {
  const open = useAppStore((s) => s.exportOpen);
  return (
    <WhenOpen open={open}>
      <ExportForm />
    </WhenOpen>
  );
}
