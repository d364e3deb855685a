/**
 * The shared map in words its people use ("open 甲協會's link", "add a record", "go offline", "invite an
 * organisation", "revoke its link"). Builds on driver.ts (AppPage: network fence, errors, axe, screenshots);
 * this file holds the shared map's Playwright details: one browser context per device, the network switched
 * off and on, waiting for what another device changed.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { preview } from 'vite';
import type { Language } from '../../src/domain/model/language.ts';
import { enMessages } from '../../src/i18n/messages-en.ts';
import { idMessages } from '../../src/i18n/messages-id.ts';
import { thMessages } from '../../src/i18n/messages-th.ts';
import { viMessages } from '../../src/i18n/messages-vi.ts';
import { type MessageKey, zhMessages } from '../../src/i18n/messages-zh.ts';
import { enOfficeMessages } from '../../src/i18n/office-messages-en.ts';
import { idOfficeMessages } from '../../src/i18n/office-messages-id.ts';
import { thOfficeMessages } from '../../src/i18n/office-messages-th.ts';
import { viOfficeMessages } from '../../src/i18n/office-messages-vi.ts';
import { type OfficeMessageKey, zhOfficeMessages } from '../../src/i18n/office-messages-zh.ts';
import { type Catalogue, type OfficeCatalogue, translate } from '../../src/i18n/translate.ts';
import {
  AppPage,
  launchChromium,
  launchChromiumRefusingSiteData,
  runScriptFile,
  type Viewport,
} from './driver.ts';

/**
 * The app's own catalogues, the first screen's and the tools' (loaded with the tools): a tab switched to another
 * language is read in that language's words.
 */
const CATALOGUES: Readonly<Record<Language, Catalogue & OfficeCatalogue>> = {
  'zh-TW': { ...zhMessages, ...zhOfficeMessages },
  en: { ...enMessages, ...enOfficeMessages },
  vi: { ...viMessages, ...viOfficeMessages },
  id: { ...idMessages, ...idOfficeMessages },
  th: { ...thMessages, ...thOfficeMessages },
};

const JSQR_SCRIPT = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');

/** A record as a member types it into the shared map's form. */
export interface SharedDraft {
  readonly name?: string;
  readonly address?: string;
  readonly phone?: string;
  readonly description?: string;
}

/** One Chromium; each device is a context of its own (own IndexedDB, own network switch). */
export class SharedMapBrowser {
  private constructor(private readonly browser: Browser) {}

  static async start(): Promise<SharedMapBrowser> {
    return new SharedMapBrowser(await launchChromium());
  }

  /** Opens an invitation link as a new device would, and waits until the map and the shared panel are there. */
  async openLink(link: string, viewport: Viewport = { width: 1440, height: 900 }): Promise<SharedMapTab> {
    const context = await this.browser.newContext({
      viewport,
      locale: 'zh-TW',
      timezoneId: 'Asia/Taipei',
      serviceWorkers: 'block',
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const app = new AppPage(context, page, new URL(link), {});
    await app.install();
    await page.goto(link);
    await app.waitUntilLoaded();
    const tab = new SharedMapTab(context, page, app);
    await tab.waitOnline();
    return tab;
  }

  /**
   * Opens an invitation link in a browser of its own whose person chose "don't allow sites to save data" (see
   * launchChromiumRefusingSiteData), and waits until the map and the shared panel are there and online. Closing
   * the tab closes that browser and deletes its profile.
   */
  async openLinkRefusingSiteData(link: string): Promise<SharedMapTab> {
    const refusing = await launchChromiumRefusingSiteData();
    try {
      const context = refusing.context;
      context.setDefaultTimeout(10_000);
      const page = context.pages()[0] ?? (await context.newPage());
      const app = new AppPage(context, page, new URL(link), {});
      await app.install();
      await page.goto(link);
      await app.waitUntilLoaded();
      const tab = new SharedMapTab(context, page, app, refusing.dispose);
      await tab.waitOnline();
      return tab;
    } catch (error) {
      await refusing.dispose();
      throw error;
    }
  }

  /** Opens a site as a resident would: a fresh context, no link, no shared map. */
  async openPublic(url: string): Promise<AppPage> {
    const context = await this.browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-TW',
      timezoneId: 'Asia/Taipei',
      serviceWorkers: 'block',
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const app = new AppPage(context, page, new URL(url), {});
    await app.install();
    await page.goto(url);
    await app.waitUntilLoaded();
    return app;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The residents' site built from a published snapshot, as a county builds its public site: the repository's
 * manifest and gazetteers with the snapshot as the one data file, through `vite build` (CRM_DATA_DIR) in a child
 * process, served by `vite preview` on 127.0.0.1. No sync server is involved.
 */
export async function buildPublishedSite(
  csv: string,
  county: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-e2e-published-'));
  const dataDir = join(dir, 'data');
  const outDir = join(dir, 'dist');
  mkdirSync(dataDir);
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'data', 'manifest.json'), 'utf8')) as {
    gazetteer: string;
    villages: string;
    files: unknown[];
  };
  for (const file of [manifest.gazetteer, manifest.villages])
    cpSync(join(repoRoot, 'data', file), join(dataDir, file));
  manifest.files = [
    {
      path: `${county}-published.csv`,
      category: 'community-association',
      source: '共享地圖發布版',
      visibility: 'public',
      sample: false,
    },
  ];
  writeFileSync(join(dataDir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dataDir, `${county}-published.csv`), csv);
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir'],
      { cwd: repoRoot, env: { ...process.env, CRM_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.on('data', (d) => output.push(String(d)));
    child.stderr.on('data', (d) => output.push(String(d)));
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`the public build failed (${code}):\n${output.join('')}`);
  const server = await preview({
    root: repoRoot,
    configFile: join(repoRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview started but reported no local URL');
  return {
    url,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The app on one device, joined to a shared map. It starts in zh-TW; after `chooseLanguage`, the panel, the
 * invitation QR dialog, revoking and the panel's alert are found by that language's words (the other steps are
 * for a zh-TW page).
 */
export class SharedMapTab {
  private language: Language = 'zh-TW';

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    /** The shared driver (errors, axe, screenshots, search). */
    readonly app: AppPage,
    /** Closes the device (its context; a browser of its own closes whole). */
    private readonly closeDevice: () => Promise<void> = () => context.close(),
  ) {}

  /** The shared map's panel; on a phone it is on the 找資源 screen, which this brings up first. */
  private async panel(): Promise<Locator> {
    const find = this.page.locator('nav.phone-views button[data-view="find"]');
    if (
      (await find.count()) > 0 &&
      (await find.isVisible()) &&
      (await find.getAttribute('aria-pressed')) !== 'true'
    )
      await find.click();
    return this.page.getByRole('region', { name: this.say('shared.heading') });
  }

  /** A message as the page shows it in the language chosen. */
  private say(key: MessageKey | OfficeMessageKey, values: Record<string, string | number> = {}): string {
    return translate(CATALOGUES[this.language], key, values);
  }

  /** Chooses the page's language in the header's menu (named "… Language" in every language). */
  async chooseLanguage(language: Language): Promise<void> {
    await this.page.getByRole('combobox', { name: /Language/ }).selectOption(language);
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, language);
    this.language = language;
  }

  /** The connection indicator's words (online, offline, connecting) and the changes waiting. */
  async connection(): Promise<string> {
    return ((await (await this.panel()).getByRole('status').first().textContent()) ?? '')
      .replace(/\s+/g, ' ')
      .trim();
  }

  async waitOnline(): Promise<void> {
    await (await this.panel()).getByText('已連線，修改會即時同步').waitFor({ state: 'visible' });
  }

  /** The panel's sentence that this browser keeps nothing of the shared map (it refuses sites' data). */
  async waitNotKept(): Promise<void> {
    await (await this.panel()).getByText(this.say('shared.notKept')).waitFor({ state: 'visible' });
  }

  async waitAllSaved(): Promise<void> {
    await (await this.panel()).getByText('所有修改都已儲存到伺服器').waitFor({ state: 'visible' });
  }

  /** Who the panel says this link speaks for. */
  async speaksFor(): Promise<string> {
    return (await (await this.panel()).getByText(/^你代表：/).textContent()) ?? '';
  }

  /** The address bar as it is now (the token must be gone from it). */
  currentUrl(): string {
    return this.page.url();
  }

  /** Adds a record to this organisation's own document through the panel's form. */
  async addRecord(draft: SharedDraft): Promise<number> {
    await (await this.panel()).getByRole('button', { name: '新增一筆資料' }).click();
    return this.fillAndSave(draft);
  }

  /** Finds a record by searching its name and opens its detail. */
  async openRecord(name: string): Promise<void> {
    await this.app.search(name);
    await this.app.clickListItem(name);
  }

  /** The detail panel's word on who keeps the selected record ("唯讀 由「甲協會」維護"). */
  async ownerHint(): Promise<string> {
    return ((await this.page.locator('.shared-owner').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  /** Opens the selected record's change history and returns its entries, newest first. */
  async history(): Promise<string[]> {
    const toggle = this.page.getByRole('button', { name: '修改紀錄' });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const list = this.page.getByRole('list', { name: '這筆資料的修改紀錄（新到舊）' });
    await list.waitFor();
    return list.getByRole('listitem').evaluateAll((items) => items.map((li) => li.textContent ?? ''));
  }

  /** Restores the newest older version (not the latest entry) whose entry mentions `text`. */
  async restoreVersion(text: string): Promise<void> {
    const list = this.page.getByRole('list', { name: '這筆資料的修改紀錄（新到舊）' });
    const restore = this.page.getByRole('button', { name: /^還原 .* 的版本$/ });
    await list
      .getByRole('listitem')
      .filter({ hasText: text })
      .filter({ has: restore })
      .first()
      .locator(restore)
      .click();
  }

  /** Whether the selected record's shared-map edit is offered, and the reason given when it is not. */
  async editOffered(): Promise<{ enabled: boolean; why: string }> {
    const button = this.page.getByRole('button', { name: '修改這筆（共享地圖）' });
    return button.evaluate((el) => ({
      enabled: !(el as HTMLButtonElement).disabled,
      why: (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim(),
    }));
  }

  /** Whether the page runs the shared map's worker (where its documents and their connection live). */
  sharedMapWorkerRunning(): boolean {
    return this.page.workers().some((w) => new URL(w.url()).pathname.includes('shared-map-worker'));
  }

  /** The shared documents this device keeps in IndexedDB (their database names). */
  async localSharedCopies(): Promise<string[]> {
    return this.page.evaluate(async () =>
      (await indexedDB.databases()).flatMap((d) => (d.name?.startsWith('crm-shared-') ? [d.name] : [])),
    );
  }

  /** The shared map's link this browser keeps for an offline reload (null when none). */
  async savedLink(): Promise<string | null> {
    return this.page.evaluate(() => localStorage.getItem('crm-shared-link'));
  }

  /** Presses Ctrl+Z outside any text field (the shared map's undo of one's own last change). */
  async undoByKeyboard(): Promise<void> {
    await (await this.panel()).getByRole('button', { name: '復原我的上一項修改' }).waitFor();
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press('Control+Z');
  }

  /** Opens the selected record's shared-map form. */
  async openEditForm(): Promise<void> {
    await this.page.getByRole('button', { name: '修改這筆（共享地圖）' }).click();
    await this.page.getByRole('dialog').waitFor({ state: 'visible' });
  }

  /** Changes the selected record through the shared map's form; returns when Save was pressed (Date.now()). */
  async editRecord(draft: SharedDraft): Promise<number> {
    await this.openEditForm();
    return this.fillAndSave(draft);
  }

  async cancelForm(): Promise<void> {
    await this.page.getByRole('dialog').getByRole('button', { name: '取消' }).last().click();
  }

  private async fillAndSave(draft: SharedDraft): Promise<number> {
    const dialog = this.page.getByRole('dialog');
    if (draft.name !== undefined) await dialog.getByLabel('名稱').fill(draft.name);
    if (draft.address !== undefined) await dialog.getByLabel('地址').fill(draft.address);
    if (draft.phone !== undefined) await dialog.getByLabel('電話').fill(draft.phone);
    if (draft.description !== undefined) await dialog.getByLabel('說明').fill(draft.description);
    const saved = Date.now();
    await dialog.getByRole('button', { name: '儲存' }).click();
    await dialog.waitFor({ state: 'detached' });
    return saved;
  }

  /**
   * Waits until the results list shows a record named `name` (the list is filtered by the search already typed)
   * and returns how long that took from `since` (Date.now(); default: the call), in ms.
   */
  async waitForListed(name: string, timeout = 5000, since = Date.now()): Promise<number> {
    const start = since;
    await this.page.waitForFunction(
      (n) => [...document.querySelectorAll('#results li')].some((li) => li.textContent?.includes(n)),
      name,
      { polling: 10, timeout },
    );
    return Date.now() - start;
  }

  /** Whether the results list shows a record named `name` now. */
  async isListed(name: string): Promise<boolean> {
    return this.page.evaluate(
      (n) => [...document.querySelectorAll('#results li')].some((li) => li.textContent?.includes(n)),
      name,
    );
  }

  /** The selected record's text in the detail panel. */
  async detailText(): Promise<string> {
    return (await this.app.detail())?.name ?? '';
  }

  /** What the shared panel's alert says (a refusal, a revoked link), once it shows. */
  async alertText(timeout = 5000): Promise<string> {
    const alert = (await this.panel()).getByRole('alert');
    await alert.waitFor({ state: 'visible', timeout });
    return (await alert.textContent()) ?? '';
  }

  /** Scrolls the panel's alert into view (for a screenshot of it). */
  async revealAlert(): Promise<void> {
    await (await this.panel()).getByRole('alert').scrollIntoViewIfNeeded();
  }

  async dismissAlert(): Promise<void> {
    await (await this.panel()).getByRole('button', { name: this.say('shared.dismiss') }).click();
  }

  /** Takes the device off the network (as airplane mode would), or back. */
  async setOffline(offline: boolean): Promise<void> {
    await this.context.setOffline(offline);
  }

  // ---- The county office ----

  /** Puts the records on the map into the county's document (the office's first step). */
  async uploadRecordsOnShow(): Promise<void> {
    await (await this.panel())
      .getByRole('button', { name: /^把目前地圖上的 [\d,]+ 筆資料放進共享地圖$/ })
      .click();
    await (await this.panel()).getByText('已放進共享地圖。').waitFor();
  }

  /** Whether the panel offers to put the records on the map into the county's document. */
  async uploadOffered(): Promise<boolean> {
    return (await this.panel())
      .getByRole('button', { name: /^把目前地圖上的 [\d,]+ 筆資料放進共享地圖$/ })
      .isVisible();
  }

  /** Invites an organisation and returns the link the panel shows for it. */
  async invite(name: string): Promise<string> {
    await (await this.panel()).getByLabel('組織名稱').fill(name);
    await (await this.panel()).getByRole('button', { name: '產生邀請連結' }).click();
    const field = (await this.panel()).getByLabel(`「${name}」的連結`);
    await field.waitFor();
    return field.inputValue();
  }

  /** Opens the dialog with an invitation's QR code; returns the code's image once drawn. */
  async showInvitationQr(name: string): Promise<Locator> {
    const item = (await this.panel())
      .getByRole('listitem')
      .filter({ hasText: this.say('shared.invite.link', { label: name }) });
    await item.getByRole('button', { name: this.say('shared.invite.qr') }).click();
    const image = this.page
      .getByRole('dialog')
      .getByRole('img', { name: this.say('shared.qr.image', { label: name }) });
    await image.waitFor();
    await this.page.waitForTimeout(200);
    return image;
  }

  /** Shows an invitation's QR code, decodes it from a screenshot, and returns what it says. */
  async invitationQr(name: string): Promise<string | null> {
    const image = await this.showInvitationQr(name);
    const png = await image.screenshot();
    if (!(await this.page.evaluate(() => 'jsQR' in window))) await runScriptFile(this.page, JSQR_SCRIPT);
    return this.page.evaluate(async (base64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${base64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d');
      if (!ctx) return null;
      ctx.drawImage(img, 0, 0);
      const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      type JsQr = (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
      return (window as unknown as { jsQR: JsQr }).jsQR(data, width, height)?.data ?? null;
    }, png.toString('base64'));
  }

  async closeDialog(): Promise<void> {
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: this.say('overlay.close') })
      .click();
  }

  async revoke(name: string): Promise<void> {
    const item = (await this.panel())
      .getByRole('listitem')
      .filter({ hasText: this.say('shared.invite.link', { label: name }) });
    const revoke = item.getByRole('button', { name: this.say('shared.invite.revoke') });
    await revoke.click();
    await revoke.waitFor({ state: 'detached' });
  }

  /** Opens a workshop and returns its join link as the panel shows it. */
  async openWorkshop(name: string): Promise<string> {
    await (await this.panel()).getByLabel('工作坊名稱').fill(name);
    await (await this.panel()).getByRole('button', { name: '開設工作坊' }).click();
    const field = (await this.panel()).getByLabel(`「${name}」的連結`);
    await field.waitFor();
    return field.inputValue();
  }

  /** A workshop table names itself on its phone. */
  async setTable(name: string): Promise<void> {
    await (await this.panel()).getByLabel('桌名（例如：第一桌）').fill(name);
  }

  /** A workshop table proposes a record; returns when Save was pressed (Date.now()). */
  async propose(draft: SharedDraft): Promise<number> {
    await (await this.panel()).getByRole('button', { name: '提出一筆建議' }).click();
    return this.fillAndSave(draft);
  }

  /** The projector's count per table ("第一桌：1 筆"), once it reads `expected`; ms from `since`. */
  async waitForTableCount(expected: string, timeout = 5000, since = Date.now()): Promise<number> {
    await (await this.panel())
      .getByRole('list', { name: '各桌建議數' })
      .getByText(expected, { exact: true })
      .waitFor({ timeout });
    return Date.now() - since;
  }

  /** The colour a table's count is shown in on the projector. */
  async tableColour(table: string): Promise<string> {
    return (await this.panel())
      .getByRole('list', { name: '各桌建議數' })
      .getByText(new RegExp(`^${table}：`))
      .evaluate((el) => getComputedStyle(el.closest('li') ?? el).backgroundColor);
  }

  /** The facilitator approves a proposal by its name. */
  async approve(name: string): Promise<void> {
    const button = (await this.panel()).getByRole('button', { name: `核准「${name}」` });
    await button.click();
    await button.waitFor({ state: 'detached' });
  }

  /** Publishes for residents and returns the panel's confirmation. */
  async publish(): Promise<string> {
    await (await this.panel()).getByRole('button', { name: '發布給民眾' }).click();
    const done = (await this.panel()).getByText(/^已發布第 \d+ 版/);
    await done.waitFor();
    return (await done.textContent()) ?? '';
  }

  async close(): Promise<void> {
    await this.closeDevice();
  }
}
