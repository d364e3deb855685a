import { type ReactNode, useEffect, useState } from 'react';

/**
 * Renders its children in a task after the one that mounted it: a heavy mount (the map, then its layers) becomes
 * several tasks the browser can handle input and paint between, instead of one long freeze.
 */
export function InNextTask({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return shown ? children : null;
}
