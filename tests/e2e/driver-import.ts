/**
 * An office worker's side of the app, in their words ("drop these files", "confirm the columns", "read the
 * report", "place 大樹文具行 by clicking the map", "export the list as XLSX", "open the print view"). Builds on
 * driver.ts (AppPage: result count, list, markers, errors, network fence); this file holds the import/export
 * Playwright details: a browser profile kept across reloads (IndexedDB), file drops, downloads, print media.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { AppPage, launchChromium, type OpenOptions } from './driver.ts';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** A file as a person has it on disk. */
export interface LocalFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly mimeType?: string;
}

/** What the person changes in the column dialog before importing. */
export interface ColumnChoices {
  /** Field labels by column header, as the dialog's selects name them (e.g. { 鄉鎮市區名稱: '名稱' }). */
  readonly fields?: Readonly<Record<string, string>>;
  /** The encoding option's label: 'UTF-8' or 'Big5 (CP950)'. */
  readonly encoding?: string;
  readonly internal?: boolean;
  readonly county?: string;
  readonly category?: string;
}

/** What the column dialog says about a file. */
export interface ColumnDialogView {
  readonly title: string;
  readonly detected: string;
  readonly headers: readonly string[];
  /** Column header → the field its select shows. */
  readonly fields: Readonly<Record<string, string>>;
}

/** The counts of an import report, by outcome label as the report shows them. */
export interface ReportView {
  readonly total: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly duplicates: number;
}

export interface Downloaded {
  readonly fileName: string;
  readonly bytes: Buffer;
}

/** A point on the map as WGS84 degrees. */
export interface MapPoint {
  readonly lat: number;
  readonly lng: number;
}

/** One browser profile for the office: reloads keep IndexedDB, a new profile starts empty. */
export class OfficeBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly appUrl: string,
  ) {}

  static async start(appUrl: string): Promise<OfficeBrowser> {
    return new OfficeBrowser(await launchChromium(), appUrl);
  }

  /** A fresh profile (no storage), opened like a link at `options.search`. */
  async open(options: OpenOptions = {}): Promise<OfficeTab> {
    const context = await this.browser.newContext({
      viewport: options.viewport ?? { width: 1440, height: 900 },
      locale: 'zh-TW',
      timezoneId: 'Asia/Taipei',
      serviceWorkers: 'block',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const app = new AppPage(context, page, new URL(this.appUrl), options);
    await app.install();
    await page.goto(new URL(options.search ?? '', this.appUrl).href);
    await app.waitUntilLoaded();
    return new OfficeTab(context, page, app);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** The app in one tab of an office profile. */
export class OfficeTab {
  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    /** The shared driver: result count, list, markers, errors, outside requests. */
    readonly app: AppPage,
  ) {}

  async close(): Promise<void> {
    await this.context.close();
  }

  /** Reloads the page (same profile: IndexedDB kept) and waits for the data and the saved imports. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.app.waitUntilLoaded();
  }

  // ---- Bringing files in ----

  /** Chooses files with the file picker (several at once). */
  async pickFiles(files: readonly LocalFile[]): Promise<void> {
    await this.page.getByLabel('選擇要匯入的檔案').setInputFiles(files.map(toPayload));
  }

  /** Drops files onto the map, as dragging them from the desktop does (a DataTransfer with real File objects). */
  async dropFiles(files: readonly LocalFile[]): Promise<void> {
    // Base64, not an array of numbers: a 1 MB file as JSON numbers took 10–18 s to cross to the page.
    const payload = files.map((f) => ({
      name: f.name,
      type: f.mimeType ?? '',
      data: Buffer.from(f.bytes).toString('base64'),
    }));
    const transfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) {
        const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], f.name, { type: f.type }));
      }
      return dt;
    }, payload);
    const map = this.page.locator('.map-panel');
    await map.dispatchEvent('dragenter', { dataTransfer: transfer });
    await map.dispatchEvent('dragover', { dataTransfer: transfer });
    await map.dispatchEvent('drop', { dataTransfer: transfer });
  }

  /** The import panel (匯入資料) as a region of the sidebar. */
  private importPanel(): Locator {
    return this.page.getByRole('region', { name: '匯入資料' });
  }

  /** What the import panel says it cannot import ("無法匯入「…」：…"), once it says it. */
  async importFailure(timeout = 30_000): Promise<string> {
    const alert = this.importPanel().getByRole('alert').filter({ hasText: '無法匯入' });
    await alert.waitFor({ timeout });
    return ((await alert.textContent()) ?? '').trim();
  }

  /** The limits the import panel states beside its file picker. */
  async importLimits(): Promise<string> {
    return (
      (await this.importPanel()
        .getByText(/^檔案上限/)
        .textContent()) ?? ''
    ).trim();
  }

  /** Scrolls the import panel into view and saves a screenshot of the screen to artifacts/<name>.png. */
  async screenshotImportPanel(name: string): Promise<string> {
    await this.importPanel().scrollIntoViewIfNeeded();
    return this.app.screenshot(name);
  }

  /** The column dialog of the file waiting for confirmation. */
  async columnDialog(): Promise<ColumnDialogView> {
    const dialog = this.page.getByRole('dialog', { name: /^確認欄位/ });
    await dialog.waitFor();
    const title = ((await dialog.getByRole('heading').first().textContent()) ?? '').trim();
    const detected = ((await dialog.locator('p').filter({ hasText: '格式：' }).textContent()) ?? '').trim();
    const rows = dialog.locator('.mapping-table tbody tr');
    const headers: string[] = [];
    const fields: Record<string, string> = {};
    for (const row of await rows.all()) {
      const header = ((await row.locator('th').textContent()) ?? '').trim();
      headers.push(header);
      fields[header] = await row
        .locator('select')
        .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
    }
    return { title, detected, headers, fields };
  }

  /** Adjusts the column dialog, then starts the import. */
  async confirmColumns(choices: ColumnChoices = {}): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: /^確認欄位/ });
    await dialog.waitFor();
    if (choices.encoding) {
      await dialog.getByLabel('文字編碼').selectOption({ label: choices.encoding });
      // The file is read again: wait for the dialog of the new reading.
      await this.page.waitForTimeout(300);
      await dialog.waitFor();
    }
    for (const [header, field] of Object.entries(choices.fields ?? {})) {
      await dialog.getByLabel(`欄位「${header}」對應到`).selectOption({ label: field });
    }
    if (choices.county)
      await dialog.getByLabel('地址未寫縣市時的縣市').selectOption({ label: choices.county });
    if (choices.category)
      await dialog.getByLabel('沒有類別欄時的類別').selectOption({ label: choices.category });
    if (choices.internal) await dialog.getByRole('checkbox', { name: /這是內部資料/ }).check();
    await dialog.getByRole('button', { name: '開始匯入' }).click();
  }

  /** Waits for the import to finish: its report opens. */
  async waitForReport(timeout = 60_000): Promise<ReportView> {
    const dialog = this.reportDialog();
    await dialog.waitFor({ timeout });
    return this.readReport();
  }

  /** The open import report's counts. */
  async readReport(): Promise<ReportView> {
    const dialog = this.reportDialog();
    const total = ((await dialog.locator('.report-total').textContent()) ?? '').trim();
    const counts: Record<string, number> = {};
    // Each class is a filter chip, "未匯入（1）": its label and count (全部 is every row).
    for (const chip of await dialog.getByRole('group', { name: '依結果篩選' }).getByRole('button').all()) {
      const [, label = '', count = ''] =
        /^(.*)（([\d,]+)）$/.exec(((await chip.textContent()) ?? '').trim()) ?? [];
      if (label !== '全部') counts[label] = Number(count.replace(/,/g, ''));
    }
    const duplicates = await dialog.locator('.duplicates li').count();
    return { total, counts, duplicates };
  }

  /**
   * The report's rows that are on screen as it is now, without scrolling: inside the window and inside every
   * scrolling box around them (the dialog's body). Each as its text.
   */
  async reportRowsOnScreen(): Promise<string[]> {
    return this.reportDialog().evaluate((dialog) => {
      const rows = [...dialog.querySelectorAll('.report-rows tbody tr')];
      return rows
        .filter((row) => {
          const box = row.getBoundingClientRect();
          let top = 0;
          let bottom = window.innerHeight;
          for (let el = row.parentElement; el && el !== document.body; el = el.parentElement) {
            if (!/(auto|scroll|hidden)/.test(getComputedStyle(el).overflowY)) continue;
            const clip = el.getBoundingClientRect();
            top = Math.max(top, clip.top);
            bottom = Math.min(bottom, clip.bottom);
          }
          return box.height > 0 && box.top >= top && box.bottom <= bottom;
        })
        .map((row) => (row.textContent ?? '').trim());
    });
  }

  /** Lists only the rows of one outcome (its filter chip, e.g. 約略位置) and returns the rows listed. */
  async filterReport(outcome: string): Promise<string[]> {
    const chips = this.reportDialog().getByRole('group', { name: '依結果篩選' });
    await chips.getByRole('button', { name: new RegExp(`^${outcome}（`) }).click();
    return this.reportDialog().locator('.report-rows tbody tr').allTextContents();
  }

  /** The open column dialog's message about a file that is not a list, and its button to the coverage analysis. */
  async notAListMessage(): Promise<string> {
    const dialog = this.page.getByRole('dialog', { name: /^確認欄位/ });
    return ((await dialog.getByRole('alert').textContent()) ?? '').trim();
  }

  /** Sends boundaries to the coverage analysis from the column dialog; returns the selected analysis tab. */
  async useForCoverage(): Promise<string> {
    const dialog = this.page.getByRole('dialog', { name: /^確認欄位/ });
    await dialog.getByRole('button', { name: '用於涵蓋範圍分析' }).click();
    await dialog.waitFor({ state: 'detached' });
    const panel = this.page.getByRole('region', { name: '資源盤點與涵蓋分析' });
    await panel.waitFor();
    return ((await panel.getByRole('tab', { selected: true }).textContent()) ?? '').trim();
  }

  /** Downloads the per-row report CSV from the open report. */
  async downloadReport(): Promise<Downloaded> {
    return this.download(() =>
      this.reportDialog().getByRole('button', { name: '下載逐列報告（CSV）' }).click(),
    );
  }

  /** Merges every flagged duplicate in the open report into the record that was there first. */
  async mergeDuplicates(): Promise<number> {
    let merged = 0;
    const button = this.reportDialog().getByRole('button', { name: '合併' }).first();
    while ((await button.count()) > 0) {
      await button.click();
      merged++;
    }
    return merged;
  }

  /** Undoes or redoes the office's last correction (merges included) with the edit history bar. */
  async editHistory(step: '復原' | '重做'): Promise<void> {
    await this.page.getByRole('group', { name: '修正紀錄' }).getByRole('button', { name: step }).click();
  }

  async closeReport(): Promise<void> {
    await this.reportDialog().getByRole('button', { name: '關閉' }).click();
    await this.reportDialog().waitFor({ state: 'detached' });
  }

  private reportDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^匯入報告/ });
  }

  /**
   * The progress of a running import as shown at one instant: the status text and the bar's value (0–1; null
   * while the bar only says "busy"), or null when no import runs.
   */
  async importProgress(): Promise<{ text: string; value: number | null } | null> {
    const panel = this.page.getByRole('region', { name: '匯入進度' });
    if ((await panel.count()) === 0) return null;
    // Read together, so that the words and the bar come from the same frame.
    return panel.evaluate((section) => {
      const bar = section.querySelector('progress');
      return {
        text: (section.querySelector('[role="status"]')?.textContent ?? '').trim(),
        value: bar?.hasAttribute('value') ? bar.value : null,
      };
    });
  }

  async waitForProgress(pattern: RegExp, timeout = 30_000): Promise<void> {
    await this.page
      .getByRole('region', { name: '匯入進度' })
      .getByRole('status')
      .filter({ hasText: pattern })
      .waitFor({ timeout });
  }

  async cancelImport(): Promise<void> {
    await this.page.getByRole('button', { name: '取消匯入' }).click();
    await this.page.getByRole('region', { name: '匯入進度' }).waitFor({ state: 'detached' });
  }

  /** Starts recording the page's main-thread tasks of 50 ms or more (PerformanceObserver 'longtask'). */
  async watchLongTasks(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __longest: number };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
  }

  /** The longest main-thread task since `watchLongTasks` (ms): a figure to print, not to judge. */
  async longestTask(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  }

  // ---- Datasets, locations, corrections ----

  /** Whether the page has a DOMParser (a tab opened withoutDomParser has none). */
  async hasDomParser(): Promise<boolean> {
    return this.page.evaluate(() => 'DOMParser' in window);
  }

  /** The imported datasets as listed: file name and the counts line. */
  async datasets(): Promise<{ name: string; counts: string }[]> {
    const list = this.page.getByRole('list', { name: '已匯入的資料' });
    if ((await list.count()) === 0) return [];
    return list.locator('.dataset-item').evaluateAll((items) =>
      items.map((li) => ({
        name: li.querySelector('.dataset-item__name')?.firstChild?.textContent?.trim() ?? '',
        counts: li.querySelector('.dataset-item__counts')?.textContent?.trim() ?? '',
      })),
    );
  }

  async openReport(fileName: string): Promise<ReportView> {
    await this.page
      .locator('.dataset-item')
      .filter({ hasText: fileName })
      .getByRole('button', { name: '匯入報告' })
      .click();
    return this.waitForReport();
  }

  async removeDataset(fileName: string): Promise<void> {
    await this.page.getByRole('button', { name: `移除「${fileName}」` }).click();
  }

  /** Names in the "needs a location" list. */
  async needsLocation(): Promise<string[]> {
    const section = this.page.locator('.needs-location');
    if ((await section.count()) === 0) return [];
    return section.locator('.needs-location__name').allInnerTexts();
  }

  /**
   * Places a record from the "needs a location" list by clicking the map at a point given as fractions of the
   * map's width and height; returns where that click is in degrees (read from the map view in the URL).
   */
  async placeByClickingMap(name: string, at: { x: number; y: number }): Promise<MapPoint> {
    await this.page.getByRole('button', { name: `在地圖上放置「${name}」` }).click();
    await this.page.locator('.map-banner').filter({ hasText: name }).waitFor();
    const box = await this.mapBox();
    const x = box.width * at.x;
    const y = box.height * at.y;
    const point = await this.pointAt(x, y);
    await this.page.locator('.map').click({ position: { x, y } });
    await this.page.locator('.map-banner').waitFor({ state: 'detached' });
    return point;
  }

  /**
   * Where the map draws a resource's marker, in degrees: searched for and selected from the list (the map flies
   * there), then read from the marker's position on screen and the map view.
   */
  async markerPosition(name: string): Promise<MapPoint> {
    await this.app.search(name);
    await this.app.clickListItem(name);
    await this.app.waitForMapToRest();
    const marker = this.page
      .locator(`.leaflet-marker-pane .leaflet-marker-icon[aria-label^="${name.replace(/"/g, '\\"')}（"]`)
      .first();
    // The map redraws its markers whenever the view or the data changes: a marker found may be replaced before
    // it is measured, so it is found again (up to a few times) until one is measured.
    let box: Awaited<ReturnType<typeof marker.boundingBox>> = null;
    for (let attempt = 0; attempt < 10 && !box; attempt++) {
      await marker.waitFor();
      box = await marker.boundingBox();
      if (!box) await this.page.waitForTimeout(100);
    }
    const map = await this.mapBox();
    if (!box) throw new Error(`no marker for ${name}`);
    return this.pointAt(box.x + box.width / 2 - map.x, box.y + box.height / 2 - map.y);
  }

  /** Web Mercator: a point in the map's box (CSS px) → degrees, from the centre and zoom the URL carries. */
  private async pointAt(x: number, y: number): Promise<MapPoint> {
    await this.app.waitForMapToRest();
    const at = this.app.currentUrl().searchParams.get('at');
    const [lat0, lng0, zoom] = (at ?? '').split(',').map(Number);
    if (lat0 === undefined || lng0 === undefined || zoom === undefined || Number.isNaN(zoom)) {
      throw new Error(`no map view in the URL: ${at}`);
    }
    const box = await this.mapBox();
    const scale = 256 * 2 ** zoom;
    const cx = ((lng0 + 180) / 360) * scale;
    const cy = ((1 - Math.log(Math.tan(Math.PI / 4 + (lat0 * Math.PI) / 360)) / Math.PI) / 2) * scale;
    const px = cx + (x - box.width / 2);
    const py = cy + (y - box.height / 2);
    const lng = (px / scale) * 360 - 180;
    const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / scale))) * 180) / Math.PI;
    return { lat, lng };
  }

  private async mapBox() {
    const box = await this.page.locator('.map').boundingBox();
    if (!box) throw new Error('the map is not on screen');
    return box;
  }

  /** Where an import's time went: the app's performance measures (worker, merge, shown), in ms. */
  async importTimings(): Promise<Record<string, number>> {
    return this.page.evaluate(() =>
      Object.fromEntries(
        ['crm:import-worker', 'crm:import-merge', 'crm:import-shown'].map((name) => [
          name,
          performance.getEntriesByName(name).at(-1)?.duration ?? Number.NaN,
        ]),
      ),
    );
  }

  /** Enters the office workspace (公所工作區) as office staff do, on purpose: residents see no editing controls. */
  async enterOfficeWorkspace(): Promise<void> {
    const toggle = this.page.getByRole('button', { name: '公所工作區' });
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await this.page.getByRole('button', { name: '回到民眾版' }).waitFor();
  }

  /** Opens the selected record's correction form (in the office workspace), changes fields by label, and saves. */
  async correctSelected(fields: Readonly<Record<string, string>>): Promise<void> {
    const dialog = await this.fillCorrection(fields);
    await dialog.getByRole('button', { name: '儲存修正' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Opens the selected record's correction form (in the office workspace) and changes fields by label. */
  protected async fillCorrection(fields: Readonly<Record<string, string>>): Promise<Locator> {
    await this.enterOfficeWorkspace();
    await this.page.getByRole('button', { name: '修正資料' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^修正資料/ });
    // Labels may carry a hint after the field name: 電話（多支以；分隔）.
    for (const [label, value] of Object.entries(fields))
      await dialog
        .getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
        .first()
        .fill(value);
    return dialog;
  }

  /** Drags the selected record's marker by (dx, dy) CSS pixels in moving mode; returns where it was dropped. */
  async dragSelectedMarker(dx: number, dy: number): Promise<MapPoint> {
    await this.enterOfficeWorkspace();
    await this.page.getByRole('button', { name: '移動位置' }).click();
    const handle = this.page.locator('.leaflet-marker-pane .move-handle');
    await handle.waitFor();
    const box = await handle.boundingBox();
    const map = await this.mapBox();
    if (!box) throw new Error('no drag handle');
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const drop = await this.pointAt(from.x + dx - map.x, from.y + dy - map.y);
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + dx, from.y + dy, { steps: 10 });
    await this.page.mouse.up();
    await this.page.getByRole('button', { name: '完成移動' }).first().click();
    return drop;
  }

  async undo(): Promise<void> {
    await this.page.getByRole('button', { name: '復原', exact: true }).click();
  }

  /** The open detail panel's name and its badges (內部資料, 已修正…). */
  async detailBadges(): Promise<string[]> {
    return this.page.locator('section[aria-labelledby="detail-heading"] .badge').allInnerTexts();
  }

  async detailText(): Promise<string> {
    return (await this.page.locator('section[aria-labelledby="detail-heading"]').textContent()) ?? '';
  }

  // ---- Export and print ----

  /** Exports the filtered list in a format (its label in the dialog) and returns the file. */
  async exportList(
    format: 'CSV' | 'Excel（XLSX）' | 'ODS' | 'GeoJSON' | 'KML' | 'HSDS 資料包',
    uncheck: readonly string[] = [],
  ): Promise<Downloaded> {
    await this.page.getByRole('button', { name: /^匯出清單/ }).click();
    const dialog = this.page.getByRole('dialog', { name: /^匯出目前的清單/ });
    await dialog.getByRole('radio', { name: new RegExp(`^${format.replace(/[()（）]/g, '.')}`) }).check();
    for (const column of uncheck) await dialog.getByRole('checkbox', { name: column, exact: true }).uncheck();
    const file = await this.download(() => dialog.getByRole('button', { name: /^下載/ }).click());
    await dialog.getByRole('button', { name: '關閉' }).click();
    return file;
  }

  /** Opens the print view (with or without the map), waits for its table, and returns the rows it lists. */
  async openPrintView(withMap: boolean): Promise<{ rows: number; header: string }> {
    await this.page.getByRole('button', { name: '列印檢視' }).first().click();
    const view = this.page.locator('.print-view');
    await view.waitFor();
    const box = view.getByRole('checkbox', { name: '在清單上方加入地圖' });
    if ((await box.isChecked()) !== withMap) await box.setChecked(withMap);
    if (withMap) await view.locator('.print-map .leaflet-container').waitFor();
    await this.page.waitForTimeout(400);
    return {
      rows: await view.locator('.print-table tbody tr').count(),
      header: ((await view.locator('.print-page__head').textContent()) ?? '').trim(),
    };
  }

  /** Screenshot of the page as printed (print media, A4 width), saved in tests/e2e/artifacts/<name>.png. */
  async printScreenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    await this.page.emulateMedia({ media: 'print' });
    const width = this.page.viewportSize();
    await this.page.setViewportSize({ width: 794, height: 1123 });
    const path = `${ARTIFACTS}${name}.png`;
    await this.page.screenshot({ path, fullPage: true });
    if (width) await this.page.setViewportSize(width);
    await this.page.emulateMedia({ media: 'screen' });
    return path;
  }

  /** The print view as Chromium prints it to an A4 PDF: the page count, and the PDF saved beside the screenshots. */
  async printPdf(name: string): Promise<{ pages: number; path: string }> {
    mkdirSync(ARTIFACTS, { recursive: true });
    await this.page.emulateMedia({ media: 'print' });
    const pdf = await this.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    await this.page.emulateMedia({ media: 'screen' });
    const path = `${ARTIFACTS}${name}.pdf`;
    writeFileSync(path, pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    return { pages, path };
  }

  async closePrintView(): Promise<void> {
    await this.page.getByRole('button', { name: '關閉列印檢視' }).click();
  }

  /** Saves a screenshot of the page as it is (screen media) to tests/e2e/artifacts/<name>.png. */
  async screenshot(name: string): Promise<string> {
    return this.app.screenshot(name);
  }

  private async download(action: () => Promise<void>): Promise<Downloaded> {
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 30_000 }), action()]);
    const path = await download.path();
    return { fileName: download.suggestedFilename(), bytes: readFileSync(path) };
  }
}

function toPayload(file: LocalFile) {
  return {
    name: file.name,
    mimeType: file.mimeType ?? 'application/octet-stream',
    buffer: Buffer.from(file.bytes),
  };
}
