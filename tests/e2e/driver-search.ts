/**
 * Playwright-facing helpers for the search journeys: typing as a person does (one key at a time, on a phone),
 * reading "did you mean" and what the page offers when nothing is found. Each tab is a driver `AppPage`.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { AppPage, launchChromium, type Viewport } from './driver.ts';

export const PHONE = { width: 360, height: 640 } as const;

/** What the page offers when a search finds nothing, as a person reads it. */
export interface NothingFoundView {
  readonly heading: string;
  /** The heading over the resources offered (離民雄鄉最近的心理衛生), '' when none are offered. */
  readonly offeredHeading: string;
  /** The resources offered, each as its button reads (name, then the distance). */
  readonly offered: readonly string[];
  /** The hotlines' tel: links. */
  readonly hotlines: readonly string[];
  readonly buttons: readonly string[];
}

/** A Chromium for the search journeys; every `open` gets a fresh context. */
export class SearchBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly appUrl: string,
  ) {}

  static async start(appUrl: string): Promise<SearchBrowser> {
    return new SearchBrowser(await launchChromium(), appUrl);
  }

  /** Opens the app on a phone (or the given viewport), optionally by a link's query (`?q=…`), and waits for the data. */
  async open(viewport: Viewport = PHONE, search = ''): Promise<Searcher> {
    const context = await this.browser.newContext({
      viewport,
      locale: 'zh-TW',
      timezoneId: 'Asia/Taipei',
      serviceWorkers: 'block',
      ...(viewport.width < 900 ? { isMobile: true, hasTouch: true } : {}),
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const app = new AppPage(context, page, new URL(this.appUrl), { search });
    await app.install();
    await page.goto(new URL(search, this.appUrl).href);
    await app.waitUntilLoaded();
    return new Searcher(page, app);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** A person searching in one tab. */
export class Searcher {
  constructor(
    private readonly page: Page,
    /** The shared driver's view of the same tab (result count, axe, screenshots, errors). */
    readonly app: AppPage,
  ) {}

  /** Switches the phone screen (找資源 / 清單 / 地圖); nothing on a wide screen. */
  async showScreen(name: string | RegExp): Promise<void> {
    const button = this.page.getByRole('navigation').getByRole('button', { name });
    if ((await button.count()) > 0 && (await button.isVisible())) await button.click();
  }

  /** Taps the search box and types, one key at a time, replacing what was there. */
  async type(text: string): Promise<void> {
    await this.showScreen('找資源');
    const box = this.page.getByRole('searchbox', { name: '搜尋名稱、地址或服務' });
    await box.tap().catch(() => box.click());
    await box.fill('');
    await this.page.keyboard.type(text, { delay: 30 });
  }

  /** The names in the results list, in order (the rows rendered now). */
  async listedNames(): Promise<string[]> {
    await this.showScreen(/^清單/);
    const list = this.page.getByRole('list', { name: '結果清單' });
    if ((await list.count()) === 0) return [];
    return list.evaluate((ul) =>
      [...ul.querySelectorAll('li')]
        .sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')))
        .map((li) => li.querySelector('.result-item__name')?.textContent ?? ''),
    );
  }

  /** The result count's words (共 … 筆 / 顯示 … 筆, and 您是不是要找… when the results are for a correction). */
  async status(): Promise<string> {
    await this.showScreen(/^清單/);
    return ((await this.page.locator('.result-count[role="status"]').textContent()) ?? '').trim();
  }

  /** Presses 改搜尋「…」. */
  async acceptSuggestion(): Promise<void> {
    await this.page.getByRole('button', { name: /^改搜尋「/ }).click();
  }

  /** What the page offers when nothing is found, or null when it shows results. */
  async nothingFound(): Promise<NothingFoundView | null> {
    await this.showScreen(/^清單/);
    const region = this.page.locator('section.nothing-found');
    if ((await region.count()) === 0) return null;
    const offered = region.locator('.nothing-found__nearest');
    const texts = (locator: Locator) =>
      locator.evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
    return {
      heading: ((await region.getByRole('heading', { level: 3 }).textContent()) ?? '').trim(),
      offeredHeading:
        (await offered.count()) === 0
          ? ''
          : ((await region.locator('h4#nothing-found-nearest').textContent()) ?? '').trim(),
      offered: await texts(offered.getByRole('button')),
      hotlines: await region
        .locator('a[href^="tel:"]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? '')),
      buttons: await texts(region.locator('.nothing-found__clear').getByRole('button')),
    };
  }

  /** Opens a resource the nothing-found panel offers. */
  async openOffered(name: string): Promise<void> {
    await this.page
      .locator('.nothing-found__nearest')
      .getByRole('button', { name: new RegExp(name) })
      .click();
  }

  /** Presses a button of the nothing-found panel (清除搜尋, 清除所有篩選條件). */
  async pressInNothingFound(name: string): Promise<void> {
    await this.page.locator('section.nothing-found').getByRole('button', { name, exact: true }).click();
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}
