/**
 * Saving, as an office worker meets it: two tabs of one browser (one killed before it read its own write back), a
 * disk that is full, a browser killed in the middle of a save, site data cleared while the page is open, and a
 * browser that kept an older version's database. Builds on driver.ts (AppPage) and driver-import.ts (OfficeTab:
 * files, corrections, reloads); this file holds what only these journeys need: several pages in one profile, the
 * DevTools Protocol's Storage domain (quota, clearing), and a Chromium started and killed by process id with a
 * profile on disk.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import * as Y from 'yjs';
import type { StoredDataset } from '../../src/services/import/import-database.ts';
import { CHROMIUM_FLAGS } from '../chromium-flags.ts';
import { AppPage, launchChromium } from './driver.ts';
import { type LocalFile, OfficeTab } from './driver-import.ts';
import { storedLocalDocument, storedLocalUpdates } from './stored-local-document.ts';

/** The words and buttons of the save notices at the top of the page, and the import panel's save status. */
export interface SaveView {
  readonly notices: readonly string[];
  readonly status: string;
}

/** A tab of the office's browser: an OfficeTab, and what saving shows in it. */
export class SavesTab extends OfficeTab {
  constructor(
    context: BrowserContext,
    private readonly tabPage: Page,
    app: AppPage,
  ) {
    super(context, tabPage, app);
  }

  /** The page's alerts (the save notices among them) and the import panel's save status, as shown now. */
  async saveView(): Promise<SaveView> {
    const notices = await this.tabPage.locator('[role="alert"]').allInnerTexts();
    const status = (await this.tabPage.locator('.import-panel').textContent()) ?? '';
    return { notices: notices.map((n) => n.trim()), status };
  }

  /** Waits until an alert on the page says this (up to `timeout` ms). */
  async waitForNotice(text: string | RegExp, timeout = 10_000): Promise<string> {
    const notice = this.tabPage.locator('[role="alert"]').filter({ hasText: text });
    await notice.first().waitFor({ timeout });
    return ((await notice.first().textContent()) ?? '').trim();
  }

  /** Imports `file` with the file picker: its columns confirmed as guessed, its report read and closed. */
  async importFile(file: LocalFile, reportTimeout?: number): Promise<void> {
    await this.pickFiles([file]);
    await this.confirmColumns();
    await this.waitForReport(reportTimeout);
    await this.closeReport();
  }

  /** Waits until the import panel says what it says once everything is saved. */
  async waitUntilSaved(timeout = 30_000): Promise<void> {
    await this.tabPage
      .locator('.import-panel p')
      .filter({ hasText: '重新整理或關閉後仍會保留' })
      .waitFor({ timeout });
  }

  /** Waits until no save is under way ("儲存中…" gone). */
  async waitUntilNotSaving(timeout = 30_000): Promise<void> {
    await this.tabPage
      .locator('.import-panel [role="status"]')
      .filter({ hasText: '儲存中' })
      .waitFor({ state: 'detached', timeout });
  }

  /** On a 360 px phone for a moment: a screenshot, and how wide the page is (no sideways scrolling wanted). */
  async onPhone(screenshot: string): Promise<number> {
    const before = this.tabPage.viewportSize();
    await this.tabPage.setViewportSize({ width: 360, height: 740 });
    await this.tabPage.waitForTimeout(300);
    await this.screenshot(screenshot);
    const width = await this.app.pageScrollWidth();
    if (before) await this.tabPage.setViewportSize(before);
    return width;
  }

  /** Presses a button of a save notice. */
  async pressInNotice(button: string): Promise<void> {
    await this.tabPage.locator('[role="alert"]').getByRole('button', { name: button }).first().click();
  }

  /**
   * Chooses a file with the file picker, from disk: a browser driven over the DevTools Protocol takes a path
   * where handing it 15 MB of bytes times out.
   */
  async pickFileFromDisk(file: { readonly name: string; readonly bytes: Uint8Array }): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'crm-e2e-file-'));
    const path = join(dir, file.name);
    writeFileSync(path, file.bytes);
    try {
      await this.tabPage.getByLabel('選擇要匯入的檔案').setInputFiles(path, { timeout: 180_000 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Whether the export dialog opens (after 立即匯出; its code loads on demand). */
  async exportDialogOpens(): Promise<boolean> {
    return this.tabPage
      .getByRole('dialog', { name: /^匯出目前的清單/ })
      .waitFor({ timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
  }

  async closeExportDialog(): Promise<void> {
    const dialog = this.tabPage.getByRole('dialog', { name: /^匯出目前的清單/ });
    await dialog.getByRole('button', { name: '關閉' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Searches for a record, opens it, and returns its detail's text. */
  async detailOf(name: string): Promise<string> {
    await this.app.search(name);
    await this.app.clickListItem(name);
    return this.detailText();
  }

  /** Finds a record, opens it, and corrects fields by label in the office workspace. */
  async correct(name: string, fields: Readonly<Record<string, string>>): Promise<void> {
    await this.app.search(name);
    await this.app.clickListItem(name);
    await this.correctSelected(fields);
  }

  /**
   * Corrects a record, and the page hangs for good the moment the save ledger notes the correction as unwritten:
   * its main thread never runs again, so its own write (sent to IndexedDB, never committed) and its read-back never
   * finish, as in a tab killed at that moment (`kill` then ends it). What the correction sends to the other tabs
   * is already sent. Resolves once the save is pressed.
   */
  async correctThenHang(name: string, fields: Readonly<Record<string, string>>): Promise<void> {
    await this.app.search(name);
    await this.app.clickListItem(name);
    await this.fillCorrection(fields);
    // Pressed from inside the page: the DevTools Protocol's click waits for the page, which never answers.
    void this.tabPage
      .evaluate(() => {
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
          setItem.call(this, key, value);
          const unsaved = key === 'crm.imports.ledger' ? JSON.parse(value).unsavedEdits : {};
          // From here on the page's code never runs again.
          if (Object.keys(unsaved).length > 0) for (;;) {}
        };
        const save = [...document.querySelectorAll('[role="dialog"] button')].find(
          (button) => button.textContent?.trim() === '儲存修正',
        );
        if (!(save instanceof HTMLButtonElement)) throw new Error('no 儲存修正 button');
        save.click();
      })
      .catch(() => undefined);
  }

  /** Closes the tab without its unload handlers (a hung one too), as killing it does. */
  async kill(): Promise<void> {
    await this.tabPage.close({ runBeforeUnload: false });
  }

  /** The save ledger as kept in localStorage (null: none). */
  async ledger(): Promise<{ unsavedEdits: Record<string, number> } | null> {
    const text = await this.tabPage.evaluate(() => localStorage.getItem('crm.imports.ledger'));
    return text === null ? null : JSON.parse(text);
  }

  /** Waits until the save status reads "saving…", polling often: the start of a save window. */
  async waitForSaving(timeout = 120_000): Promise<void> {
    await this.tabPage.waitForFunction(
      () => document.querySelector('.import-panel [role="status"]')?.textContent?.includes('儲存中') === true,
      null,
      { timeout, polling: 5 },
    );
  }

  /**
   * What the corrections document holds in IndexedDB (crm-local-v1/local/corrections), read in Node with Yjs from
   * the updates the page stored: the ids of corrected records and of merged (hidden) duplicates.
   */
  async storedCorrections(): Promise<{ records: string[]; hidden: string[] }> {
    const doc = await storedLocalDocument(this.tabPage, 'local/corrections');
    return {
      records: [...doc.getMap('records').keys()].sort(),
      hidden: [...doc.getMap('hidden').keys()].sort(),
    };
  }

  /** Replaces an imported file by a new version of it (its 取代 button's file picker). */
  async replaceFile(fileName: string, file: LocalFile): Promise<void> {
    await this.tabPage
      .locator('.dataset-item')
      .filter({ hasText: fileName })
      .getByLabel('選擇取代用的檔案')
      .setInputFiles({ name: file.name, mimeType: file.mimeType ?? '', buffer: Buffer.from(file.bytes) });
  }

  /** The names of the imported files' databases (`crm-local-v1/local/imports/<id>`) the browser lists now. */
  async importedFileDatabases(): Promise<string[]> {
    return this.tabPage.evaluate(async () =>
      (await indexedDB.databases())
        .map((d) => d.name ?? '')
        .filter((name) => name.startsWith('crm-local-v1/local/imports/'))
        .sort(),
    );
  }

  /**
   * An imported file's database as stored: the bytes of its stored updates in all, and the file's stored form they
   * hold (the document's `file.stored`, UTF-8 JSON) with its size in bytes (null when it holds none).
   */
  async storedImportedFile(id: string): Promise<{
    updateBytes: number;
    stored: StoredDataset | null;
    storedBytes: number;
  }> {
    const updates = await storedLocalUpdates(this.tabPage, `local/imports/${id}`);
    const doc = new Y.Doc();
    for (const update of updates) Y.applyUpdate(doc, update);
    const bytes = doc.getMap<unknown>('file').get('stored');
    return {
      updateBytes: updates.reduce((sum, update) => sum + update.byteLength, 0),
      stored:
        bytes instanceof Uint8Array ? (JSON.parse(new TextDecoder().decode(bytes)) as StoredDataset) : null,
      storedBytes: bytes instanceof Uint8Array ? bytes.byteLength : 0,
    };
  }

  /**
   * What the page's IndexedDB holds: the imported files kept (an `crm-local-v1/local/imports/<id>` database each,
   * with its `saved` note), and what the database older versions kept is left: its version, stores, dataset ids,
   * corrected ids and STATE keys (none when it is not there; it is never created here).
   */
  async storedContents(): Promise<{
    files: string[];
    version: number;
    stores: string[];
    datasets: string[];
    edits: string[];
    state: string[];
  }> {
    return this.tabPage.evaluate(async () => {
      const openExisting = (name: string) =>
        new Promise<IDBDatabase | null>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onupgradeneeded = () => request.transaction?.abort();
          request.onerror = () =>
            request.error?.name === 'AbortError' ? resolve(null) : reject(request.error);
          request.onsuccess = () => resolve(request.result);
        });
      const read = <T>(db: IDBDatabase, store: string, what: (s: IDBObjectStore) => IDBRequest<T>) =>
        new Promise<T | undefined>((resolve) => {
          if (!db.objectStoreNames.contains(store)) return resolve(undefined);
          const r = what(db.transaction(store).objectStore(store));
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => resolve(undefined);
        });
      const prefix = 'crm-local-v1/local/imports/';
      const files: string[] = [];
      for (const { name } of await indexedDB.databases()) {
        if (!name?.startsWith(prefix)) continue;
        const db = await openExisting(name);
        if (!db) continue;
        if ((await read(db, 'custom', (s) => s.get('saved'))) !== undefined)
          files.push(name.slice(prefix.length));
        db.close();
      }
      const old = await openExisting('crm-imports');
      if (!old) return { files, version: 0, stores: [], datasets: [], edits: [], state: [] };
      const keys = async (store: string) =>
        ((await read(old, store, (s) => s.getAllKeys())) ?? []).map(String);
      const contents = {
        files,
        version: old.version,
        stores: [...old.objectStoreNames],
        datasets: await keys('datasets'),
        edits: await keys('edits'),
        state: await keys('state'),
      };
      old.close();
      return contents;
    });
  }
}

/** One profile (cookies, storage) of a Chromium the test started, with pages opened as tabs of it. */
export class SavesProfile {
  private readonly pages: SavesTab[] = [];

  private constructor(
    private readonly context: BrowserContext,
    private readonly appUrl: string,
  ) {}

  /** A fresh profile in a Chromium of its own making (launched by playwright-core). */
  static async fresh(browser: Browser, appUrl: string): Promise<SavesProfile> {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-TW',
      timezoneId: 'Asia/Taipei',
      serviceWorkers: 'block',
      acceptDownloads: true,
    });
    return new SavesProfile(context, appUrl);
  }

  /** The default profile of a browser connected over CDP (a profile on disk). */
  static of(context: BrowserContext, appUrl: string): SavesProfile {
    return new SavesProfile(context, appUrl);
  }

  /** Opens the app in a new tab of this profile and waits until it has loaded. */
  async openTab(): Promise<SavesTab> {
    const page = await this.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    const app = new AppPage(this.context, page, new URL(this.appUrl), {});
    await app.install();
    await page.goto(this.appUrl);
    await app.waitUntilLoaded();
    const tab = new SavesTab(this.context, page, app);
    this.pages.push(tab);
    return tab;
  }

  /**
   * A page of the app's origin without the app (a data file), in a renderer of its own: it reads the app's
   * database while the app's own main thread is busy. What it reads is committed.
   */
  async storageWatcher(): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(new URL('data/manifest.json', this.appUrl).href);
    return page;
  }

  /**
   * Opens the app's origin without the app (a data file) and creates the database as version 1 of the app left
   * it: datasets and state stores, the whole edit history under 'office-edits'.
   */
  async seedVersion1Database(history: unknown): Promise<void> {
    const page = await this.context.newPage();
    await page.goto(new URL('data/manifest.json', this.appUrl).href);
    await page.evaluate(
      (value) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('crm-imports', 1);
          request.onupgradeneeded = () => {
            request.result.createObjectStore('datasets', { keyPath: 'id' });
            request.result.createObjectStore('state');
          };
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const transaction = db.transaction('state', 'readwrite');
            transaction.objectStore('state').put(value, 'office-edits');
            transaction.oncomplete = () => {
              db.close();
              resolve();
            };
            transaction.onerror = () => reject(transaction.error);
          };
        }),
      history,
    );
    await page.close();
  }

  /**
   * Opens the app's origin without the app (a data file) and creates the database the version before imported
   * files became documents left: `crm-imports` version 2 (stores `datasets` keyed by id, `state`, `edits` keyed by
   * id), holding these files and `state` entries (e.g. `saving:<id>` intents).
   */
  async seedOldImports(
    datasets: readonly StoredDataset[],
    state: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    const page = await this.context.newPage();
    await page.goto(new URL('data/manifest.json', this.appUrl).href);
    await page.evaluate(
      ({ datasets, state }) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('crm-imports', 2);
          request.onupgradeneeded = () => {
            request.result.createObjectStore('datasets', { keyPath: 'id' });
            request.result.createObjectStore('state');
            request.result.createObjectStore('edits', { keyPath: 'id' });
          };
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const transaction = db.transaction(['datasets', 'state'], 'readwrite');
            for (const dataset of datasets) transaction.objectStore('datasets').put(dataset);
            for (const [key, value] of Object.entries(state))
              transaction.objectStore('state').put(value, key);
            transaction.oncomplete = () => {
              db.close();
              resolve();
            };
            transaction.onerror = () => reject(transaction.error);
          };
        }),
      { datasets, state },
    );
    await page.close();
  }

  /**
   * Limits the site's storage to this many bytes (DevTools Protocol: Storage.overrideQuotaForOrigin). The limit
   * lasts as long as the DevTools session that set it, so the session stays open with the profile.
   */
  async limitStorage(bytes: number): Promise<void> {
    const cdp = await this.context.newCDPSession(await this.firstPage());
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: new URL(this.appUrl).origin,
      quotaSize: bytes,
    });
  }

  /**
   * Limits the site's storage before the app first uses IndexedDB: Chromium applies an override only to an origin
   * whose storage has not been used yet (measured: set after a first write, 20 MB still committed under a 1-byte
   * quota). A page of the origin without the app (a data file) holds the DevTools session; it stays open.
   */
  async limitStorageBeforeFirstUse(bytes: number): Promise<void> {
    const page = await this.context.newPage();
    await page.goto(new URL('data/manifest.json', this.appUrl).href);
    const cdp = await this.context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: new URL(this.appUrl).origin,
      quotaSize: bytes,
    });
  }

  /** Clears the site's data while its pages stay open, as the browser's "clear site data" does. */
  async clearSiteData(): Promise<void> {
    const cdp = await this.context.newCDPSession(await this.firstPage());
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(this.appUrl).origin,
      storageTypes: 'all',
    });
    await cdp.detach();
  }

  /** A DevTools Protocol session on this profile's first page. */
  async devtools(): Promise<CDPSession> {
    return this.context.newCDPSession(await this.firstPage());
  }

  private async firstPage(): Promise<Page> {
    const [page] = this.context.pages();
    if (!page) throw new Error('no page open');
    return page;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** A Chromium launched by playwright-core, for profiles that live in memory. */
export class SavesBrowser {
  private constructor(private readonly browser: Browser) {}

  static async start(): Promise<SavesBrowser> {
    return new SavesBrowser(await launchChromium());
  }

  /** A fresh profile (no storage) of this browser. */
  profile(appUrl: string): Promise<SavesProfile> {
    return SavesProfile.fresh(this.browser, appUrl);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/**
 * A Chromium with its profile on disk, started as a process of its own and driven over the DevTools Protocol, so
 * that it can be killed (SIGKILL, by process id: no chance to finish a write) and started again on the same
 * profile, as a crash or a power cut followed by a restart would.
 */
export class KillableChromium {
  private process: ChildProcess | null = null;
  private browser: Browser | null = null;

  private constructor(private readonly profileDir: string) {}

  static create(): KillableChromium {
    return new KillableChromium(mkdtempSync(join(tmpdir(), 'crm-e2e-profile-')));
  }

  /** Starts Chromium on the profile and returns the profile's context. */
  async start(appUrl: string): Promise<SavesProfile> {
    const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    const child = spawn(
      executable,
      [
        ...CHROMIUM_FLAGS,
        `--user-data-dir=${this.profileDir}`,
        '--remote-debugging-port=0',
        '--remote-debugging-address=127.0.0.1',
        'about:blank',
      ],
      // A process group of its own: killing it takes the renderers and the storage service with it.
      { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.process = child;
    const endpoint = await new Promise<string>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${text}`)), 30_000);
      child.stderr?.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const found = /DevTools listening on (ws:\/\/\S+)/.exec(text);
        if (found?.[1]) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${text}`)));
    });
    this.browser = await chromium.connectOverCDP(endpoint);
    const [context] = this.browser.contexts();
    if (!context) throw new Error('no default context');
    return SavesProfile.of(context, appUrl);
  }

  /**
   * A clean start for a test (or its retry): no browser left running on the profile (it would hold the profile's
   * lock) and an empty profile.
   */
  async reset(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await this.kill().catch(() => undefined);
    rmSync(this.profileDir, { recursive: true, force: true });
    mkdirSync(this.profileDir, { recursive: true });
  }

  /** Kills the browser at once (its whole process group), and waits until it is gone. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child?.pid) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.kill(-child.pid, 'SIGKILL');
    await gone;
    this.process = null;
    this.browser = null;
  }

  /**
   * Arms a kill for the moment the app has written down, durably, that it saves a dataset (its SavingIntent in the
   * database's STATE store), and not later: the dataset's own write follows. The browser's first write to STATE, as
   * the DevTools Protocol reports it from the browser process (Storage.indexedDBContentUpdated) whatever the page's
   * busy main thread is doing, or "saving…" on the page, starts a watch from another page of the profile; the kill
   * comes once that page reads the intent back. The event alone came before the commit: killed then, about one run
   * in eight left nothing in storage, and the next start rightly had nothing to report. Resolves, once the browser
   * is gone, with what set it off and how long after that the kill signal was sent (ms).
   */
  async killWhenSavingStarts(profile: SavesProfile, tab: SavesTab, appUrl: string): Promise<string> {
    const watcher = await profile.storageWatcher();
    const cdp = await profile.devtools();
    await cdp.send('Storage.trackIndexedDBForOrigin', { origin: new URL(appUrl).origin });
    return new Promise<string>((resolve) => {
      let watching = false;
      const killWhenCommitted = async (reason: string) => {
        if (watching) return;
        watching = true;
        const seen = Date.now();
        // Not read back in 20 s: killed all the same (the test's own checks then say what storage held).
        while (Date.now() - seen < 20_000 && !(await savingWrittenDown(watcher).catch(() => false)))
          await new Promise((r) => setTimeout(r, 10));
        const committed = Date.now() - seen;
        const child = this.process;
        if (!child?.pid) return;
        process.kill(-child.pid, 'SIGKILL');
        void this.kill().then(() =>
          resolve(`${reason}, the intent read back after ${committed} ms, then the signal sent`),
        );
      };
      cdp.on('Storage.indexedDBContentUpdated', (event) => {
        if (
          event.databaseName.startsWith('crm-local-v1/local/imports/') &&
          event.objectStoreName === 'custom'
        )
          void killWhenCommitted('the first write of the save');
      });
      void tab.waitForSaving(280_000).then(
        () => killWhenCommitted('"saving…" on the page'),
        () => undefined,
      );
    });
  }

  /** Closes the browser (if it runs) and deletes the profile. */
  async dispose(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await this.kill().catch(() => undefined);
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}

/** A data file of the repository as text. */
export function repoFile(path: string): string {
  return readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
}

/**
 * Whether an imported file's database holds the note that it is being saved (`saving` in its `custom` store), read
 * from `page`. Never creates a database: an open that would is aborted.
 */
function savingWrittenDown(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const prefix = 'crm-local-v1/local/imports/';
    for (const { name } of await indexedDB.databases()) {
      if (!name?.startsWith(prefix)) continue;
      const noted = await new Promise<boolean>((resolve) => {
        const request = indexedDB.open(name);
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onerror = () => resolve(false);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('custom')) {
            db.close();
            resolve(false);
            return;
          }
          const saving = db.transaction('custom').objectStore('custom').get('saving');
          saving.onsuccess = () => {
            db.close();
            resolve(saving.result !== undefined);
          };
          saving.onerror = () => {
            db.close();
            resolve(false);
          };
        };
      });
      if (noted) return true;
    }
    return false;
  });
}
