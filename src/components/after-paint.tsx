import { type ReactNode, useEffect, useState } from 'react';

/**
 * Renders its children once the browser has painted what mounted it (a frame, then a task): a first screen is
 * laid out in two frames instead of one long one. Until then it renders nothing; in a tab that is not shown,
 * which paints no frames, its children come when the tab is.
 */
export function AfterPaint({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A requestAnimationFrame callback runs before the frame's layout and paint; the task it posts, after them.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return shown ? children : null;
}
