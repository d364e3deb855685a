/**
 * The one module that touches Playwright. Specs speak in what a person does and sees
 * ("search 民雄", "untick 友善商店", "read the detail"); how that maps to selectors lives here.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Route,
} from 'playwright-core';
import { CHROMIUM_FLAGS } from '../chromium-flags.ts';

/**
 * Runs a library file (axe-core, jsQR) in the page. Not addScriptTag: an inline script tag is what the page's
 * Content-Security-Policy refuses; an evaluation by the driver is not the page's own script.
 */
export async function runScriptFile(page: Page, path: string): Promise<void> {
  await page.evaluate(readFileSync(path, 'utf8'));
}

/** Debian's Chromium with the flags that work on this machine: the one launch every driver uses. */
export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
}

/**
 * A Chromium whose person chose "don't allow sites to save data" (the profile's cookies setting: block, which
 * takes IndexedDB and localStorage with it): `indexedDB.open` errors ("The user denied permission to access the
 * database"). A profile of its own on disk, with that preference written before the start; `dispose` closes the
 * browser and deletes the profile.
 */
export async function launchChromiumRefusingSiteData(): Promise<{
  readonly context: BrowserContext;
  dispose(): Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), 'crm-e2e-refusing-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-TW',
    timezoneId: 'Asia/Taipei',
    serviceWorkers: 'block',
  });
  return {
    context,
    dispose: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/**
 * The result count's two forms in every interface language (zh-TW, en, vi, id, th), not any status with a number
 * (e.g. an import's progress).
 */
const LOADED_COUNT = new RegExp(
  `^\\s*(${[
    '共 N 筆結果',
    '顯示 N / N 筆',
    'N results',
    'Showing N of N',
    'N kết quả',
    'Hiển thị N / N',
    'N hasil',
    'Menampilkan N dari N',
    'N รายการ',
    'แสดง N จาก N รายการ',
  ]
    .map((form) => form.replace(/[/]/g, '\\/').replaceAll('N', '[\\d,.]+'))
    .join('|')})`,
);

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export interface OpenOptions {
  /** A query string such as `?q=民雄`, as a shared link would carry it. */
  readonly search?: string;
  readonly viewport?: Viewport;
  /** Serve a data file (by its name in data/) with edited text, as if the office had changed it. */
  readonly editedDataFiles?: Readonly<Record<string, (original: string) => string>>;
  /** Data files (by name in data/) the server answers with 404, as if someone forgot to upload them. */
  readonly missingDataFiles?: readonly string[];
  /** Other origins the page may reach (a loopback server the test started, e.g. for a ?data= link). */
  readonly allowedOrigins?: readonly string[];
  /** The page has no DOMParser (workers have none either): what is read in a worker must not need it. */
  readonly withoutDomParser?: boolean;
}

/** One entry of the results list, as a person reads it. */
export interface ListedResource {
  readonly position: number;
  readonly name: string;
  readonly category: string;
}

/** What the map shows: clusters (with the number of resources in each) and single markers (by accessible name). */
export interface MapMarkers {
  readonly clusterCounts: readonly number[];
  readonly singleMarkers: readonly string[];
  /** Resources the markers stand for: the cluster counts plus the single markers. */
  readonly total: number;
}

export interface ResourceDetailView {
  readonly name: string;
  readonly phoneLinks: readonly string[];
}

export interface AccessibilityViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: readonly string[];
}

/** A Chromium the specs share; each `openApp` gets its own fresh context (no cookies, storage or cache). */
export class BrowserSession {
  private constructor(
    private readonly browser: Browser,
    private readonly appUrl: string,
  ) {}

  static async start(appUrl: string): Promise<BrowserSession> {
    return new BrowserSession(await launchChromium(), appUrl);
  }

  /** Opens the app as a person following a link would, and waits until the data has loaded. */
  async openApp(options: OpenOptions = {}): Promise<AppPage> {
    const context = await this.browser.newContext({
      viewport: options.viewport ?? { width: 1440, height: 900 },
      locale: 'zh-TW',
      timezoneId: 'Asia/Taipei',
      serviceWorkers: 'block',
    });
    // Fail a missing element in seconds, not Playwright's 30 s: a journey's steps are all quick.
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const app = new AppPage(context, page, new URL(this.appUrl), options);
    await app.install();
    await page.goto(new URL(options.search ?? '', this.appUrl).href);
    await app.waitUntilLoaded();
    return app;
  }

  /**
   * The page's main heading as it shows before any JavaScript has run: the scripts held back, as on a slow
   * connection (null when the page is blank).
   */
  async headingBeforeScripts(): Promise<string | null> {
    const context = await this.browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      await page.route(/^(?!http:\/\/(127\.0\.0\.1|localhost)[:/])/, (route) => route.abort());
      await page.route(/\.js(\?.*)?$/, (route) => route.abort());
      await page.goto(this.appUrl);
      const heading = page.getByRole('heading', { level: 1 });
      return (await heading.count()) === 1 ? await heading.textContent() : null;
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** The app in one tab, driven through what a person can see and do. */
export class AppPage {
  private readonly outside: string[] = [];
  private readonly dataRequests: string[] = [];
  private readonly errors: string[] = [];
  private readonly dialogs: string[] = [];

  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly origin: URL,
    private readonly options: OpenOptions,
  ) {}

  /** Network fence and error collection; the dataset worker's fetches go through the same routes. */
  async install(): Promise<void> {
    await this.context.route('**/*', (route) => this.handle(route));
    // Content-Security-Policy violations, as the page itself is told of them (the console says so too).
    await this.context.addInitScript(() => {
      // Once per page, also when several AppPages (tabs) of one context each add this script.
      if ('__cspViolations' in window) return;
      const seen: string[] = [];
      Object.defineProperty(window, '__cspViolations', { value: seen });
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.effectiveDirective} ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
      );
    });
    if (this.options.withoutDomParser)
      await this.context.addInitScript(() => Reflect.deleteProperty(window, 'DOMParser'));
    this.page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
    this.page.on('console', (message) => {
      // A blocked tile or a deliberately missing file is reported by the network checks, not here.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        this.errors.push(`console.error: ${message.text()}`);
      }
    });
    this.page.on('dialog', (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
  }

  private async handle(route: Route): Promise<void> {
    const url = new URL(route.request().url());
    if (url.origin !== this.origin.origin && !this.options.allowedOrigins?.includes(url.origin)) {
      this.outside.push(url.href);
      await route.abort('blockedbyclient');
      return;
    }
    const dataFile = /\/data\/([^/?#]+)$/.exec(url.pathname)?.[1];
    const name = dataFile ? decodeURIComponent(dataFile) : undefined;
    if (name) this.dataRequests.push(`${route.request().method()} ${name}`);
    if (name && this.options.missingDataFiles?.includes(name)) {
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
      return;
    }
    const edit = name ? this.options.editedDataFiles?.[name] : undefined;
    if (edit) {
      // As a plain static server would serve the edited file, to GET and HEAD alike (HEAD: its length, no body).
      const response = await route.fetch({ method: 'GET' });
      const original = new TextDecoder().decode(await response.body());
      const {
        'content-length': _length,
        'content-encoding': _encoding,
        'transfer-encoding': _transfer,
        ...headers
      } = response.headers();
      await route.fulfill({ status: response.status(), headers, body: edit(original) });
      return;
    }
    await route.continue();
  }

  // ---- Loading and navigation ----

  /** The texts of the page's level-1 headings (one, once the app has replaced the page's first header). */
  async mainHeadings(): Promise<string[]> {
    return this.page.getByRole('heading', { level: 1 }).allTextContents();
  }

  /** Waits until the result count ("共 111 筆結果") is announced. */
  async waitUntilLoaded(): Promise<void> {
    await this.resultCountStatus().waitFor({ state: 'visible' });
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilLoaded();
  }

  currentUrl(): URL {
    return new URL(this.page.url());
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  // ---- Phone screens ----

  /**
   * On a phone the app shows one screen at a time (找資源 / 清單 / 地圖), as a person switches between them; this
   * brings up the one an action needs. On wider screens everything is shown and this does nothing.
   */
  private async onPhoneScreen(view: 'find' | 'list' | 'map'): Promise<void> {
    const button = this.page.locator(`nav.phone-views button[data-view="${view}"]`);
    if ((await button.count()) === 0 || !(await button.isVisible())) return;
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  }

  // ---- Filters ----

  /** Types into the search box, replacing what was there. */
  async search(text: string): Promise<void> {
    await this.onPhoneScreen('find');
    await this.page.getByRole('searchbox', { name: '搜尋名稱、地址或服務' }).fill(text);
    // The address bar follows once typing pauses: a journey's next step (a reload, a shared link) sees it.
    await this.page.waitForFunction(
      (q) => (new URLSearchParams(window.location.search).get('q') ?? '') === q,
      text,
    );
  }

  /**
   * Types into the search box with an input method, as a 注音 user does: the composition (e.g. ㄇㄧㄣˊ) is shown
   * first, then `choose` commits the chosen characters. Uses Chromium's own IME events (DevTools protocol).
   */
  async composeInSearch(composition: string): Promise<{ commit(text: string): Promise<void> }> {
    await this.onPhoneScreen('find');
    await this.page.getByRole('searchbox', { name: '搜尋名稱、地址或服務' }).focus();
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send('Input.imeSetComposition', {
      text: composition,
      selectionStart: composition.length,
      selectionEnd: composition.length,
    });
    return {
      commit: async (text) => {
        await cdp.send('Input.insertText', { text });
        await cdp.detach();
      },
    };
  }

  async searchText(): Promise<string> {
    await this.onPhoneScreen('find');
    return this.page.getByRole('searchbox', { name: '搜尋名稱、地址或服務' }).inputValue();
  }

  /** Ticks or unticks a category by its name (the label also carries a count: "友善商店（46）"). */
  async setCategoryShown(category: string, shown: boolean): Promise<void> {
    await this.onPhoneScreen('find');
    await this.categoryCheckbox(category).setChecked(shown);
  }

  async isCategoryShown(category: string): Promise<boolean> {
    await this.onPhoneScreen('find');
    return this.categoryCheckbox(category).isChecked();
  }

  /** Chooses a county (and optionally a township) in the area filter. */
  async chooseArea(county: string, town = ''): Promise<void> {
    await this.onPhoneScreen('find');
    await this.page.getByRole('combobox', { name: '縣市' }).selectOption(county);
    if (town) await this.page.getByRole('combobox', { name: '鄉鎮市區' }).selectOption(town);
  }

  private categoryCheckbox(category: string): Locator {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(category)}（`) });
  }

  // ---- Results ----

  /** The number the result count announces ("共 111 筆結果" → 111; "顯示 65 / 111 筆" → 65). */
  async resultCount(): Promise<number> {
    await this.onPhoneScreen('list');
    const text = (await this.resultCountStatus().textContent()) ?? '';
    const first = /\d[\d,]*/.exec(text)?.[0];
    if (!first) throw new Error(`The result count has no number: "${text}"`);
    return Number(first.replaceAll(',', ''));
  }

  private resultCountStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: LOADED_COUNT });
  }

  /** How many items the list says it holds (aria-setsize), whether or not they are scrolled into view; 0 when empty. */
  async listSize(): Promise<number> {
    await this.onPhoneScreen('list');
    const first = this.resultList().getByRole('listitem').first();
    if ((await this.resultList().count()) === 0 || (await first.count()) === 0) return 0;
    return Number(await first.getAttribute('aria-setsize'));
  }

  /** The names the list shows right now (the list is virtualised: only what is near the viewport). */
  async visibleListNames(): Promise<string[]> {
    await this.onPhoneScreen('list');
    return (await this.readRenderedListItems()).map((item) => item.name);
  }

  /** Every item of the list, scrolling through it as a person would. */
  async allListedResources(): Promise<ListedResource[]> {
    await this.onPhoneScreen('list');
    const size = await this.listSize();
    const seen = new Map<number, ListedResource>();
    const scroller = this.page.getByTestId('result-scroll');
    if (size === 0) return [];
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    for (let step = 0; step < size + 5 && seen.size < size; step++) {
      for (const item of await this.readRenderedListItems()) seen.set(item.position, item);
      const atEnd = await scroller.evaluate((el) => {
        const before = el.scrollTop;
        el.scrollBy({ top: el.clientHeight * 0.8 });
        return el.scrollTop === before;
      });
      await this.page.waitForTimeout(50);
      if (atEnd) for (const item of await this.readRenderedListItems()) seen.set(item.position, item);
      if (atEnd) break;
    }
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    return [...seen.values()].sort((a, b) => a.position - b.position);
  }

  private async readRenderedListItems(): Promise<ListedResource[]> {
    if ((await this.resultList().count()) === 0) return [];
    return this.resultList().evaluate((list) =>
      [...list.querySelectorAll('li')].map((li) => {
        const meta = li.querySelector('.result-item__meta');
        return {
          position: Number(li.getAttribute('aria-posinset')),
          name: li.querySelector('.result-item__name')?.textContent ?? '',
          // The first text of the meta line is the category label; the place and badges follow.
          category: meta?.firstChild?.textContent?.trim() ?? '',
        };
      }),
    );
  }

  /** Clicks the list entry with exactly this name (it must be rendered: search first on long lists). */
  async clickListItem(name: string): Promise<void> {
    await this.onPhoneScreen('list');
    await this.resultList().getByText(name, { exact: true }).click();
  }

  private resultList(): Locator {
    return this.page.getByRole('list', { name: '結果清單' });
  }

  // ---- Map ----

  /** The clusters and single markers drawn on the map now. */
  async mapMarkers(): Promise<MapMarkers> {
    const labels = await this.page
      .locator('.leaflet-marker-pane .leaflet-marker-icon[aria-label]')
      .evaluateAll((els) =>
        els.map((el) => ({
          cluster: el.classList.contains('cluster-marker'),
          label: el.getAttribute('aria-label') ?? '',
        })),
      );
    const clusterCounts = labels
      .filter((m) => m.cluster)
      .map((m) => Number(/\d[\d,]*/.exec(m.label)?.[0]?.replaceAll(',', '') ?? Number.NaN));
    const singleMarkers = labels.filter((m) => !m.cluster).map((m) => m.label);
    return {
      clusterCounts,
      singleMarkers,
      total: clusterCounts.reduce((sum, n) => sum + n, 0) + singleMarkers.length,
    };
  }

  /** Clicks the single marker of a resource (its accessible name is "name（category）"). */
  async clickMarker(resourceName: string): Promise<void> {
    await this.onPhoneScreen('map');
    await this.page
      .locator(`.leaflet-marker-pane .leaflet-marker-icon[aria-label^="${cssString(`${resourceName}（`)}"]`)
      .click();
  }

  /** Clicks a cluster bubble standing for this many resources, which zooms the map in on it. */
  async clickCluster(count: number): Promise<void> {
    await this.onPhoneScreen('map');
    await this.page
      .locator('.leaflet-marker-pane .cluster-marker')
      .filter({ hasText: new RegExp(`^${count}$`) })
      .first()
      .click();
  }

  // ---- Detail, notices ----

  /** The open detail panel (a region named by its heading, the resource name), or null when none is open. */
  async detail(): Promise<ResourceDetailView | null> {
    await this.onPhoneScreen('list');
    const section = this.page.locator('section[aria-labelledby="detail-heading"]');
    if ((await section.count()) === 0) return null;
    const name = ((await section.getByRole('heading', { level: 2 }).textContent()) ?? '').trim();
    // Checks the region really is named by its heading, as a screen reader would announce it.
    if ((await this.page.getByRole('region', { name, exact: true }).count()) === 0) {
      throw new Error(`The detail panel is not a region named "${name}"`);
    }
    const phoneLinks = await section
      .locator('a[href^="tel:"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    return { name, phoneLinks };
  }

  /** Visible notes (role=note), e.g. the sample-data notice and the tiles-unavailable notice. */
  async notes(): Promise<string[]> {
    return this.visibleTexts(this.page.getByRole('note'));
  }

  /** The load report, opened as a person opens it: its count per kind of issue, and its issue rows. */
  async loadReport(): Promise<{ kinds: string[]; rows: string[] }> {
    const report = this.page.locator('section.load-report');
    const open = await report.locator('details').evaluate((details) => (details as HTMLDetailsElement).open);
    if (!open) await report.locator('summary').click();
    await report.locator('ol.report-issues').waitFor();
    return {
      kinds: await report.locator('.report-kinds li').allTextContents(),
      rows: await report.locator('.report-issues li').allTextContents(),
    };
  }

  /** Visible alerts (role=alert), e.g. a data file that could not be loaded. */
  async alerts(): Promise<string[]> {
    return this.visibleTexts(this.page.getByRole('alert'));
  }

  private async visibleTexts(locator: Locator): Promise<string[]> {
    const texts: string[] = [];
    for (const el of await locator.all())
      if (await el.isVisible()) texts.push(((await el.textContent()) ?? '').trim());
    return texts;
  }

  // ---- What the tab did behind the scenes ----

  /** Every request for the data folder, as "GET manifest.json", "HEAD sample-community-resources.csv"… */
  dataFolderRequests(): readonly string[] {
    return [...this.dataRequests];
  }

  /** Every request to another origin (all were blocked). */
  outsideRequests(): readonly string[] {
    return [...this.outside];
  }

  /** Uncaught exceptions and console errors (failed resource loads excepted). */
  pageErrors(): readonly string[] {
    return [...this.errors];
  }

  /** Content-Security-Policy violations the page reported so far. */
  async cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => [
      ...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []),
    ]);
  }

  /** The page's Content-Security-Policy meta tag (null without one). */
  async cspMeta(): Promise<string | null> {
    return this.page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content', { timeout: 1000 })
      .catch(() => null);
  }

  /** alert/confirm/prompt dialogs the page tried to open (all dismissed). */
  dialogsOpened(): readonly string[] {
    return [...this.dialogs];
  }

  /** The JSON value of a global (e.g. a flag an injected script would set); undefined when unset. */
  async windowProperty(name: string): Promise<unknown> {
    return this.page.evaluate((key) => (window as unknown as Record<string, unknown>)[key], name);
  }

  /** Widest content in CSS pixels: more than the viewport width means sideways scrolling. */
  async pageScrollWidth(): Promise<number> {
    return this.page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
  }

  // ---- Checks and records ----

  /** axe-core WCAG 2.1 A/AA checks on the page as it is now; only serious and critical findings. */
  async accessibilityViolations(): Promise<AccessibilityViolation[]> {
    if (!(await this.page.evaluate(() => 'axe' in window))) await runScriptFile(this.page, AXE_SCRIPT);
    return this.page.evaluate(async (tags) => {
      type AxeResult = {
        violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
      };
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResult> } })
        .axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({
          id: v.id,
          impact: v.impact ?? '',
          help: v.help,
          targets: v.nodes.map((n) => n.target.map(String).join(' ')),
        }));
    }, AXE_TAGS);
  }

  /**
   * Saves what the screen shows to tests/e2e/artifacts/<name>.png and returns its path.
   * `fullPage` captures the whole scrollable page instead; Chromium enlarges the viewport to do it,
   * which can move the map's markers, so it is for seeing a long page, not for judging the map.
   */
  async screenshot(name: string, { fullPage = false } = {}): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = `${ARTIFACTS}${name}.png`;
    await this.page.screenshot({ path, fullPage });
    return path;
  }

  /** The page's size against the window's, and how many list rows are in the DOM (a virtual list renders few). */
  async layout(): Promise<{ pageHeight: number; windowHeight: number; renderedListRows: number }> {
    return this.page.evaluate(() => ({
      pageHeight: (document.scrollingElement ?? document.documentElement).scrollHeight,
      windowHeight: window.innerHeight,
      renderedListRows: document.querySelectorAll('ul[aria-label] > li').length,
    }));
  }

  /** Waits until the map has stopped moving (fly-to animations done): the URL's view stays put for a while. */
  async waitForMapToRest(): Promise<void> {
    let last = this.currentUrl().searchParams.get('at');
    for (let quiet = 0, tries = 0; quiet < 3 && tries < 50; tries++) {
      await this.page.waitForTimeout(200);
      const now = this.currentUrl().searchParams.get('at');
      quiet = now === last ? quiet + 1 : 0;
      last = now;
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function cssString(text: string): string {
  return text.replace(/["\\]/g, '\\$&');
}
