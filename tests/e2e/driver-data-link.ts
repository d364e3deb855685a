/**
 * A resident following a `?data=` link, in their words ("read the question", "don't load it", "read the banner",
 * "open the list", "remove the unofficial data"). Builds on driver.ts (AppPage: result count, list, detail,
 * network fence, axe, screenshots); this file holds the link's own Playwright details, and the loopback server
 * that plays the link's host.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { AppPage, launchChromium, type OpenOptions } from './driver.ts';

/** A file the link's host serves: whole with its length, or in chunks without one (as a stream). */
export interface HostedFile {
  readonly body: Uint8Array;
  readonly contentType: string;
  readonly streamed?: boolean;
}

/** Someone else's web server, on a loopback port the system picks: what a `?data=` link points at. */
export interface LinkHost {
  /** http://127.0.0.1:port */
  readonly origin: string;
  /** 127.0.0.1:port, as the page names it. */
  readonly host: string;
  /** The paths requested so far, in order. */
  requests(): readonly string[];
  /** Bytes the server wrote for a path before the client went away (or all of them). */
  bytesSent(path: string): number;
  close(): Promise<void>;
}

/**
 * Starts the link's host on 127.0.0.1 serving `files` by path, with CORS open (a published data file is read
 * from another origin). Streamed files go out in 64 KB chunks, stopping when the client disconnects.
 */
export async function startLinkHost(files: Readonly<Record<string, HostedFile>>): Promise<LinkHost> {
  const requests: string[] = [];
  const sent = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const file = files[path];
    if (!file) {
      response.writeHead(404, { 'access-control-allow-origin': '*' });
      response.end();
      return;
    }
    const headers = { 'access-control-allow-origin': '*', 'content-type': file.contentType };
    if (!file.streamed) {
      response.writeHead(200, { ...headers, 'content-length': file.body.byteLength });
      response.end(file.body);
      sent.set(path, file.body.byteLength);
      return;
    }
    response.writeHead(200, headers);
    let offset = 0;
    const more = () => {
      if (response.destroyed || offset >= file.body.byteLength) {
        response.end();
        return;
      }
      const chunk = file.body.subarray(offset, offset + 65_536);
      offset += chunk.byteLength;
      sent.set(path, offset);
      if (response.write(chunk)) setImmediate(more);
      else response.once('drain', more);
    };
    response.on('close', () => response.destroy());
    more();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin: `http://${host}`,
    host,
    requests: () => [...requests],
    bytesSent: (path) => sent.get(path) ?? 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A marker on the map as the page draws it: its accessible name, and what sets a link's apart. */
export interface MarkerView {
  /** aria-label (the title says the same). */
  readonly name: string;
  readonly title: string;
  readonly cluster: boolean;
  /** Classed as a link's record (resource-marker--link) or a cluster holding any (cluster-marker--link). */
  readonly linkClass: boolean;
  /** A dashed ring drawn in its SVG (a single marker of a link's record). */
  readonly dashedRing: boolean;
  /** A cluster's "!" mark, as drawn. */
  readonly clusterMark: boolean;
}

/** A downloaded file: the name the page gave it, and its bytes. */
export interface DownloadedFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** The print view as the page lays it out: its head's lines, and each row's name cell. */
export interface PrintedList {
  /** The head's paragraphs after the title, in order. */
  readonly head: readonly string[];
  /** The head's unofficial-data note (null when it has none). */
  readonly linkNote: string | null;
  readonly rows: readonly { readonly name: string; readonly mark: string | null }[];
  readonly mapCaption: string | null;
}

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** What the township briefing says of a link's records (tests/e2e/data-link-print.e2e.ts). */
export interface BriefingLinkNote {
  readonly note: string | null;
  /** The briefing page's text without the note. */
  readonly text: string;
}

/** What the confirmation says. */
export interface ConfirmationView {
  readonly title: string;
  /** The host as the dialog emphasises it. */
  readonly host: string;
  /** The whole address, as shown. */
  readonly url: string;
  readonly text: string;
}

export class LinkBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly appUrl: string,
  ) {}

  static async start(appUrl: string): Promise<LinkBrowser> {
    return new LinkBrowser(await launchChromium(), appUrl);
  }

  /** A fresh profile at `options.search`, allowed to reach the link's host and nothing else outside. */
  async open(host: LinkHost, options: OpenOptions = {}): Promise<LinkTab> {
    const context = await this.browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 800 },
      locale: 'zh-TW',
      timezoneId: 'Asia/Taipei',
      serviceWorkers: 'block',
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const app = new AppPage(context, page, new URL(this.appUrl), {
      ...options,
      allowedOrigins: [host.origin],
    });
    await app.install();
    await page.goto(new URL(options.search ?? '', this.appUrl).href);
    await app.waitUntilLoaded();
    return new LinkTab(context, page, app);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** The app in one tab, opened from a link. */
export class LinkTab {
  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    /** The shared driver: result count, list, detail, errors, outside requests, axe, screenshots. */
    readonly app: AppPage,
  ) {}

  async close(): Promise<void> {
    await this.context.close();
  }

  // ---- The question before anything loads ----

  private confirmation(): Locator {
    return this.page.locator('.data-link-dialog[role="dialog"]');
  }

  /** The confirmation, once it shows (null when none shows within a second). */
  async readConfirmation(): Promise<ConfirmationView | null> {
    const dialog = this.confirmation();
    const shown = await dialog
      .waitFor({ timeout: 1000 })
      .then(() => true)
      .catch(() => false);
    if (!shown) return null;
    // Named by its heading, as a screen reader announces it.
    const title = ((await dialog.getByRole('heading', { level: 2 }).textContent()) ?? '').trim();
    if ((await this.page.getByRole('dialog', { name: title, exact: true }).count()) !== 1)
      throw new Error(`The confirmation is not a dialog named "${title}"`);
    return {
      title,
      host: ((await dialog.locator('strong').first().textContent()) ?? '').trim(),
      url: ((await dialog.locator('code').textContent()) ?? '').trim(),
      text: ((await dialog.textContent()) ?? '').trim(),
    };
  }

  /** Answers the confirmation by its button (load: the primary one; otherwise "don't load"). */
  async answer(load: boolean): Promise<void> {
    const dialog = this.confirmation();
    await dialog.locator(load ? '.modal__foot .button-primary' : '.modal__foot .button-secondary').click();
    await dialog.waitFor({ state: 'detached' });
  }

  // ---- While the link's data is on the map ----

  private notice(): Locator {
    return this.page.locator('section.link-data-notice');
  }

  /** The banner's sentence while it is on screen (a note, in a named region), else null. */
  async banner(): Promise<string | null> {
    const note = this.notice().getByRole('note');
    if ((await note.count()) === 0 || !(await note.isVisible())) return null;
    return ((await note.textContent()) ?? '').trim();
  }

  /** Waits until the banner shows (the file downloaded and imported). */
  async waitForBanner(): Promise<string> {
    await this.notice().getByRole('note').waitFor({ timeout: 20_000 });
    return (await this.banner()) ?? '';
  }

  /** The link's failure as the page says it (an alert under the header), waiting for it. */
  async linkFailure(): Promise<string> {
    const alert = this.notice().getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    return ((await alert.textContent()) ?? '').trim();
  }

  /** Presses the banner's button that takes the link's data off the map. */
  async removeLinkData(): Promise<void> {
    await this.notice().getByRole('button').first().click();
  }

  /** Shows one of a phone's three screens (找資源 / 清單 / 地圖); nothing on wider screens. */
  async showPhoneScreen(view: 'find' | 'list' | 'map'): Promise<void> {
    const button = this.page.locator(`nav.phone-views button[data-view="${view}"]`);
    if ((await button.count()) === 0 || !(await button.isVisible())) return;
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  }

  /**
   * The badges each list entry of this name shows beside its category (sample, internal, unofficial…), in list
   * order (it must be rendered: search first).
   */
  async listBadges(name: string): Promise<string[][]> {
    await this.showPhoneScreen('list');
    const items = this.page
      .locator('#results li .result-card')
      .filter({ has: this.page.locator('.result-item__name').getByText(name, { exact: true }) });
    const texts: string[][] = [];
    for (const item of await items.all())
      texts.push(await item.locator('.result-item__meta .badge').allTextContents());
    return texts;
  }

  /** The open detail's note that it came from a link, or null when it has none (or no detail is open). */
  async detailLinkNote(): Promise<string | null> {
    await this.showPhoneScreen('list');
    const note = this.page.locator('section.resource-detail .badge-link');
    if ((await note.count()) === 0) return null;
    return ((await note.textContent()) ?? '').trim();
  }

  /** Closes the open detail by its close button (the list takes its place). */
  async closeDetail(): Promise<void> {
    await this.showPhoneScreen('list');
    await this.page.locator('section.resource-detail .resource-detail__head button').click();
    await this.page.locator('section.resource-detail').waitFor({ state: 'detached' });
  }

  /** Presentation mode on or off, by its button in the header (簡報模式 / 結束簡報). */
  async setPresentation(on: boolean): Promise<void> {
    await this.page
      .locator('.app-header')
      .getByRole('button', { name: on ? '簡報模式' : '結束簡報', exact: true })
      .click();
    await this.page
      .locator('.app[data-presentation="true"]')
      .waitFor({ state: on ? 'attached' : 'detached' });
  }

  // ---- The map ----

  /** Every marker and cluster drawn on the map now, read from its element. */
  async mapMarkers(): Promise<MarkerView[]> {
    await this.showPhoneScreen('map');
    await this.page.locator('.leaflet-marker-pane .leaflet-marker-icon[aria-label]').first().waitFor();
    return this.page.locator('.leaflet-marker-pane .leaflet-marker-icon[aria-label]').evaluateAll((els) =>
      els.map((el) => ({
        name: el.getAttribute('aria-label') ?? '',
        title: el.getAttribute('title') ?? '',
        cluster: el.classList.contains('cluster-marker'),
        linkClass:
          el.classList.contains('resource-marker--link') || el.classList.contains('cluster-marker--link'),
        dashedRing: el.querySelector('svg circle[stroke-dasharray]') !== null,
        clusterMark: el.querySelector('.cluster-marker__link-mark') !== null,
      })),
    );
  }

  /** The marker a screen reader finds by this name (a button), or null when none has it. */
  async markerByName(name: string): Promise<MarkerView | null> {
    const marker = this.page.locator('.leaflet-marker-pane').getByRole('button', { name, exact: true });
    if ((await marker.count()) !== 1) return null;
    return (await this.mapMarkers()).find((m) => m.name === name) ?? null;
  }

  /** Zooms the map out by its − button, `times` times, and waits for the markers to be drawn again. */
  async zoomOut(times: number): Promise<void> {
    await this.showPhoneScreen('map');
    for (let i = 0; i < times; i++) {
      await this.page.locator('.leaflet-control-zoom-out').click();
      await this.page.waitForTimeout(350);
    }
    await this.app.waitForMapToRest();
  }

  /** The lines of the map's legend of unofficial data (a named region on the map), or null when it is not shown. */
  async linkLegend(name: string): Promise<string[] | null> {
    const legend = this.page.locator('.leaflet-container').getByRole('region', { name, exact: true });
    if ((await legend.count()) === 0) return null;
    return (await legend.getByRole('listitem').allTextContents()).map((t) => t.trim());
  }

  // ---- Export ----

  /**
   * Exports the list in a format (its label in the dialog), reading the dialog's note about unofficial data
   * on the way, and returns the file.
   */
  async exportList(format: 'CSV' | 'GeoJSON'): Promise<{ note: string | null; file: DownloadedFile }> {
    await this.showPhoneScreen('find');
    await this.page.getByRole('button', { name: /^匯出清單/ }).click();
    const dialog = this.page.getByRole('dialog', { name: /^匯出目前的清單/ });
    await dialog.getByRole('radio', { name: new RegExp(`^${format}`) }).check();
    const note = dialog.locator('.badge-link');
    const noteText = (await note.count()) > 0 ? ((await note.textContent()) ?? '').trim() : null;
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 30_000 }),
      dialog.getByRole('button', { name: /^下載/ }).click(),
    ]);
    const path = await download.path();
    await dialog.getByRole('button', { name: '關閉' }).click();
    return { note: noteText, file: { fileName: download.suggestedFilename(), bytes: readFileSync(path) } };
  }

  /** Saves the map as a PNG by the header's button (儲存圖片（PNG）) and returns the file. */
  async saveSnapshot(): Promise<DownloadedFile> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 30_000 }),
      this.page.locator('.app-header').getByRole('button', { name: '儲存圖片（PNG）' }).click(),
    ]);
    return { fileName: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  }

  // ---- Print view and AI pack ----

  /** Opens the print view of the list (列印檢視), with its map, and reads it. */
  async openPrintView(): Promise<PrintedList> {
    await this.showPhoneScreen('find');
    await this.page.getByRole('button', { name: '列印檢視' }).first().click();
    const view = this.page.getByRole('dialog', { name: '共生資源地圖' });
    await view.locator('.print-table').waitFor();
    await view.locator('.print-map .leaflet-container').waitFor();
    await this.page.waitForTimeout(400);
    const head = view.locator('.print-page__head p');
    const note = view.locator('.print-page__head .print-link-note');
    const caption = view.locator('.print-map figcaption');
    return {
      head: (await head.allTextContents()).map((t) => t.trim()),
      linkNote: (await note.count()) > 0 ? ((await note.textContent()) ?? '').trim() : null,
      rows: await view.locator('.print-table tbody tr').evaluateAll((trs) =>
        trs.map((tr) => {
          const cell = tr.querySelector('td');
          const mark = cell?.querySelector('.print-link-mark')?.textContent ?? null;
          return { name: (cell?.textContent ?? '').trim(), mark };
        }),
      ),
      mapCaption: (await caption.count()) > 0 ? ((await caption.textContent()) ?? '').trim() : null,
    };
  }

  /** How many of the print map's dots have a dashed outline (a link's record). */
  async printMapDashedDots(): Promise<number> {
    return this.page.locator('.print-map path.leaflet-interactive[stroke-dasharray]').count();
  }

  /** A screenshot of the print view as printed (print media, A4 width), saved in tests/e2e/artifacts/. */
  async printScreenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    await this.page.emulateMedia({ media: 'print' });
    const size = this.page.viewportSize();
    await this.page.setViewportSize({ width: 794, height: 1123 });
    const path = `${ARTIFACTS}${name}.png`;
    await this.page.screenshot({ path, fullPage: true });
    if (size) await this.page.setViewportSize(size);
    await this.page.emulateMedia({ media: 'screen' });
    return path;
  }

  async closePrintView(): Promise<void> {
    await this.page.getByRole('button', { name: '關閉列印檢視' }).click();
    await this.page.locator('.print-view').waitFor({ state: 'detached' });
  }

  /**
   * Opens the analysis panel (資源盤點), then a township's briefing, downloads its AI pack and returns the file
   * with the status line the button leaves; the briefing stays open.
   */
  async downloadAiPack(county: string, town: string): Promise<DownloadedFile & { status: string }> {
    await this.showPhoneScreen('find');
    const toggle = this.page.getByRole('button', { name: '資源盤點', exact: true });
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await this.page.getByRole('region', { name: '資源盤點與涵蓋分析' }).waitFor();
    const open = this.page.getByRole('button', { name: '鄉鎮資源簡報', exact: true });
    await this.page.waitForFunction(
      () =>
        [...document.querySelectorAll('button')].some((b) => b.textContent === '鄉鎮資源簡報' && !b.disabled),
      undefined,
      { timeout: 20_000 },
    );
    await open.click();
    const dialog = this.page.getByRole('dialog', { name: /資源簡報$/ });
    await dialog.waitFor();
    await dialog
      .getByRole('combobox')
      .first()
      .selectOption({ value: `${county}|${town}` });
    await this.page.getByRole('heading', { level: 1, name: new RegExp(town) }).waitFor();
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 30_000 }),
      dialog.getByRole('button', { name: '下載 AI 分析資料包' }).click(),
    ]);
    const status = dialog.locator('.briefing-ai-pack [role="status"]');
    await status.waitFor();
    return {
      fileName: download.suggestedFilename(),
      bytes: readFileSync(await download.path()),
      status: ((await status.textContent()) ?? '').trim(),
    };
  }

  async closeBriefing(): Promise<void> {
    await this.page.getByRole('button', { name: '關閉簡報', exact: true }).click();
  }

  /** Reads the open briefing's note on link data (null without one) and the rest of its page's text. */
  async readBriefingLinkNote(): Promise<BriefingLinkNote> {
    const dialog = this.page.getByRole('dialog', { name: /資源簡報$/ });
    await dialog.locator('.briefing-points li').first().waitFor();
    const note = dialog.getByRole('note');
    const noteText = (await note.count()) > 0 ? ((await note.textContent()) ?? '') : '';
    const page = (await dialog.locator('.briefing-page').textContent()) ?? '';
    return { note: noteText ? noteText.trim() : null, text: page.replace(noteText, '') };
  }

  /** A screenshot of the open briefing's head as on screen (the window), saved in tests/e2e/artifacts/. */
  async briefingScreenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = `${ARTIFACTS}${name}.png`;
    await this.page.locator('.briefing-view').evaluate((view) => view.scrollTo(0, 0));
    await this.page.screenshot({ path });
    return path;
  }

  /** The `data` parameter of the address bar (null when it has none). */
  dataParameter(): string | null {
    return this.app.currentUrl().searchParams.get('data');
  }
}
