/**
 * Playwright-facing helpers for the resilience journeys: a part of the page whose code cannot be loaded (the
 * request for its chunk fails), and a new version published while tabs are open (service workers on). Each tab
 * is a driver `AppPage` (network fence, errors, axe, screenshots); this file adds what those journeys need.
 */
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../chromium-flags.ts';
import { AppPage, type Viewport } from './driver.ts';

export const DESKTOP = { width: 1440, height: 900 } as const;
export const PHONE = { width: 360, height: 640 } as const;

/** What a part that could not be loaded shows in its place. */
export interface FailedPartView {
  /** The alert's text (title and the request to reload). */
  readonly message: string;
  /** The buttons offered beside it, by name. */
  readonly buttons: readonly string[];
  /** Whether it is shown as a dialog (for a part that is one), and the dialog's name. */
  readonly dialog: string | null;
}

/**
 * Other hosts do not resolve in this browser. The driver's usual fence (Playwright routes) cannot be used with a
 * service worker: it does not see the worker's requests, and a basemap tile the worker fetches then stays pending,
 * which keeps the old worker busy and a waiting one from taking over.
 */
const ONLY_THIS_MACHINE = '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1';

/** A Chromium for the resilience journeys; every `open` gets a fresh profile. */
export class ResilienceBrowser {
  private constructor(private readonly browser: Browser) {}

  static async start(): Promise<ResilienceBrowser> {
    const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    return new ResilienceBrowser(
      await chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS, ONLY_THIS_MACHINE], headless: true }),
    );
  }

  /**
   * Opens the app at `url` and waits for the data. With `serviceWorkers` the app installs its worker, and the
   * visitor waits until the worker controls the tab (its precache holds this version). `failingChunks` fail from
   * the start (e.g. the map's).
   */
  async open(
    url: string,
    options: { viewport?: Viewport; serviceWorkers?: boolean; failingChunks?: readonly string[] } = {},
  ): Promise<Visitor> {
    const viewport = options.viewport ?? DESKTOP;
    const context = await this.browser.newContext({
      viewport,
      locale: 'zh-TW',
      timezoneId: 'Asia/Taipei',
      serviceWorkers: options.serviceWorkers ? 'allow' : 'block',
      ...(viewport.width < 900 ? { isMobile: true, hasTouch: true } : {}),
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const app = new AppPage(context, page, new URL(url), {});
    // With a worker, errors are collected here (the driver's install would also set up its routes).
    if (!options.serviceWorkers) await app.install();
    const visitor = new Visitor(context, page, app, url);
    if (options.serviceWorkers) visitor.collectErrors();
    for (const name of options.failingChunks ?? []) await visitor.failChunk(name);
    await page.goto(url);
    await app.waitUntilLoaded();
    if (options.serviceWorkers) await visitor.waitUntilControlledByServiceWorker();
    return visitor;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** A person using the app in one tab. */
export class Visitor {
  private readonly blocked = new Map<string, RegExp>();
  private readonly errors: string[] = [];

  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    /** The shared driver's view of the same tab (search, result count, axe, screenshots, errors). */
    readonly app: AppPage,
    private readonly url: string,
  ) {}

  /** Collects uncaught errors and console errors (failed resource loads excepted), as the driver's install does. */
  collectErrors(): void {
    this.page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
    this.page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        this.errors.push(`console.error: ${message.text()}`);
      }
    });
  }

  /** Uncaught exceptions and console errors in this tab. */
  pageErrors(): readonly string[] {
    return [...this.app.pageErrors(), ...this.errors];
  }

  // ---- The network ----

  /** Every request for the chunk named `name` (e.g. export-dialog → assets/export-dialog-Bx1.js) fails from now on. */
  async failChunk(name: string): Promise<void> {
    const pattern = new RegExp(`/assets/${name}-[\\w-]+\\.js$`);
    this.blocked.set(name, pattern);
    await this.page.route(pattern, (route) => route.abort('failed'));
  }

  /** The chunk loads again (the network is back, or the file is there again). */
  async restoreChunk(name: string): Promise<void> {
    const pattern = this.blocked.get(name);
    if (pattern) await this.page.unroute(pattern);
    this.blocked.delete(name);
  }

  // ---- What the person does ----

  async openExport(): Promise<void> {
    await this.page.getByRole('button', { name: /^匯出清單/ }).click();
  }

  async openAnalysis(): Promise<void> {
    // On a phone the header's tools are behind 工具.
    const tools = this.page.getByRole('button', { name: '工具', exact: true });
    if ((await tools.count()) > 0 && (await tools.isVisible())) await tools.click();
    await this.page.getByRole('button', { name: '資源盤點', exact: true }).click();
  }

  /** Presses a button by its exact name (the visible one). */
  async press(name: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).filter({ visible: true }).click();
  }

  /** Presses a button that reloads the page, and waits until the reloaded page has its data. */
  async pressAndWaitForReload(name: string): Promise<void> {
    await Promise.all([
      this.page.waitForEvent('load', { timeout: 20_000 }),
      this.page.getByRole('button', { name, exact: true }).filter({ visible: true }).click(),
    ]);
    await this.app.waitUntilLoaded();
  }

  /** Opens the same address in another tab of the same browser profile (its worker, its caches). */
  async openAnotherTab(): Promise<Visitor> {
    const page = await this.context.newPage();
    const app = new AppPage(this.context, page, new URL(this.url), {});
    const visitor = new Visitor(this.context, page, app, this.url);
    visitor.collectErrors();
    await page.goto(this.url);
    await app.waitUntilLoaded();
    return visitor;
  }

  async closeTab(): Promise<void> {
    await this.page.close();
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  // ---- What the person sees ----

  /** The part that could not be loaded, as shown in its place; null when none is. */
  async failedPart(): Promise<FailedPartView | null> {
    const alert = this.page.getByRole('alert').filter({ hasText: '請重新整理以取得新版本' });
    if ((await alert.count()) === 0) return null;
    const dialog = this.page.getByRole('dialog').filter({ has: alert });
    const inDialog = (await dialog.count()) > 0;
    const scope = inDialog ? dialog : this.page.locator('.part-failed').filter({ has: alert });
    return {
      message: ((await alert.textContent()) ?? '').trim(),
      buttons: (await scope.getByRole('button').allTextContents()).map((b) => b.trim()),
      dialog: inDialog ? ((await dialog.getByRole('heading').first().textContent()) ?? '').trim() : null,
    };
  }

  /** The names of the open dialogs (e.g. 匯出目前的清單（111 筆）). */
  async openDialogs(): Promise<string[]> {
    const names: string[] = [];
    for (const dialog of await this.page.getByRole('dialog').all()) {
      const id = await dialog.getAttribute('aria-labelledby');
      if (id) names.push(((await this.page.locator(`[id="${id}"]`).textContent()) ?? '').trim());
    }
    return names;
  }

  /** The headings of level 2 shown now (e.g. the analysis panel's 資源盤點與涵蓋). */
  async visibleHeadings(): Promise<string[]> {
    const texts: string[] = [];
    for (const heading of await this.page.getByRole('heading', { level: 2 }).all())
      if (await heading.isVisible()) texts.push(((await heading.textContent()) ?? '').trim());
    return texts;
  }

  /** How many resources the map draws now (clusters counted by what they stand for). */
  async mapMarkerTotal(): Promise<number> {
    return (await this.app.mapMarkers()).total;
  }

  /** The polite status saying a new version is ready, or '' when it is not shown. */
  async newVersionNotice(): Promise<string> {
    const status = this.page.getByRole('status').filter({ hasText: '新版本' });
    return (await status.count()) > 0 ? ((await status.first().textContent()) ?? '').trim() : '';
  }

  /** The address of the page's main script: which release the tab runs (a new release renames it). */
  async mainScript(): Promise<string> {
    return (await this.page.locator('script[type="module"][src]').first().getAttribute('src')) ?? '';
  }

  async waitUntilControlledByServiceWorker(): Promise<void> {
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
  }
}
