import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

const printPage = officePart(() => import('./print-view.tsx').then((m) => ({ default: m.PrintPage })));

/**
 * A4 print view of the filtered list: title, filter summary, date, sources, optionally the map, and a table of
 * name, category, address, phone and hours whose rows never split across pages. Loaded when opened.
 */
export function PrintView() {
  const open = useAppStore((s) => s.printOpen);
  const setPrintOpen = useAppStore((s) => s.setPrintOpen);
  const [PrintPage, retry] = useLazyPart(printPage);
  return (
    <WhenOpen open={open} onRetry={retry} onClose={() => setPrintOpen(false)}>
      <PrintPage />
    </WhenOpen>
  );
}
