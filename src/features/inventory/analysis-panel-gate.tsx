import { lazy, Suspense } from 'react';
import { useAppStore } from '../../store/app-store.ts';

const Panel = lazy(() => import('./analysis-panel.tsx').then((m) => ({ default: m.AnalysisPanel })));

/** The inventory and coverage panel, loaded when first opened: its tables and chart stay out of the first load. */
export function AnalysisPanel() {
  const open = useAppStore((s) => s.analysisOpen);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <Panel />
    </Suspense>
  );
}
