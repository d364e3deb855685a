import { lazy, Suspense } from 'react';
import { useAppStore } from '../../store/app-store.ts';

const Overlay = lazy(() => import('./help-overlay.tsx').then((m) => ({ default: m.HelpOverlay })));

/** The keyboard shortcuts list, loaded when first opened (? or H). */
export function HelpOverlay() {
  const open = useAppStore((s) => s.overlay === 'help');
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <Overlay />
    </Suspense>
  );
}
