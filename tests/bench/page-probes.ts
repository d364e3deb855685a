/** What the probes record in the page (window.__bench). Times are performance.now() of the page. */
export interface PageProbe {
  readonly longTasks: { start: number; duration: number }[];
  /** The result count shows the full dataset and Leaflet markers exist. */
  readonly readyAt: number | null;
  /** The first frame after readyAt. */
  readonly readyFrameAt: number | null;
  readonly keystrokes: Keystroke[];
  readonly longTaskError?: string;
}

export interface Keystroke {
  /** The search box's value after the keystroke. */
  readonly value: string;
  /** The input event's timeStamp. */
  readonly start: number;
  /** After React handled the input (a bubbling listener on document): the count is in the DOM. */
  readonly handled: number;
  readonly frame: number | null;
  readonly status: string;
}

/**
 * Installed with addInitScript before the app runs. A plain script string: functions passed to Playwright
 * are serialised, and the TypeScript loader's helpers would not exist in the page.
 */
export function probeScript(expectedCountTexts: readonly string[]): string {
  return `(() => {
  const expected = ${JSON.stringify(expectedCountTexts)};
  const bench = { longTasks: [], keystrokes: [], readyAt: null, readyFrameAt: null };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    bench.longTaskError = String(error);
  }
  const afterFrame = (callback) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback(performance.now());
    channel.port2.postMessage(0);
  });
  const isReady = () =>
    Array.from(document.querySelectorAll('[role=status]')).some((el) =>
      expected.some((text) => (el.textContent || '').includes(text))) &&
    document.querySelector('.leaflet-marker-icon') !== null;
  const observer = new MutationObserver(() => {
    if (bench.readyAt !== null || !isReady()) return;
    bench.readyAt = performance.now();
    observer.disconnect();
    afterFrame((t) => { bench.readyFrameAt = t; });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('input', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== 'search') return;
    const status = document.querySelector('.result-count');
    const record = { value: target.value, start: event.timeStamp, handled: performance.now(), frame: null,
      status: status ? status.textContent : '' };
    bench.keystrokes.push(record);
    afterFrame((t) => { record.frame = t; });
  });
})();
//# sourceURL=bench-probes.js`;
}
