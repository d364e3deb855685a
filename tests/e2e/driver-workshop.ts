/**
 * The facilitator's side of the app, in words a workshop uses ("enter presentation mode", "click the map and add
 * 阿美早餐店", "export the workshop file"). Builds on driver.ts (AppPage for the shared actions and the network
 * fence); this file holds the workshop's Playwright details, including what driver.ts does not offer: a second tab
 * in the same browser profile (IndexedDB survives), downloads, and decoding the QR code from a screenshot.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type * as Y from 'yjs';
import {
  AppPage,
  launchChromium,
  launchChromiumRefusingSiteData,
  type OpenOptions,
  runScriptFile,
  type Viewport,
} from './driver.ts';
import { storedLocalDocument } from './stored-local-document.ts';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const JSQR_SCRIPT = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');

/** The projector sizes the issue names. */
export const PROJECTOR_VIEWPORTS: readonly Viewport[] = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];

export interface LegendEntry {
  readonly label: string;
  readonly count: number;
  readonly hidden: boolean;
}

export interface TextSizes {
  /** Computed font size (px) of the legend's category labels. */
  readonly legendLabel: number;
  /** Of the legend's counts. */
  readonly legendCount: number;
  /** Of the page's body text in presentation (the .app element). */
  readonly body: number;
  /** Contrast ratio of the legend label colour against its background. */
  readonly legendContrast: number;
}

export interface ResourceDraft {
  readonly name: string;
  readonly category?: string;
  readonly services?: readonly string[];
  readonly address?: string;
  readonly phone?: string;
  readonly note?: string;
  readonly startYear?: string;
}

export interface InventoryTableView {
  readonly columns: readonly string[];
  /** Row heading (county + township) → counts by column, including 合計. */
  readonly rows: ReadonlyMap<string, Readonly<Record<string, number>>>;
  /** Cells marked as gaps (0 with the 缺 mark), as "row|column". */
  readonly gaps: readonly string[];
}

export interface Download {
  readonly fileName: string;
  readonly path: string;
  readonly bytes: Buffer;
}

/** One browser profile kept across tabs, so "close the tab and open it again" finds IndexedDB as it was. */
export class WorkshopBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly appUrl: string,
  ) {}

  static async start(appUrl: string): Promise<WorkshopBrowser> {
    return new WorkshopBrowser(await launchChromium(), appUrl);
  }

  /** A fresh profile (no storage) at a projector size, opened at `search`. */
  async open(options: OpenOptions = {}): Promise<WorkshopTab> {
    return WorkshopTab.open(await this.newContext(options), this.appUrl, options);
  }

  /**
   * A fresh profile whose IndexedDB holds what an earlier version of the app kept of a workshop: `snapshot` under
   * the old store (`crm-workshop`, key `current`), written from a page of the app's origin that runs no app (the
   * manifest), so that the app finds it on its first start.
   */
  async openWithOldWorkshopStore(snapshot: unknown, options: OpenOptions = {}): Promise<WorkshopTab> {
    const context = await this.newContext(options);
    const page = await context.newPage();
    await page.goto(new URL('data/manifest.json', this.appUrl).href);
    await page.evaluate(
      (value) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('crm-workshop', 1);
          request.onupgradeneeded = () => request.result.createObjectStore('workshop');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction('workshop', 'readwrite');
            tx.objectStore('workshop').put(value, 'current');
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      snapshot,
    );
    await page.close();
    return WorkshopTab.open(context, this.appUrl, options);
  }

  /**
   * A fresh profile whose site may store at most `bytes` (DevTools Protocol: Storage.overrideQuotaForOrigin), as
   * a full disk would. Set before the app's first use of IndexedDB, from a page of the origin that runs no app (the
   * manifest) and stays open: Chromium reckons the space left once, at the origin's first use, and the limit lasts
   * as long as the DevTools session that set it.
   */
  async openWithStorageLimit(bytes: number, options: OpenOptions = {}): Promise<WorkshopTab> {
    const context = await this.newContext(options);
    const page = await context.newPage();
    await page.goto(new URL('data/manifest.json', this.appUrl).href);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: new URL(this.appUrl).origin,
      quotaSize: bytes,
    });
    return WorkshopTab.open(context, this.appUrl, options);
  }

  /**
   * The app in a Chromium of its own whose person refuses sites' data (IndexedDB does not open, localStorage
   * throws); closing the tab's profile closes that browser and deletes its profile.
   */
  async openRefusingSiteData(options: OpenOptions = {}): Promise<WorkshopTab> {
    const refusing = await launchChromiumRefusingSiteData();
    return WorkshopTab.open(refusing.context, this.appUrl, options, options.search, refusing.dispose);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  private newContext(options: OpenOptions): Promise<BrowserContext> {
    return this.browser.newContext({
      viewport: options.viewport ?? { width: 1920, height: 1080 },
      locale: 'zh-TW',
      timezoneId: 'Asia/Taipei',
      serviceWorkers: 'block',
      acceptDownloads: true,
    });
  }
}

/** The app in one tab of a workshop profile. */
export class WorkshopTab {
  private constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    /** The shared driver, for what every journey does (result count, list, markers, errors). */
    readonly app: AppPage,
    private readonly appUrl: string,
    private readonly options: OpenOptions,
    /** Closes the profile (and, for a browser of its own, the browser and its profile on disk). */
    private readonly disposeProfile: () => Promise<void>,
  ) {}

  static async open(
    context: BrowserContext,
    appUrl: string,
    options: OpenOptions,
    search = options.search,
    disposeProfile = () => context.close(),
  ) {
    const page = await context.newPage();
    const app = new AppPage(context, page, new URL(appUrl), options);
    await app.install();
    await page.goto(new URL(search ?? '', appUrl).href);
    const tab = new WorkshopTab(context, page, app, appUrl, options, disposeProfile);
    await tab.waitUntilLoaded();
    return tab;
  }

  /**
   * The result count says the data has loaded; in presentation mode (no list on screen) the legend's total does.
   * The map (loaded as a chunk of its own, which the compiled data can overtake) must show its markers too: the
   * presentation's keys act on it.
   */
  async waitUntilLoaded(): Promise<void> {
    await this.page.waitForFunction(() => {
      if (!document.querySelector('.leaflet-marker-icon')) return false;
      const total = document.querySelector('.presentation-legend__total');
      if (total && /[1-9]/.test(total.textContent ?? '')) return true;
      const count = document.querySelector('.result-count');
      return count?.checkVisibility() === true && /\d/.test(count.textContent ?? '');
    });
    if (!(await this.isPresenting())) await this.app.waitUntilLoaded();
  }

  /** Closes this tab at once (no unload handlers) and opens the app again in a new tab of the same profile. */
  async closeAndReopen(search = ''): Promise<WorkshopTab> {
    await this.page.close({ runBeforeUnload: false });
    const tab = await WorkshopTab.open(this.context, this.appUrl, this.options, search, this.disposeProfile);
    // The source data can show before the kept workshop has loaded from IndexedDB: wait for the workshop too.
    await tab.waitUntilSaved();
    return tab;
  }

  /** Opens the app in another tab of the same profile, this one staying open (the two see each other's changes). */
  async openAnotherTab(search = ''): Promise<WorkshopTab> {
    return WorkshopTab.open(this.context, this.appUrl, this.options, search, this.disposeProfile);
  }

  async reload(): Promise<void> {
    // A tab behind another draws no frames, and the wait below polls on frames.
    await this.page.bringToFront();
    await this.page.reload();
    await this.waitUntilLoaded();
  }

  async closeProfile(): Promise<void> {
    await this.disposeProfile();
  }

  // ---- Presentation ----

  async enterPresentation(): Promise<void> {
    await this.page.getByRole('button', { name: '簡報模式' }).click();
    await this.legend().waitFor();
  }

  async pressKey(key: string): Promise<void> {
    await this.page.locator('body').press(key);
  }

  async isPresenting(): Promise<boolean> {
    return (await this.page.locator('.app[data-presentation="true"]').count()) > 0;
  }

  /** Whether the editing chrome (filters, list, co-mapping and snapshot buttons) is out of sight. */
  async editingChromeHidden(): Promise<boolean> {
    const visible = await Promise.all([
      this.page.getByRole('searchbox', { name: '搜尋名稱、地址或服務' }).isVisible(),
      this.page.getByRole('button', { name: '共同繪製' }).isVisible(),
      this.page.getByRole('button', { name: '儲存圖片（PNG）' }).isVisible(),
      this.page.getByRole('list', { name: '結果清單' }).isVisible(),
    ]);
    return visible.every((v) => !v);
  }

  private legend(): Locator {
    return this.page.getByRole('region', { name: '圖例' });
  }

  /** The projector legend as the room reads it. */
  async legendEntries(): Promise<LegendEntry[]> {
    return this.legend()
      .locator('.legend-item')
      .evaluateAll((items) =>
        items.map((li) => ({
          label: (li.querySelector('.legend-item__label')?.firstChild?.textContent ?? '').trim(),
          count: Number((li.querySelector('.legend-item__count')?.textContent ?? '').replace(/\D/g, '')),
          hidden: li.classList.contains('legend-item--hidden'),
        })),
      );
  }

  async legendArea(): Promise<string> {
    return ((await this.legend().locator('.presentation-legend__area').textContent()) ?? '').trim();
  }

  async legendTotal(): Promise<number> {
    return Number(
      ((await this.legend().locator('.presentation-legend__total').textContent()) ?? '').replace(/\D/g, ''),
    );
  }

  /** Font sizes and contrast of the projected text, as the browser computed them. */
  async textSizes(): Promise<TextSizes> {
    return this.page.evaluate(() => {
      const px = (el: Element | null) => (el ? Number.parseFloat(getComputedStyle(el).fontSize) : 0);
      const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
      const lum = (c: string) => {
        const [r = 0, g = 0, b = 0] = rgb(c).map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const label = document.querySelector('.legend-item__label');
      const legend = document.querySelector('.presentation-legend');
      const fg = label ? lum(getComputedStyle(label).color) : 0;
      const bg = legend ? lum(getComputedStyle(legend).backgroundColor) : 1;
      return {
        legendLabel: px(label),
        legendCount: px(document.querySelector('.legend-item__count')),
        body: px(document.querySelector('.app')),
        legendContrast: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05),
      };
    });
  }

  /**
   * What the room sees of the presenter's pointer: whether the map shows the large custom cursor, and how much a
   * marker grows under it (hovering the first single marker on the map).
   */
  async pointerTarget(): Promise<{ largeCursor: boolean; markerScale: number }> {
    const map = this.page.locator('.leaflet-container');
    const largeCursor = await map.evaluate((el) => getComputedStyle(el).cursor.startsWith('url('));
    const mapBox = await map.boundingBox();
    let marker: Locator | undefined;
    for (const candidate of await this.page.locator('.leaflet-marker-pane .resource-marker').all()) {
      const box = await candidate.boundingBox();
      if (
        box &&
        mapBox &&
        box.x > mapBox.x + 60 &&
        box.y > mapBox.y + 60 &&
        box.x + box.width < mapBox.x + mapBox.width - 60 &&
        box.y + box.height < mapBox.y + mapBox.height - 60
      ) {
        marker = candidate;
        break;
      }
    }
    if (!marker) throw new Error('no single marker well inside the map to point at');
    await marker.hover();
    await this.page.waitForTimeout(200);
    const markerScale = await marker.evaluate((el) => {
      const svg = el.querySelector('svg');
      const matrix = svg ? new DOMMatrixReadOnly(getComputedStyle(svg).transform) : new DOMMatrixReadOnly();
      return matrix.a;
    });
    return { largeCursor, markerScale };
  }

  // ---- QR code ----

  async showQrCode(): Promise<void> {
    await this.page.getByRole('button', { name: '顯示 QR code' }).click();
    await this.qrImage().waitFor();
  }

  private qrImage(): Locator {
    return this.page.getByRole('img', { name: '目前畫面的 QR code' });
  }

  /** The link text shown beside the QR code. */
  async qrLinkText(): Promise<string> {
    return ((await this.page.locator('.qr-link').textContent()) ?? '').trim();
  }

  /** QR size on screen in CSS pixels. */
  async qrSize(): Promise<{ width: number; height: number }> {
    const box = await this.qrImage().boundingBox();
    return { width: box?.width ?? 0, height: box?.height ?? 0 };
  }

  /** Screenshots the QR code as shown and decodes it with jsQR (run in the page on the screenshot's pixels). */
  async decodeQrFromScreenshot(): Promise<string | null> {
    const png = await this.qrImage().screenshot();
    if (!(await this.page.evaluate(() => 'jsQR' in window))) await runScriptFile(this.page, JSQR_SCRIPT);
    return this.page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const ctx = canvas.getContext('2d');
      if (!ctx) return null;
      ctx.drawImage(image, 0, 0);
      const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      type JsQr = (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
      return (window as unknown as { jsQR: JsQr }).jsQR(data, width, height)?.data ?? null;
    }, png.toString('base64'));
  }

  async closeOverlay(): Promise<void> {
    await this.page.getByRole('dialog').getByRole('button', { name: '關閉' }).click();
  }

  /** The shortcuts listed in the help overlay (opened with ?). */
  async helpShortcuts(): Promise<string[]> {
    await this.pressKey('?');
    const dialog = this.page.getByRole('dialog', { name: '鍵盤快捷鍵' });
    await dialog.waitFor();
    return dialog
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()).join(' ')),
      );
  }

  // ---- Co-mapping ----

  async startCoMapping(): Promise<void> {
    const toggle = this.page.getByRole('button', { name: '共同繪製' });
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await this.page.getByRole('region', { name: '共同繪製（工作坊）' }).waitFor();
  }

  async setFacilitator(name: string): Promise<void> {
    await this.page.getByLabel('記錄者（選填）').fill(name);
  }

  /**
   * Clicks an empty spot of the map near `dx`,`dy` pixels from its centre (as a person would, not on a marker,
   * cluster or control), opening the add form there.
   */
  async clickMap(dx = 0, dy = 0): Promise<void> {
    const box = await this.page.locator('.leaflet-container').boundingBox();
    if (!box) throw new Error('no map on the page');
    const spot = await this.page.evaluate(
      ({ x, y }) => {
        const free = (px: number, py: number) => {
          const el = document.elementFromPoint(px, py);
          return (
            el?.closest('.leaflet-container') !== null &&
            el?.closest('.leaflet-marker-icon, .leaflet-control, .map-notice, .leaflet-interactive') === null
          );
        };
        for (let r = 0; r <= 200; r += 12) {
          for (let a = 0; a < 360; a += r === 0 ? 360 : 30) {
            const px = x + r * Math.cos((a * Math.PI) / 180);
            const py = y + r * Math.sin((a * Math.PI) / 180);
            if (free(px, py)) return { x: px, y: py };
          }
        }
        return { x, y };
      },
      { x: box.x + box.width / 2 + dx, y: box.y + box.height / 2 + dy },
    );
    await this.page.mouse.click(spot.x, spot.y);
  }

  private form(): Locator {
    return this.page.getByRole('dialog', { name: /新增資源|編輯資源/ });
  }

  /**
   * Waits until the add/edit form is open. It is a part of its own, loaded when first opened, so it can come a
   * moment after the rest of the page (the result count) shows what the start-up restored.
   */
  async waitForForm(): Promise<void> {
    await this.form().waitFor();
  }

  /** Types into the open form, as a facilitator would while the room dictates. */
  async fillForm(draft: Partial<ResourceDraft>): Promise<void> {
    const form = this.form();
    await form.waitFor();
    if (draft.name !== undefined) await form.getByLabel('名稱（必填）').fill(draft.name);
    if (draft.category !== undefined) await form.getByLabel('類別').selectOption({ label: draft.category });
    for (const service of draft.services ?? []) await form.getByRole('checkbox', { name: service }).check();
    if (draft.address !== undefined) await form.getByLabel('地址').fill(draft.address);
    if (draft.phone !== undefined) await form.getByLabel('電話').fill(draft.phone);
    if (draft.note !== undefined) await form.getByLabel('備註').fill(draft.note);
    if (draft.startYear !== undefined) await form.getByLabel('設立年度（選填）').fill(draft.startYear);
  }

  /** The values in the open form. */
  async formValues(): Promise<{ name: string; address: string; phone: string; category: string }> {
    const form = this.form();
    return {
      name: await form.getByLabel('名稱（必填）').inputValue(),
      address: await form.getByLabel('地址').inputValue(),
      phone: await form.getByLabel('電話').inputValue(),
      category: await form
        .getByLabel('類別')
        .evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.text ?? ''),
    };
  }

  async saveForm(): Promise<void> {
    await this.form().getByRole('button', { name: '儲存' }).click();
    await this.form().waitFor({ state: 'detached' });
  }

  /** Click the map, fill the form, save. */
  async addResourceByClicking(draft: ResourceDraft, dx = 0, dy = 0): Promise<void> {
    await this.clickMap(dx, dy);
    await this.fillForm(draft);
    await this.saveForm();
  }

  /** Waits until the workshop panel says everything is saved in the browser. */
  async waitUntilSaved(): Promise<void> {
    await this.page.getByText('已自動儲存在這台電腦的瀏覽器中。').waitFor();
  }

  /** Waits until the workshop panel says it could not store the workshop in the browser (export soon). */
  async waitUntilNotSaved(timeout = 15_000): Promise<void> {
    await this.page.getByText('無法儲存到瀏覽器，請盡快匯出檔案。').waitFor({ timeout });
  }

  /** Clears the site's data while this tab stays open, as the browser's "clear site data" does. */
  async clearSiteData(): Promise<void> {
    const cdp = await this.context.newCDPSession(this.page);
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(this.appUrl).origin,
      storageTypes: 'all',
    });
    await cdp.detach();
  }

  /**
   * The person switches to another tab and back: the page is hidden, then shown again. Headless Chromium keeps
   * every page visible (bringing another tab to the front or minimising the window changes nothing), so the
   * page's `visibilityState` is set and its `visibilitychange` dispatched as the browser would, then the
   * browser's own state is in force again.
   */
  async hideAndShow(): Promise<void> {
    await this.page.evaluate(() => {
      for (const state of ['hidden', 'visible'] as const) {
        Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
        Object.defineProperty(document, 'hidden', { value: state === 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }
      Reflect.deleteProperty(document, 'visibilityState');
      Reflect.deleteProperty(document, 'hidden');
    });
  }

  /**
   * The names of the records the workshop's document holds in IndexedDB (crm-local-v1/local/workshop), read in
   * Node with Yjs from the updates stored; none when there is no such database (it is not created by reading).
   */
  async storedWorkshopNames(): Promise<string[]> {
    const doc = await storedLocalDocument(this.page, 'local/workshop');
    const records = doc.getMap<Y.Map<string>>('records');
    return [...records.values()].map((record) => record.get('name') ?? '').sort();
  }

  /** The workshop's changes as listed in its panel: "新增 阿美早餐店". */
  async workshopChanges(): Promise<string[]> {
    const list = this.page.getByRole('list', { name: '工作坊異動清單' });
    if ((await list.count()) === 0) return [];
    return list
      .locator('li')
      .evaluateAll((items) => items.map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()));
  }

  async workshopSummary(): Promise<string> {
    return ((await this.page.getByText(/^本次工作坊：/).textContent()) ?? '').trim();
  }

  /** Opens a workshop record from the panel's list (the map flies to it, the detail opens). */
  async openWorkshopRecord(name: string): Promise<void> {
    await this.page.getByRole('list', { name: '工作坊異動清單' }).getByRole('button', { name }).click();
  }

  async detailBadges(): Promise<string[]> {
    return this.page.locator('.resource-detail .badge').allInnerTexts();
  }

  async editSelected(draft: Partial<ResourceDraft>): Promise<void> {
    await this.page.locator('.resource-detail').getByRole('button', { name: '編輯' }).click();
    await this.fillForm(draft);
    await this.saveForm();
  }

  async deleteSelected(): Promise<void> {
    await this.page.locator('.resource-detail').getByRole('button', { name: '刪除' }).click();
  }

  async undo(): Promise<void> {
    await this.page.getByRole('button', { name: '復原' }).click();
  }

  /** Whether the panel offers to undo something (a change this tab made). */
  async canUndo(): Promise<boolean> {
    return this.page.getByRole('button', { name: '復原' }).isEnabled();
  }

  async redo(): Promise<void> {
    await this.page.getByRole('button', { name: '重做' }).click();
  }

  /** Exports the workshop's records and returns the downloaded file. */
  async exportWorkshop(format: 'CSV' | 'GeoJSON'): Promise<Download> {
    return this.download(() =>
      this.page.getByRole('button', { name: `匯出工作坊資料（${format}）` }).click(),
    );
  }

  /** Imports a workshop file through the panel's file input. */
  async importWorkshopFile(path: string): Promise<string> {
    await this.page.getByLabel('匯入工作坊檔案（CSV／GeoJSON）').setInputFiles(path);
    const status = this.page.locator('.workshop-panel__status');
    await status.getByText(/已匯入/).waitFor();
    return ((await status.textContent()) ?? '').trim();
  }

  /**
   * Hands a file to the office's import (issue 4's panel): pick it, confirm the columns, and close the report.
   * Returns the report's summary line ("共 3 列：已匯入 3…").
   */
  async importThroughOffice(path: string): Promise<string> {
    await this.page.getByLabel('選擇要匯入的檔案').setInputFiles(path);
    await this.page.getByRole('dialog').getByRole('button', { name: '開始匯入' }).click();
    const report = this.page.getByRole('dialog', { name: /^匯入報告/ });
    await report.waitFor();
    const summary = ((await report.getByText(/^共 \d+ 列/).textContent()) ?? '').trim();
    await report.getByRole('button', { name: '關閉' }).first().click();
    return summary;
  }

  // ---- Inventory and coverage ----

  async openInventory(): Promise<void> {
    const toggle = this.page.getByRole('button', { name: '資源盤點' });
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await this.page.getByRole('region', { name: '資源盤點與涵蓋分析' }).waitFor();
  }

  async chooseAnalysisTab(name: '鄉鎮 × 類別' | '涵蓋範圍與缺口'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** The inventory table as numbers. */
  async inventoryTable(): Promise<InventoryTableView> {
    const table = this.page.getByRole('table', { name: '各鄉鎮市區的資源數量（依類別）' });
    const data = await table.evaluate((t) => {
      const columns = [...t.querySelectorAll('thead th')].map((th) =>
        (th.textContent ?? '').replace(/[▲▼]/g, '').trim(),
      );
      const rows = [...t.querySelectorAll('tbody tr')].map((tr) => ({
        head: (tr.querySelector('th')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        cells: [...tr.querySelectorAll('td')].map((td) => ({
          value: Number((td.firstChild?.textContent ?? '').replace(/\D/g, '')),
          gap: td.classList.contains('inventory-gap'),
        })),
      }));
      return { columns, rows };
    });
    const countColumns = data.columns.slice(1);
    const rows = new Map<string, Record<string, number>>();
    const gaps: string[] = [];
    for (const row of data.rows) {
      const counts: Record<string, number> = {};
      row.cells.forEach((cell, i) => {
        const column = countColumns[i] ?? `#${i}`;
        counts[column] = cell.value;
        if (cell.gap) gaps.push(`${row.head}|${column}`);
      });
      rows.set(row.head, counts);
    }
    return { columns: countColumns, rows, gaps };
  }

  async sortInventoryBy(column: string): Promise<void> {
    await this.page
      .getByRole('columnheader', { name: new RegExp(column) })
      .getByRole('button')
      .click();
  }

  async inventoryRowOrder(): Promise<string[]> {
    return this.page
      .locator('.inventory-table tbody th')
      .evaluateAll((ths) => ths.map((th) => (th.textContent ?? '').replace(/\s+/g, ' ').trim()));
  }

  async downloadInventoryCsv(): Promise<Download> {
    return this.download(() => this.page.getByRole('button', { name: '下載盤點表（CSV）' }).click());
  }

  async setCoverage(category: string, radius: string): Promise<void> {
    await this.page.getByLabel('資源類別', { exact: true }).selectOption({ label: category });
    await this.page.getByLabel('服務半徑').selectOption({ label: radius });
  }

  async coverageSummary(): Promise<string> {
    return ((await this.page.locator('.coverage__summary').textContent()) ?? '').trim();
  }

  /** The places listed outside every radius ("嘉義縣 番路鄉"). */
  async uncoveredPlaces(): Promise<string[]> {
    const list = this.page.locator('.coverage__list');
    if ((await list.count()) === 0) return [];
    return list.locator('.coverage__place').allInnerTexts();
  }

  /** Crosses drawn on the map for uncovered places, by their label. */
  async uncoveredMapLabels(): Promise<string[]> {
    return this.page.locator('.coverage-gap__label').allInnerTexts();
  }

  /** Scrolls the analysis panel to the list of uncovered places. */
  async showUncoveredList(): Promise<void> {
    await this.page.locator('.coverage__list').scrollIntoViewIfNeeded();
  }

  /** How many crosses the map draws for uncovered places (labelled or not). */
  async uncoveredMapCrosses(): Promise<number> {
    return this.page.locator('.coverage-gap').count();
  }

  async loadVillageFile(path: string): Promise<void> {
    await this.page.getByLabel('改用自己的村里點位或界線（CSV／GeoJSON，選填）').setInputFiles(path);
    await this.page.getByText(/已載入/).waitFor();
  }

  /** Measures coverage for township centres or for the Ministry's villages (no file needed). */
  async coverPlaces(places: '鄉鎮市區中心點' | '村里中心點（內政部村里界，免上傳）'): Promise<void> {
    await this.page.getByRole('group', { name: '計算的地點' }).getByRole('radio', { name: places }).check();
  }

  /** The places listed outside every radius with what the list says of their nearest resource. */
  async uncoveredGaps(): Promise<{ place: string; nearest: string }[]> {
    return this.page.locator('.coverage__list li').evaluateAll((items) =>
      items.map((li) => ({
        place: (li.querySelector('.coverage__place')?.textContent ?? '').trim(),
        nearest: (li.querySelector('.coverage__distance')?.textContent ?? '').trim(),
      })),
    );
  }

  async downloadCoverageCsv(): Promise<Download> {
    return this.download(() => this.page.getByRole('button', { name: '下載缺口清單（CSV）' }).click());
  }

  // ---- Year ----

  async showAsOfYear(year: number): Promise<void> {
    await this.page.getByRole('checkbox', { name: '依設立年度顯示' }).check();
    const slider = this.page.getByRole('slider', { name: /顯示至/ });
    await slider.fill(String(year));
  }

  async yearRange(): Promise<{ min: number; max: number }> {
    const slider = this.page.getByRole('slider', { name: /顯示至/ });
    return {
      min: Number(await slider.getAttribute('min')),
      max: Number(await slider.getAttribute('max')),
    };
  }

  // ---- Snapshot ----

  async saveSnapshot(): Promise<Download> {
    return this.download(() => this.page.getByRole('button', { name: '儲存圖片（PNG）' }).click(), 30_000);
  }

  // ---- Records ----

  private async download(action: () => Promise<void>, timeout = 15_000): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout }), action()]);
    mkdirSync(ARTIFACTS, { recursive: true });
    const fileName = download.suggestedFilename();
    const path = `${ARTIFACTS}download-${Date.now()}-${fileName}`;
    await download.saveAs(path);
    return { fileName, path, bytes: readFileSync(path) };
  }

  /** A screenshot of the viewport (what the projector shows), saved under tests/e2e/artifacts/. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = `${ARTIFACTS}${name}.png`;
    await this.page.screenshot({ path });
    return path;
  }
}
