import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_FLAGS } from '../chromium-flags.ts';
import { waitForBrowserIdle } from './browser-idle.ts';
import { type PageProbe, probeScript } from './page-probes.ts';

export interface BrowserBenchInput {
  readonly root: string;
  /**
   * Data served through page.route instead of the build's own data/ (a manifest without a compiled pack, and
   * the CSV it lists): the page then runs the loading chain itself, as after data/ is replaced on a server
   * without a rebuild. Without it, the page loads what the build compiled.
   */
  readonly routed?: { readonly manifestJson: string; readonly fileName: string; readonly csv: Uint8Array };
  readonly resourceCount: number;
  readonly runs: number;
  readonly executablePath: string;
}

/** Serves a build (default dist/) with `vite preview` on 127.0.0.1 (port chosen by the OS). */
export async function startPreview(outDir?: string) {
  const server = await preview({
    logLevel: 'error',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    ...(outDir ? { build: { outDir } } : {}),
  });
  const address = server.httpServer.address() as AddressInfo | null;
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${address?.port}/`;
  return { url, close: () => server.close() };
}

export function launchChromium(executablePath: string) {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
}

/** Blocks everything not served from 127.0.0.1, and routes the app's data when the input says so. */
async function routeData(context: BrowserContext, input: BrowserBenchInput) {
  /** Epoch ms: the manifest asked for (the data starts loading), the routed CSV asked for and served. */
  const times = { manifest: Number.NaN, requested: Number.NaN, served: Number.NaN };
  const { routed } = input;
  const body = routed ? Buffer.from(routed.csv) : undefined;
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (/^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1')
      return route.abort('blockedbyclient');
    if (url.pathname.endsWith('/data/manifest.json') && Number.isNaN(times.manifest))
      times.manifest = Date.now();
    if (!routed) return route.continue();
    if (url.pathname.endsWith('/data/manifest.json')) {
      return route.fulfill({
        status: 200,
        contentType: 'application/json; charset=utf-8',
        body: routed.manifestJson,
      });
    }
    if (url.pathname.endsWith(`/data/${routed.fileName}`)) {
      times.requested = Date.now();
      await route.fulfill({ status: 200, contentType: 'text/csv; charset=utf-8', body });
      times.served = Date.now();
      return;
    }
    return route.continue();
  });
  return times;
}

export async function openPage(browser: Browser, input: BrowserBenchInput) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'zh-TW',
    serviceWorkers: 'block',
    // The app's CSP forbids eval, which Playwright's waitForFunction polling uses; the bench measures speed, and
    // the e2e suite checks the CSP.
    bypassCSP: true,
  });
  const times = await routeData(context, input);
  const count = input.resourceCount;
  await context.addInitScript({ content: probeScript([count.toLocaleString('en-US'), String(count)]) });
  const page = await context.newPage();
  // As a person would: the tab is open and the browser done with it before the address is entered.
  const idle = await waitForBrowserIdle();
  return { context, page, times, idle };
}

/** Waits for the interactive map; fails fast when the app reports that the data could not be loaded. */
export async function waitUntilReady(page: Page) {
  await page.waitForFunction(
    `(window.__bench && window.__bench.readyFrameAt !== null) ||
      Array.from(document.querySelectorAll('[role=alert]')).some((el) => /無法載入|could not be loaded/i.test(el.textContent || ''))`,
    undefined,
    { timeout: 120_000, polling: 100 },
  );
  const alert = await page.evaluate<string | null>(
    "window.__bench.readyFrameAt === null ? Array.from(document.querySelectorAll('[role=alert]')).map((el) => el.textContent).join(' ') : null",
  );
  if (alert !== null) throw new Error(`the app did not load the dataset: ${alert}`);
}

export const probe = (page: Page) => page.evaluate<PageProbe>('window.__bench');
export const now = (page: Page) => page.evaluate<number>('performance.now()');
export const tasksSince = (p: PageProbe, from: number, to = Number.POSITIVE_INFINITY) =>
  p.longTasks.filter((t) => t.start >= from && t.start <= to).map((t) => t.duration);
