import { type ReactNode, useEffect, useState } from 'react';
import { afterNextPaint } from './after-next-paint.ts';

/**
 * Renders its children once the browser has painted what mounted it (a frame, then a task): a first screen is
 * laid out in two frames instead of one long one. Until then it renders nothing.
 */
export function AfterPaint({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => afterNextPaint(() => setShown(true)), []);
  return shown ? children : null;
}
