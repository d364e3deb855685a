/**
 * Calls `callback` in the task after the browser's next frame, once that frame is laid out and painted (a
 * requestAnimationFrame callback runs before the layout and paint; the task it posts, after them). Returns what
 * cancels it. In a tab that is not shown, which paints no frames, it waits until the tab is.
 */
export function afterNextPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
