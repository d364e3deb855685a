/**
 * Playwright-facing helpers for the resident journeys (near me, phone, keyboard, offline). They build on driver.ts:
 * each tab is a driver `AppPage` (network fence, errors, axe, screenshots), opened in a context this module sets up
 * with what those journeys need (a granted or denied position, a fixed clock, service workers, phone size).
 */
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page, Route } from 'playwright-core';
import { AppPage, launchChromium, type OpenOptions } from './driver.ts';

export const PHONE = { width: 360, height: 640 } as const;
export const DESKTOP = { width: 1440, height: 900 } as const;

export interface ResidentOptions extends OpenOptions {
  /** The device's position, or 'denied' to refuse permission (default: denied, as a prompt nobody answers). */
  readonly position?: { readonly latitude: number; readonly longitude: number } | 'denied';
  /** Freezes the clock at this instant (ISO with offset, e.g. 2026-01-05T15:00:00+08:00). */
  readonly now?: string;
  /** Let the app install its service worker (the offline journey). */
  readonly serviceWorkers?: boolean;
  /** Answer basemap tile requests with a small image instead of blocking them. */
  readonly fakeTiles?: boolean;
  /** Let the page write to (and the test read) the clipboard. */
  readonly clipboard?: boolean;
}

/** One request the tab made, with everything that could carry a position. */
export interface SeenRequest {
  readonly url: string;
  readonly headers: string;
  readonly body: string;
}

/** One result as a resident reads it. */
export interface ListedResult {
  readonly name: string;
  /** Metres, from the distance shown (null when none is shown). */
  readonly distanceMetres: number | null;
  readonly distanceText: string;
  /** open / closed / unknown / none, from the badge (null while hours are not evaluated). */
  readonly openState: string | null;
  readonly verified: string;
}

// A 1×1 PNG, so that tiles "load" in the offline journey.
const TILE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const isTileHost = (url: URL) =>
  url.hostname.endsWith('nlsc.gov.tw') || url.hostname.endsWith('openstreetmap.org');
const answerTile = (route: Route) => route.fulfill({ status: 200, contentType: 'image/png', body: TILE_PNG });

/** A Chromium for the resident journeys; every `open` gets a fresh context (no storage, cache or worker). */
export class ResidentBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly appUrl: string,
  ) {}

  static async start(appUrl: string): Promise<ResidentBrowser> {
    return new ResidentBrowser(await launchChromium(), appUrl);
  }

  /** Opens the app as a resident's phone or computer would, and waits for the data. */
  async open(options: ResidentOptions = {}): Promise<Resident> {
    const position = options.position ?? 'denied';
    const contextOptions: BrowserContextOptions = {
      viewport: options.viewport ?? DESKTOP,
      locale: 'zh-TW',
      timezoneId: 'Asia/Taipei',
      serviceWorkers: options.serviceWorkers ? 'allow' : 'block',
      permissions: [
        ...(position === 'denied' ? [] : ['geolocation']),
        ...(options.clipboard ? ['clipboard-read', 'clipboard-write'] : []),
      ],
      ...(position === 'denied' ? {} : { geolocation: position }),
      ...(options.viewport && options.viewport.width < 900 ? { isMobile: true, hasTouch: true } : {}),
    };
    const context = await this.browser.newContext(contextOptions);
    const page = await context.newPage();
    if (options.now) await page.clock.setFixedTime(new Date(options.now));
    const app = new AppPage(context, page, new URL(this.appUrl), options);
    await app.install();
    const resident = new Resident(context, page, app);
    if (options.fakeTiles) await resident.answerTiles();
    await page.goto(new URL(options.search ?? '', this.appUrl).href);
    await app.waitUntilLoaded();
    return resident;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** A resident using the app in one tab: what they press and read, in their words. */
export class Resident {
  private readonly seen: SeenRequest[] = [];
  private offline = false;

  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    /** The shared driver's view of the same tab (result count, axe, screenshots, errors, network fence). */
    readonly app: AppPage,
  ) {
    context.on('request', (request) => {
      void request.allHeaders().then(
        (headers) =>
          this.seen.push({
            url: request.url(),
            headers: JSON.stringify(headers),
            body: request.postData() ?? '',
          }),
        () => this.seen.push({ url: request.url(), headers: '', body: request.postData() ?? '' }),
      );
    });
  }

  async answerTiles(): Promise<void> {
    // Registered after the driver's fence, so it runs first for images from other origins (the basemap).
    await this.context.route(isTileHost, answerTile);
  }

  /** From now on tile requests fail again (the driver's fence aborts them): only cached tiles can show. */
  async stopAnsweringTiles(): Promise<void> {
    await this.context.unroute(isTileHost, answerTile);
  }

  /** Every request the tab (and its workers) made so far, in order. */
  requests(): readonly SeenRequest[] {
    return [...this.seen];
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  // ---- Phone screens ----

  /** Switches the phone screen (找資源 / 清單 / 地圖, or Find / List / Map). */
  async showScreen(name: string | RegExp): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name }).click();
  }

  // ---- Near me ----

  /** Presses 使用我的位置 (the visible one: the panel on a computer, the start bar on a phone). */
  async useMyLocation(name: string | RegExp = '使用我的位置'): Promise<void> {
    await this.visible(this.page.getByRole('button', { name })).click();
  }

  /** What the visible location message says (empty when there is none). */
  async locationMessage(): Promise<string> {
    const messages = this.page.locator('.nearby-message[role="status"]');
    for (const m of await messages.all()) {
      if (await m.isVisible()) {
        const text = ((await m.textContent()) ?? '').trim();
        if (text) return text;
      }
    }
    return '';
  }

  /** Opens "或選擇地點" in the near-me panel if it is closed. */
  async openOtherWays(): Promise<void> {
    const details = this.page.locator('details.nearby-other-ways');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await details.locator('summary').click();
    }
  }

  /** Picks a township from the county and township lists and searches around it. */
  async chooseTownship(county: string, town: string): Promise<void> {
    await this.openOtherWays();
    const picker = this.page.locator('.place-picker');
    await picker.getByLabel('縣市', { exact: true }).selectOption(county);
    await picker.getByLabel('鄉鎮市區', { exact: true }).selectOption(town);
    await picker.getByRole('button', { name: '以這個鄉鎮市區為中心' }).click();
  }

  /** Types a township name and searches around it. */
  async typeTownship(text: string): Promise<void> {
    await this.openOtherWays();
    await this.page.getByRole('combobox', { name: '輸入鄉鎮市區名稱' }).fill(text);
    await this.page.getByRole('button', { name: '搜尋地點' }).click();
  }

  /** Chooses a distance (km, or null for any distance). */
  async chooseRadius(km: number | null): Promise<void> {
    await this.page.getByRole('radio', { name: km === null ? '不限距離' : `${km} 公里內` }).check();
  }

  async setOpenNowOnly(on: boolean): Promise<void> {
    await this.page.getByRole('checkbox', { name: /^只顯示營業中/ }).setChecked(on);
  }

  /** Presses a need button (我需要餐食, 緊急求助…). */
  async pressNeed(name: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  async isNeedPressed(name: string): Promise<boolean> {
    return (
      (await this.page.getByRole('button', { name, exact: true }).getAttribute('aria-pressed')) === 'true'
    );
  }

  /** The hotline call links shown (tel: hrefs). */
  async hotlineLinks(): Promise<string[]> {
    return this.page
      .locator('.hotlines a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  }

  /** The summary above the results ("離「你的位置」由近到遠排列" …), or '' without a reference point. */
  async nearbySummary(): Promise<string> {
    const summary = this.page.locator('.nearby-summary:not(.nearby-summary--start)');
    return (await summary.count()) === 0 ? '' : ((await summary.textContent()) ?? '').trim();
  }

  // ---- Results ----

  /** The results the list shows right now, top first, as a resident reads them. */
  async listedResults(): Promise<ListedResult[]> {
    return this.resultList().evaluate((list) =>
      [...list.querySelectorAll('li')]
        .sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')))
        .map((li) => {
          const distance = li.querySelector('.distance');
          const metres = distance?.getAttribute('data-distance-metres');
          return {
            name: li.querySelector('.result-item__name')?.textContent ?? '',
            distanceMetres: metres ? Number(metres) : null,
            distanceText: distance?.textContent ?? '',
            openState: li.querySelector('[data-open-state]')?.getAttribute('data-open-state') ?? null,
            verified: li.querySelector('.verified')?.textContent ?? '',
          };
        }),
    );
  }

  /** The result list, whatever the page's language names it (結果清單, Result list, Danh sách kết quả…). */
  private resultList(): Locator {
    return this.page.locator('ul.result-list');
  }

  /** Opens a result by its name. */
  async openResult(name: string): Promise<void> {
    await this.resultList().getByText(name, { exact: true }).click();
  }

  /** Opens the open detail's correction report form by its button's name (any language). */
  async openCorrectionReport(name: string): Promise<void> {
    const detail = this.page.locator('section.resource-detail');
    await detail.getByRole('button', { name }).click();
    await detail.locator('.correction-report__form').waitFor();
  }

  /** Opens 回報資料錯誤 in the open detail, says what is wrong and what is right; returns the send link. */
  async reportCorrection(field: string, proposed: string): Promise<string> {
    const detail = this.page.locator('section.resource-detail');
    await detail.getByRole('button', { name: '回報資料錯誤' }).click();
    const form = detail.getByRole('group', { name: /^回報「/ });
    await form.getByLabel('哪一項不對？').selectOption({ label: field });
    await form.getByLabel('正確的內容是？').fill(proposed);
    return (await form.getByRole('link', { name: '寄出回報' }).getAttribute('href')) ?? '';
  }

  /** Links in the open detail, by their text. */
  async detailLinks(): Promise<{ text: string; href: string }[]> {
    return this.page
      .locator('section.resource-detail a')
      .evaluateAll((links) =>
        links.map((a) => ({ text: (a.textContent ?? '').trim(), href: a.getAttribute('href') ?? '' })),
      );
  }

  /** The text of one field of the open detail (距離, 開放時間…). */
  async detailField(name: string): Promise<string> {
    const dt = this.page.locator('section.resource-detail dt', { hasText: name });
    return ((await dt.locator('xpath=following-sibling::dd[1]').textContent()) ?? '').trim();
  }

  // ---- Language ----

  /** Chooses a language in the header's language menu (named 語言 Language / Language / Ngôn ngữ…). */
  async chooseLanguage(code: 'zh-TW' | 'en' | 'vi' | 'id' | 'th'): Promise<void> {
    await this.page.getByRole('combobox', { name: /Language/ }).selectOption(code);
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, code);
  }

  async switchToEnglish(): Promise<void> {
    await this.chooseLanguage('en');
  }

  // ---- Keyboard ----

  /** Presses Tab until the focused element matches, as a keyboard user would; returns how many presses it took. */
  async tabUntil(describe: (focused: FocusedElement) => boolean, maxPresses = 200): Promise<number> {
    for (let presses = 1; presses <= maxPresses; presses++) {
      await this.page.keyboard.press('Tab');
      const focused = await this.focused();
      if (focused && describe(focused)) return presses;
    }
    throw new Error(`Focus never reached the wanted element in ${maxPresses} Tab presses`);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async typeText(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /** The focused element, with whether its focus can be seen (an outline or a box shadow). */
  async focused(): Promise<FocusedElement | null> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        tag: el.tagName.toLowerCase(),
        role: el.getAttribute('role') ?? '',
        name: (
          el.getAttribute('aria-label') ??
          ((el as HTMLInputElement).labels?.[0]?.textContent || el.textContent) ??
          ''
        )
          .trim()
          .slice(0, 120),
        href: el.getAttribute('href') ?? '',
        visibleFocus:
          (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
          style.boxShadow !== 'none',
      };
    });
  }

  /** Records activations of tel: links (and keeps the browser from handing them to a phone app it lacks). */
  async recordCalls(): Promise<void> {
    await this.page.evaluate(() => {
      const calls: string[] = [];
      (window as unknown as { __calls: string[] }).__calls = calls;
      document.addEventListener(
        'click',
        (event) => {
          const link = (event.target as Element | null)?.closest?.('a[href^="tel:"]');
          if (!link) return;
          calls.push(link.getAttribute('href') ?? '');
          event.preventDefault();
        },
        true,
      );
    });
  }

  async callsPlaced(): Promise<string[]> {
    return this.page.evaluate(() => [...((window as unknown as { __calls?: string[] }).__calls ?? [])]);
  }

  /** What the clipboard holds (the context must have been opened with `clipboard`). */
  async clipboardText(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /**
   * The call button (打電話, a tel: link) of a listed result, or of the open detail when `inDetail`: its tel: and its
   * box on screen, to check it is at least 44 px and above the fold.
   */
  async callButton(
    where: { readonly result: number } | 'detail',
  ): Promise<{ href: string; top: number; bottom: number; height: number; width: number } | null> {
    const scope =
      where === 'detail'
        ? this.page.locator('section.resource-detail > .contact-buttons')
        : this.page.locator(`.result-row[aria-posinset="${where.result + 1}"] .contact-buttons`);
    const link = scope.locator('a[href^="tel:"]').first();
    if ((await link.count()) === 0) return null;
    const box = await link.boundingBox();
    if (!box) return null;
    return {
      href: (await link.getAttribute('href')) ?? '',
      top: box.y,
      bottom: box.y + box.height,
      height: box.height,
      width: box.width,
    };
  }

  /** Taps the call button of a listed result (0 is the top one). */
  async callResult(index: number): Promise<void> {
    await this.page
      .locator(`.result-row[aria-posinset="${index + 1}"] .contact-buttons a[href^="tel:"]`)
      .click();
  }

  /** Opens the header's help lines (緊急電話 / Help lines…) and returns the dialog's tel: links. */
  async openHelpLines(name: string | RegExp): Promise<string[]> {
    await this.visible(this.page.getByRole('button', { name })).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    return dialog
      .locator('a[href^="tel:"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  }

  /**
   * The page's own words (headings, labels, buttons, notes, field names) that are written in Chinese: in another
   * language there must be none. Data (names, addresses, the result cards' text, place names in lists) is left
   * out, and so is the language menu (its label says 語言 on purpose in English).
   */
  async chineseUiTexts(): Promise<string[]> {
    return this.page.evaluate(() => {
      const han = /\p{Script=Han}/u;
      const selector = [
        'header h1',
        '.app-subtitle',
        'button:not(.result-item)',
        'label',
        'legend',
        'h2:not(#detail-heading)',
        'h3',
        'summary',
        'dt',
        '.result-count',
        '.sample-notice',
        '.badge',
        '.result-item__note',
        '.verified',
        '.distance',
        '.contact-button',
        '.hotline__label',
        '[role="dialog"] p',
        '.nearby-privacy',
      ].join(', ');
      const out: string[] = [];
      const names = [...document.querySelectorAll('#detail-heading, .result-item__name')]
        .map((el) => el.textContent ?? '')
        .filter(Boolean);
      for (const el of document.querySelectorAll<HTMLElement>(selector)) {
        if (el.closest('.language-menu, .result-item__name, #detail-heading') || !el.checkVisibility())
          continue;
        // Data inside a label or button (a place name, a record's name) is not the page's own words.
        const clone = el.cloneNode(true) as HTMLElement;
        for (const data of clone.querySelectorAll(
          'select, option, .result-item__name, .contact-button__detail, .contact-button .visually-hidden',
        ))
          data.remove();
        // Records' names quoted in the page's own sentences (回報「…」的資料錯誤) are data too.
        let text = (clone.textContent ?? '').trim();
        for (const name of names) text = text.split(name).join('');
        if (han.test(text)) out.push(text.slice(0, 80));
      }
      return out;
    });
  }

  /** Presses a button by its name (the visible one when a phone and a computer layout both have it). */
  async pressButton(name: string | RegExp): Promise<void> {
    await this.visible(this.page.getByRole('button', { name })).click();
  }

  /** Shares the open resource: the share sheet where there is one, else "copy link". */
  async shareResource(): Promise<void> {
    await this.page.locator('section.resource-detail .share-actions button').click();
  }

  /** Shares the current view (the 分享此畫面 section). */
  async shareView(): Promise<void> {
    await this.page.locator('.share-view .share-actions button').click();
  }

  /** What the open resource's share status says ("已複製連結。"). */
  async resourceShareStatus(): Promise<string> {
    return ((await this.page.locator('section.resource-detail .share-status').textContent()) ?? '').trim();
  }

  // ---- Offline ----

  /** Waits until the service worker controls the page and has kept the data for offline use. */
  async waitUntilReadyOffline(): Promise<void> {
    await this.page.waitForFunction(
      () => document.documentElement.dataset.offlineReady === 'true',
      undefined,
      {
        timeout: 30_000,
      },
    );
    // The first visit was not yet controlled by the worker; a controlled one proves the shell comes from it.
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
  }

  async setOffline(offline: boolean): Promise<void> {
    this.offline = offline;
    await this.context.setOffline(offline);
  }

  /** Reloads the page (the data must come back, from the network or the offline copy). */
  async reload(): Promise<void> {
    await this.app.reload();
    if (this.offline) await this.tellPageItIsOffline();
  }

  /**
   * Chromium 150 keeps blocking the network after a reload under `setOffline`, but the new
   * document reads `navigator.onLine === true` (a real offline phone reads false). Emulating the
   * offline network again on the page's own session gives the document what a phone would.
   */
  private async tellPageItIsOffline(): Promise<void> {
    const session = await this.context.newCDPSession(this.page);
    await session.send('Network.emulateNetworkConditions', {
      offline: true,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
  }

  /** Clicks the map at a fraction of its width and height (0.5, 0.5 is the centre). */
  async clickMap(x = 0.5, y = 0.5): Promise<void> {
    const box = await this.page.locator('.map').boundingBox();
    if (!box) throw new Error('The map is not on screen');
    await this.page.mouse.click(box.x + box.width * x, box.y + box.height * y);
  }

  /** What the map draws for the reference point: the point itself, and the radius circle when one is chosen. */
  async referenceOnMap(): Promise<{ point: number; circles: number }> {
    return {
      point: await this.page.locator('.leaflet-nearby-reference-pane path').count(),
      circles: await this.page.locator('.leaflet-overlay-pane path[stroke-dasharray]').count(),
    };
  }

  /** Opens the phone's header menu (工具 / Tools). */
  async openToolsMenu(): Promise<void> {
    await this.page.getByRole('button', { name: /^(工具|Tools)$/ }).click();
  }

  /** How many basemap tiles the map shows as loaded. */
  async tilesLoaded(): Promise<number> {
    return this.page.locator('img.leaflet-tile-loaded').count();
  }

  /** Whether the page is controlled by the app's service worker. */
  async controlledByServiceWorker(): Promise<boolean> {
    return this.page.evaluate(() => navigator.serviceWorker.controller !== null);
  }

  // ---- Misc ----

  /** The width of the widest element on screen vs. the viewport (for sideways scrolling on phones). */
  async viewportWidth(): Promise<number> {
    return this.page.evaluate(() => window.innerWidth);
  }

  /** Visible interactive elements smaller than 44×44 px (inline links in text excepted). */
  async smallTouchTargets(): Promise<string[]> {
    return this.page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('button, a[href], input, select, summary')) {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        // Not shown, or visually hidden (1 px, clipped) behind a visible control that is measured instead.
        if (r.width <= 1 || r.height <= 1 || style.visibility === 'hidden' || el.closest('[hidden]'))
          continue;
        if (el.closest('.leaflet-control-attribution, .skip-link')) continue;
        if (el.tagName === 'A' && style.display === 'inline') continue;
        // A small input with a label (a checkbox, a radio) is operated through its label: the larger box counts.
        const label = (el as HTMLInputElement).labels?.[0];
        const own = el.getBoundingClientRect();
        const viaLabel = el.tagName === 'INPUT' ? label?.getBoundingClientRect() : undefined;
        const box = viaLabel && viaLabel.width * viaLabel.height > own.width * own.height ? viaLabel : own;
        if (box.height < 43.5 || box.width < 43.5) {
          out.push(
            `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''}#${el.id} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
          );
        }
      }
      return out;
    });
  }

  /** Visible text set smaller than 16 px. */
  async smallText(): Promise<string[]> {
    return this.page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const el = node.parentElement;
        if (!text || !el) continue;
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (
          r.width === 0 ||
          style.visibility === 'hidden' ||
          el.closest('.visually-hidden, .leaflet-marker-icon')
        )
          continue;
        if (Number.parseFloat(style.fontSize) < 15.5) out.push(`"${text.slice(0, 30)}" ${style.fontSize}`);
      }
      return out;
    });
  }

  private visible(locator: Locator): Locator {
    return locator.filter({ visible: true }).first();
  }
}

/** The focused element as a keyboard user meets it. */
export interface FocusedElement {
  readonly tag: string;
  readonly role: string;
  readonly name: string;
  readonly href: string;
  readonly visibleFocus: boolean;
}
