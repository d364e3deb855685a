/**
 * Imported files as the office keeps them: each one a local document of its own (`crm-local-v1/local/imports/<id>`),
 * seen by every tab of the browser, replaced by a new version, removed from the disk, and moved in from the
 * database an older version kept them in.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocalFile } from './driver-import.ts';
import { SavesBrowser, type SavesTab } from './driver-saves.ts';

const DEFAULT_RECORDS = 111;

/** The real Taipei care points (505 records, one a line, no line breaks inside a field). */
const TAIPEI = readFileSync(
  new URL('../../../shared/data/taipei-community-care-points.csv', import.meta.url),
  'utf8',
)
  .trimEnd()
  .split('\n');
const [TAIPEI_HEADER = '', ...TAIPEI_ROWS] = TAIPEI;
/** The first and the last record of the file (names are unique in it). */
const FIRST = '台灣健康社區自主發展協會';
const LAST = '臺北市萬華區馬場町社區發展協會';

/** A CSV of the real file's rows from `start` to before `end`, as an office would have saved part of it. */
function taipeiRows(name: string, start: number, end: number): LocalFile {
  const csv = [TAIPEI_HEADER, ...TAIPEI_ROWS.slice(start, end)].join('\n');
  return { name, bytes: new TextEncoder().encode(csv), mimeType: 'text/csv' };
}

/** Imports a file with the file picker and waits until the import is saved. */
async function importFile(tab: SavesTab, file: LocalFile): Promise<void> {
  await tab.importFile(file);
  await tab.waitUntilNotSaving();
  await tab.waitUntilSaved();
}

/** How often the list shows a record of exactly this name when it is searched for. */
async function timesListed(tab: SavesTab, name: string): Promise<number> {
  await tab.app.search(name);
  const names = await tab.app.visibleListNames();
  await tab.app.search('');
  return names.filter((n) => n === name).length;
}

describe('imported files, a document each (real Chromium)', () => {
  let browser: SavesBrowser;
  beforeAll(async () => {
    browser = await SavesBrowser.start();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('two tabs: a file imported in one shows in the other without a reload; removed in one, it leaves the other and the disk', async () => {
    const profile = await browser.profile(inject('appUrl'));
    const a = await profile.openTab();
    const b = await profile.openTab();
    const file = taipeiRows('taipei-care-points.csv', 0, 60);
    await importFile(a, file);
    const { files } = await a.storedContents();
    expect(files).toHaveLength(1);
    expect(await a.importedFileDatabases()).toEqual([`crm-local-v1/local/imports/${files[0]}`]);

    // The other tab shows it, without a reload.
    await expect.poll(async () => (await b.datasets()).map((d) => d.name)).toEqual([file.name]);
    await expect.poll(() => b.app.resultCount()).toBe(DEFAULT_RECORDS + 60);
    expect(await b.detailOf(FIRST)).toContain('臺北市士林區三玉里德行東路203巷2號1樓');
    await b.app.search('');

    // Removed in the first tab: the other drops it, and its database leaves the disk.
    await a.removeDataset(file.name);
    await expect.poll(async () => (await b.datasets()).map((d) => d.name)).toEqual([]);
    await expect.poll(() => b.app.resultCount()).toBe(DEFAULT_RECORDS);
    expect(await timesListed(b, FIRST)).toBe(0);
    await expect.poll(() => a.importedFileDatabases()).toEqual([]);
    expect((await a.storedContents()).files).toEqual([]);

    await b.reload();
    expect(await b.datasets()).toEqual([]);
    expect(await b.app.resultCount()).toBe(DEFAULT_RECORDS);
    expect(a.app.pageErrors()).toEqual([]);
    expect(b.app.pageErrors()).toEqual([]);
    await profile.close();
  });

  it('a file replaced by a new version: a reload shows the new version only, and the earlier version’s bytes leave the disk', async () => {
    const profile = await browser.profile(inject('appUrl'));
    const tab = await profile.openTab();
    // Two versions of about the same size: were the first kept beside the second, the disk would hold about twice
    // the second's bytes.
    const first = taipeiRows('taipei-care-points.csv', 0, 450);
    const second = taipeiRows('taipei-care-points-2025.csv', 55, 505);
    await importFile(tab, first);
    const [id] = (await tab.storedContents()).files;
    if (!id) throw new Error('the first version is not kept');
    const before = await tab.storedImportedFile(id);
    expect(before.stored?.dataset.fileName).toBe(first.name);

    await tab.replaceFile(first.name, second);
    await tab.confirmColumns();
    await tab.waitForReport();
    await tab.closeReport();
    await tab.waitUntilNotSaving();
    await tab.waitUntilSaved();

    // One file, under the same id, holding the second version's bytes only.
    expect((await tab.storedContents()).files).toEqual([id]);
    const after = await tab.storedImportedFile(id);
    expect(after.stored?.dataset.fileName).toBe(second.name);
    expect(after.stored?.resources).toHaveLength(450);
    expect(before.storedBytes).toBeGreaterThan(0.9 * after.storedBytes);
    console.info(
      `Stored updates after the replacement: ${after.updateBytes} bytes for a file of ${after.storedBytes} bytes (the first version: ${before.storedBytes})`,
    );
    expect(after.updateBytes).toBeLessThan(1.5 * after.storedBytes);

    await tab.reload();
    await expect.poll(async () => (await tab.datasets()).map((d) => d.name)).toEqual([second.name]);
    expect(await tab.app.resultCount()).toBe(DEFAULT_RECORDS + 450);
    expect(await timesListed(tab, FIRST)).toBe(0);
    expect(await timesListed(tab, LAST)).toBe(1);
    expect(tab.app.pageErrors()).toEqual([]);
    await profile.close();
  });

  it('a browser that kept files in an older version’s database: the file moves into a document of its own, once, and the lost save is reported', async () => {
    // A file as an older version stored it (the stored form has not changed): imported in another profile.
    const source = await browser.profile(inject('appUrl'));
    const importing = await source.openTab();
    const file = taipeiRows('taipei-care-points.csv', 0, 40);
    await importFile(importing, file);
    const [id] = (await importing.storedContents()).files;
    const stored = id ? (await importing.storedImportedFile(id)).stored : null;
    if (!id || !stored) throw new Error('the file is not kept');
    await source.close();

    // A fresh profile whose crm-imports holds that file, and the intent of a save a tab that is gone never ended.
    const profile = await browser.profile(inject('appUrl'));
    const lost = { id: 'import-lost', fileName: '北區據點.csv', rows: 1234, tab: 'tab-closed-long-ago' };
    await profile.seedOldImports([stored], { [`saving:${lost.id}`]: lost });
    const tab = await profile.openTab();

    await expect.poll(async () => (await tab.datasets()).map((d) => d.name)).toEqual([file.name]);
    expect(await tab.app.resultCount()).toBe(DEFAULT_RECORDS + 40);
    expect(await timesListed(tab, FIRST)).toBe(1);
    expect(await tab.waitForNotice('沒有保存完成')).toContain('「北區據點.csv」（1,234 列）');
    // Moved: crm-imports holds neither the file nor the intent; the file is a document of its own, and the lost
    // save's intent leaves no database once reported.
    const contents = await tab.storedContents();
    expect(contents.datasets).toEqual([]);
    expect(contents.state.filter((key) => key.startsWith('saving:'))).toEqual([]);
    expect(contents.files).toEqual([id]);
    await expect.poll(() => tab.importedFileDatabases()).toEqual([`crm-local-v1/local/imports/${id}`]);
    expect((await tab.storedImportedFile(id)).stored).toEqual(stored);
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.screenshotImportPanel('imported-files-moved-from-old-database');

    await tab.pressInNotice('知道了');
    expect((await tab.saveView()).notices).toEqual([]);
    await tab.reload();
    await expect.poll(async () => (await tab.datasets()).map((d) => d.name)).toEqual([file.name]);
    expect(await tab.app.resultCount()).toBe(DEFAULT_RECORDS + 40);
    expect(await timesListed(tab, FIRST)).toBe(1);
    expect((await tab.saveView()).notices).toEqual([]);
    expect((await tab.storedContents()).files).toEqual([id]);
    expect(tab.app.pageErrors()).toEqual([]);
    await profile.close();
  });
});
