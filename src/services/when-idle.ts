/**
 * Runs `work` once the page is idle (in a task of its own where the browser cannot say when it is idle): for work
 * that can wait until the data has landed and been drawn.
 */
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work());
  else setTimeout(work, 0);
}
