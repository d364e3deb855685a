import { lazy, Suspense } from 'react';
import { useAppStore } from '../../store/app-store.ts';

const ExportForm = lazy(() => import('./export-dialog.tsx').then((m) => ({ default: m.ExportForm })));

/** The export dialog, loaded when opened: the writers and their libraries stay out of the page's first load. */
export function ExportDialog() {
  const open = useAppStore((s) => s.exportOpen);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <ExportForm />
    </Suspense>
  );
}
