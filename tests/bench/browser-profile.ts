import type { Browser } from 'playwright-core';
import { editOneRecord, typeSearch, zoomAndPan } from './browser-interactions.ts';
import { type BrowserBenchInput, openPage, waitUntilReady } from './browser-session.ts';

/**
 * CPU profiles of the main thread (navigation → interactive map, the zoom/pan moves, the typing), and a
 * timeline trace of the last two, which splits the time outside JavaScript into style, layout, paint….
 */
export async function profileRun(browser: Browser, input: BrowserBenchInput) {
  const { context, page } = await openPage(browser, input);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const profiled = async (action: () => Promise<unknown>, trace: boolean) => {
      if (trace) await browser.startTracing(page, { categories: ['devtools.timeline'] });
      await cdp.send('Profiler.start');
      await action();
      const { profile } = await cdp.send('Profiler.stop');
      const traceJson = trace ? (await browser.stopTracing()).toString('utf8') : undefined;
      return { profile, traceJson };
    };
    const load = await profiled(async () => {
      await page.goto(input.root, { waitUntil: 'commit' });
      await waitUntilReady(page);
    }, false);
    await page.waitForTimeout(1000);
    const zoomPan = await profiled(() => zoomAndPan(page), true);
    const typing = await profiled(() => typeSearch(page), true);
    const editing = await profiled(() => editOneRecord(page, 2), true);
    return { load, zoomPan, typing, editing };
  } finally {
    await context.close();
  }
}
