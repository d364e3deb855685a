import { type ReactNode, Suspense } from 'react';

/**
 * A part of the page loaded on demand (React.lazy), shown only while it is open: its chunk is fetched the first
 * time, with nothing in its place meanwhile.
 */
export function WhenOpen({ open, children }: { open: boolean; children: ReactNode }) {
  if (!open) return null;
  return <Suspense fallback={null}>{children}</Suspense>;
}
