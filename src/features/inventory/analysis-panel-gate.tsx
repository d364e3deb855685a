import { useLazyPart } from '../../components/lazy-part.ts';
import { officePart } from '../../components/office-catalogue.tsx';
import { WhenOpen } from '../../components/when-open.tsx';
import { useAppStore } from '../../store/app-store.ts';

const panel = officePart(() => import('./analysis-panel.tsx').then((m) => ({ default: m.AnalysisPanel })));

/** The inventory and coverage panel, loaded when first opened: its tables and chart stay out of the first load. */
export function AnalysisPanel() {
  const open = useAppStore((s) => s.analysisOpen);
  const [Panel, retry] = useLazyPart(panel);
  return (
    <WhenOpen open={open} onRetry={retry}>
      <Panel />
    </WhenOpen>
  );
}
