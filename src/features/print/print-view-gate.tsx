import { lazy } from 'react';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

const PrintPage = lazy(() => import('./print-view.tsx').then((m) => ({ default: m.PrintPage })));

/**
 * A4 print view of the filtered list: title, filter summary, date, sources, optionally the map, and a table of
 * name, category, address, phone and hours whose rows never split across pages. Loaded when opened.
 */
export function PrintView() {
  const open = useAppStore((s) => s.printOpen);
  return (
    <WhenOpen open={open}>
      <PrintPage />
    </WhenOpen>
  );
}
