import { useEffect, useState } from 'react';
import { afterNextPaint } from './after-next-paint.ts';

/**
 * How many of `total` items to render now: `step` at first, then `step` more after each painted frame. A long
 * table of CJK text (the first layout of new glyphs is slow: 100 report rows took 140 ms) is then laid out over
 * a few frames, each a short task, instead of in one long freeze.
 */
export function usePaintedCount(total: number, step: number): number {
  const [count, setCount] = useState(step);
  useEffect(() => {
    if (count >= total) return;
    return afterNextPaint(() => setCount((c) => c + step));
  }, [count, total, step]);
  return Math.min(count, total);
}
