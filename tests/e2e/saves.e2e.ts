import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDataset } from '../../src/domain/loading/load-dataset.ts';
import { generateResources, readRepoData, toCsv } from '../bench/synthetic-resources.ts';
import type { LocalFile } from './driver-import.ts';
import { KillableChromium, SavesBrowser } from './driver-saves.ts';

const MINXIONG = '嘉義縣日安社會福利服務中心（民雄）';
const PUZI = '嘉義縣日安社會福利服務中心（朴子）';

const { manifest, gazetteerText } = readRepoData();

/** A generated CSV of `count` rows, as a county's export would be. */
function generatedFile(name: string, count: number): LocalFile {
  const dataset = generateResources(manifest, gazetteerText, { count });
  return { name, bytes: new TextEncoder().encode(toCsv(dataset)), mimeType: 'text/csv' };
}

function smallFile(): LocalFile {
  const csv = '名稱,地址,緯度,經度\r\n測試保存據點,嘉義縣民雄鄉中樂路1號,23.5537,120.4316\r\n';
  return { name: 'small.csv', bytes: new TextEncoder().encode(csv), mimeType: 'text/csv' };
}

describe('saving in real Chromium', () => {
  let browser: SavesBrowser;
  beforeAll(async () => {
    browser = await SavesBrowser.start();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('two tabs each correct a different record: both corrections are kept, and each tab shows the other’s', async () => {
    const profile = await browser.profile(inject('appUrl'));
    const a = await profile.openTab();
    const b = await profile.openTab();
    await a.correct(MINXIONG, { 電話: '05-1111111' });
    await b.correct(PUZI, { 電話: '05-2222222' });
    await a.waitUntilNotSaving();
    await b.waitUntilNotSaving();
    // Both corrections are stored (the last writer no longer wipes the other's).
    await a.reload();
    expect(await a.detailOf(MINXIONG)).toContain('05-1111111');
    expect(await a.detailOf(PUZI)).toContain('05-2222222');
    expect((await a.storedCorrections()).records).toEqual(['chiayi-wc-minxiong', 'chiayi-wc-puzi']);
    // Without a reload, a tab shows what another saves.
    await a.correct(PUZI, { 電話: '05-2222333' });
    const started = Date.now();
    await expect.poll(() => b.detailText()).toContain('05-2222333');
    console.info(`The other tab's correction showed in ${Date.now() - started} ms`);
    await a.waitUntilSaved();
    expect(a.app.pageErrors()).toEqual([]);
    expect(b.app.pageErrors()).toEqual([]);
    await profile.close();
  });

  it('a tab killed before it read its correction back, which another tab received and stored: the next start reports no loss', async () => {
    const profile = await browser.profile(inject('appUrl'));
    const a = await profile.openTab();
    await a.correct(PUZI, { 電話: '05-2222222' });
    await a.waitUntilSaved();
    // The other tab opens on stored corrections: its document is open, and hears the first tab's.
    const b = await profile.openTab();
    expect(await b.detailOf(PUZI)).toContain('05-2222222');
    await b.waitUntilSaved();

    await a.correctThenHang(MINXIONG, { 電話: '05-1111111' });
    // The other tab receives the correction.
    await expect.poll(() => b.detailOf(MINXIONG), { timeout: 10_000 }).toContain('05-1111111');
    // The first tab noted it as unwritten and never read it back (else this test proves nothing); its write,
    // never committed, holds the other tab's behind it until it is killed.
    expect(Object.values((await b.ledger())?.unsavedEdits ?? {})).toEqual([1]);
    await a.kill();
    // Then the other tab stores it.
    await expect
      .poll(async () => (await b.storedCorrections()).records, { timeout: 10_000 })
      .toEqual(['chiayi-wc-minxiong', 'chiayi-wc-puzi']);
    await b.waitUntilSaved();

    const c = await profile.openTab();
    expect(await c.detailOf(MINXIONG)).toContain('05-1111111');
    await c.waitUntilSaved();
    // The start has reconciled the ledger (the killed tab's note is gone).
    await expect.poll(async () => (await c.ledger())?.unsavedEdits).toEqual({});
    expect((await c.saveView()).notices).toEqual([]);
    expect(b.app.pageErrors()).toEqual([]);
    expect(c.app.pageErrors()).toEqual([]);
    await profile.close();
  });

  it('a full disk: the import is kept on screen with "export now", a later small save does not claim all is saved, and the next start names the file', async () => {
    const profile = await browser.profile(inject('appUrl'));
    const tab = await profile.openTab();
    // Room for the page's own small writes, not for 20,000 records.
    await profile.limitStorage(2_000_000);
    await tab.importFile(generatedFile('quota-20k.csv', 20_000), 120_000);
    const failed = await tab.waitForNotice('無法保存到這個瀏覽器', 60_000);
    expect(await tab.app.resultCount()).toBe(111 + 20_000);

    // A later, small save succeeds; the page still says the import is not saved.
    await tab.correct(MINXIONG, { 電話: '05-3333333' });
    await tab.waitUntilNotSaving();
    const view = await tab.saveView();
    expect(view.notices.join('\n')).toContain('無法保存到這個瀏覽器');
    expect(view.status).not.toContain('重新整理或關閉後仍會保留');
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.screenshot('saves-quota-failed');

    await tab.pressInNotice('立即匯出');
    expect(await tab.exportDialogOpens()).toBe(true);
    await tab.closeExportDialog();

    await tab.reload();
    const notice = await tab.waitForNotice('沒有保存完成');
    expect(notice).toContain('「quota-20k.csv」（20,000 列）');
    // The words before the reload: the records were still on screen, to be exported; the panel said "not saved".
    expect(failed).toContain('畫面上的資料都還在');
    expect(view.status).toContain('尚未保存到這個瀏覽器');
    expect(await tab.detailOf(MINXIONG)).toContain('05-3333333');
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.screenshot('saves-unfinished-on-start');
    expect(await tab.onPhone('saves-unfinished-on-start-phone')).toBeLessThanOrEqual(360);
    await tab.pressInNotice('知道了');
    expect((await tab.saveView()).notices).toEqual([]);
    expect(tab.app.pageErrors()).toEqual([]);
    await profile.close();
  }, 240_000);

  it('a fresh browser: its first correction is undone and redone, and kept after a reload', async () => {
    const profile = await browser.profile(inject('appUrl'));
    const tab = await profile.openTab();
    await tab.correct(PUZI, { 電話: '05-8888888' });
    await tab.editHistory('復原');
    expect(await tab.detailOf(PUZI)).not.toContain('05-8888888');
    await tab.editHistory('重做');
    expect(await tab.detailOf(PUZI)).toContain('05-8888888');
    await tab.waitUntilSaved();
    expect((await tab.storedCorrections()).records).toEqual(['chiayi-wc-puzi']);
    await tab.reload();
    expect(await tab.detailOf(PUZI)).toContain('05-8888888');
    expect(tab.app.pageErrors()).toEqual([]);
    await profile.close();
  });

  it('a full disk before the first correction: it stays on screen, the page says it is not saved, nothing throws, and the next start counts it', async () => {
    const profile = await browser.profile(inject('appUrl'));
    await profile.limitStorageBeforeFirstUse(1);
    const tab = await profile.openTab();
    await tab.correct(MINXIONG, { 電話: '05-7777777' });
    const notice = await tab.waitForNotice('無法保存到這個瀏覽器', 60_000);
    expect(notice).toContain('畫面上的資料都還在');
    expect(await tab.detailOf(MINXIONG)).toContain('05-7777777');
    expect((await tab.saveView()).status).toContain('尚未保存到這個瀏覽器');
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.screenshot('saves-correction-quota-failed');
    expect(tab.app.pageErrors()).toEqual([]);
    await tab.reload();
    expect(await tab.waitForNotice('沒有保存完成')).toContain('1 筆修正');
    expect(await tab.detailOf(MINXIONG)).not.toContain('05-7777777');
    expect(tab.app.pageErrors()).toEqual([]);
    await profile.close();
  });

  it('site data cleared while the page is open: the page says so, and can save everything again', async () => {
    const profile = await browser.profile(inject('appUrl'));
    const tab = await profile.openTab();
    await tab.importFile(smallFile());
    await tab.correct(MINXIONG, { 電話: '05-4444444' });
    await tab.waitUntilSaved();

    await profile.clearSiteData();
    const started = Date.now();
    const notice = await tab.waitForNotice('剛剛被清除了');
    console.info(`Clearing noticed ${Date.now() - started} ms after the DevTools call returned`);
    expect(notice).toContain('畫面上的資料都還在');
    expect((await tab.saveView()).status).toContain('尚未保存到這個瀏覽器');
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.screenshot('saves-cleared-while-open');

    await tab.pressInNotice('重新保存到這個瀏覽器');
    await tab.waitUntilSaved();
    await tab.reload();
    // The saved imports load after the default data: the list fills a moment after the count shows.
    await expect.poll(async () => (await tab.datasets()).map((d) => d.name)).toEqual(['small.csv']);
    expect(await tab.detailOf(MINXIONG)).toContain('05-4444444');
    expect(tab.app.pageErrors()).toEqual([]);
    await profile.close();
  });

  it('site data cleared under an imported file alone (no corrections document open): the page says so', async () => {
    const profile = await browser.profile(inject('appUrl'));
    const tab = await profile.openTab();
    await tab.importFile(smallFile());
    await tab.waitUntilSaved();
    expect((await tab.storedContents()).files).toHaveLength(1);

    // Heard through the page's connection to the file's own database.
    await profile.clearSiteData();
    const notice = await tab.waitForNotice('剛剛被清除了');
    expect(notice).toContain('畫面上的資料都還在');
    expect((await tab.storedContents()).files).toEqual([]);
    await tab.pressInNotice('重新保存到這個瀏覽器');
    await tab.waitUntilSaved();
    expect((await tab.storedContents()).files).toHaveLength(1);
    expect(tab.app.pageErrors()).toEqual([]);
    await profile.close();
  });

  it('a browser that kept version 1 of the database: every correction moves into the corrections document, once', async () => {
    const loaded = loadDataset(
      manifest,
      gazetteerText,
      manifest.files.map((spec) => ({
        path: spec.path,
        bytes: new Uint8Array(readFileSync(resolve(process.cwd(), 'data', spec.path))),
      })),
    );
    const puzi = loaded.resources.find((r) => r.name === PUZI);
    if (!puzi) throw new Error(`${PUZI} is not in the default data`);
    const corrected = { ...puzi, phones: ['05-5555555'] };
    const profile = await browser.profile(inject('appUrl'));
    await profile.seedVersion1Database({
      past: [{}],
      present: { [puzi.id]: corrected },
      future: [],
    });
    const tab = await profile.openTab();
    expect(await tab.detailOf(PUZI)).toContain('05-5555555');
    await tab.waitUntilSaved();
    // Upgraded to version 2 (entries), then moved into the document; the old entries go once it is read back.
    await expect.poll(async () => (await tab.storedContents()).edits).toEqual([]);
    const stored = await tab.storedContents();
    expect(stored.version).toBe(2);
    expect(stored.state).not.toContain('office-edits');
    expect((await tab.storedCorrections()).records).toEqual([puzi.id]);
    // A correction of this page's is undone to the moved one (the old undo steps stay behind).
    await tab.correct(PUZI, { 電話: '05-6666666' });
    await tab.editHistory('復原');
    expect(await tab.detailOf(PUZI)).toContain('05-5555555');
    await tab.waitUntilSaved();
    await tab.reload();
    expect(await tab.detailOf(PUZI)).toContain('05-5555555');
    expect((await tab.saveView()).notices).toEqual([]);
    expect(tab.app.pageErrors()).toEqual([]);
    await profile.close();
  });
});

describe('the browser killed in the save window of a 100,000-row import (real Chromium, profile on disk)', () => {
  const chromium = KillableChromium.create();
  afterAll(async () => {
    await chromium.dispose();
  });

  it('says on restart that the import was not saved', async () => {
    const file = generatedFile('bench-100k.csv', 100_000);
    await chromium.reset();
    const profile = await chromium.start(inject('appUrl'));
    const tab = await profile.openTab();
    const killed = chromium.killWhenSavingStarts(profile, tab, inject('appUrl'));
    await tab.pickFileFromDisk(file);
    await tab.confirmColumns();
    console.info(`Killed at ${await killed}`);

    const again = await chromium.start(inject('appUrl'));
    const restarted = await again.openTab();
    const notice = await restarted.waitForNotice('沒有保存完成', 60_000);
    expect(notice).toContain('「bench-100k.csv」（100,000 列）');
    // The kill came before the write finished: the file is not in storage (else this test proves nothing).
    expect((await restarted.storedContents()).files).toEqual([]);
    expect(await restarted.app.resultCount()).toBe(111);
    expect(await restarted.app.accessibilityViolations()).toEqual([]);
    await restarted.screenshot('saves-killed-restart');
    expect(restarted.app.pageErrors()).toEqual([]);
  }, 300_000);
});
