import { type ReactNode, Suspense } from 'react';
import { ChunkErrorBoundary } from './chunk-error-boundary.tsx';

interface WhenOpenProps {
  readonly open: boolean;
  readonly children: ReactNode;
  /** Loads the part again after its chunk failed (`useLazyPart`'s retry). */
  readonly onRetry?: () => void;
  /** For a dialog: closes it (the failure is then shown as a dialog this closes). */
  readonly onClose?: () => void;
}

/**
 * A part of the page loaded on demand (React.lazy), shown only while it is open: its chunk is fetched the first
 * time, with nothing in its place meanwhile; if it cannot be fetched, that part says so and the page goes on.
 */
export function WhenOpen({ open, children, onRetry, onClose }: WhenOpenProps) {
  if (!open) return null;
  return (
    <ChunkErrorBoundary onRetry={onRetry} onClose={onClose}>
      <Suspense fallback={null}>{children}</Suspense>
    </ChunkErrorBoundary>
  );
}
