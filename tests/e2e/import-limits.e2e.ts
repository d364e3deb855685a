import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deepGeoJson, kmzBomb, xlsxBomb, xlsxFarCell } from '../hostile-files.ts';
import { type LocalFile, OfficeBrowser, type OfficeTab } from './driver-import.ts';

const ALL_RESOURCES = 111;
const MiB = 1024 * 1024;

/** A CSV a person might import right after: two places in 民雄. */
const SMALL_CSV: LocalFile = {
  name: 'after-the-bombs.csv',
  bytes: new TextEncoder().encode(
    '名稱,地址\n炸彈後據點甲,嘉義縣民雄鄉中樂路1號\n炸彈後據點乙,嘉義縣民雄鄉中樂路2號\n',
  ),
  mimeType: 'text/csv',
};

describe('imports past their limits are refused, and the tab goes on (real Chromium)', () => {
  let browser: OfficeBrowser;
  let tab: OfficeTab;
  beforeAll(async () => {
    browser = await OfficeBrowser.start(inject('appUrl'));
    tab = await browser.open();
  });
  afterAll(async () => {
    await tab?.close();
    await browser?.close();
  });

  it('states the limits beside the file picker', async () => {
    expect(await tab.importLimits()).toContain('CSV/GeoJSON/JSON 50 MB、KML 30 MB、KMZ 10 MB');
    expect(await tab.importLimits()).toContain('每張工作表最多 200,000 列、200 欄');
  });

  it('refuses a 1 GiB XLSX bomb (~1 MB) and a 1 GiB KMZ bomb while inflating, naming the limit', async () => {
    const xlsx = xlsxBomb(1024);
    expect(xlsx.length).toBeLessThan(2 * MiB);
    await tab.dropFiles([{ name: 'bomb.xlsx', bytes: xlsx }]);
    const started = Date.now();
    expect(await tab.importFailure()).toBe(
      '無法匯入「bomb.xlsx」：壓縮檔解壓縮後超過上限 100 MB，已停止解壓縮。沒有匯入任何資料。',
    );
    // Stopped at 100 MB, not after inflating 1 GiB (the tab used to crash after 54 s): ~1.5 s here.
    expect(Date.now() - started).toBeLessThan(15_000);

    await tab.dropFiles([{ name: 'bomb.kmz', bytes: kmzBomb(1024) }]);
    expect(await tab.importFailure()).toBe(
      '無法匯入「bomb.kmz」：壓縮檔解壓縮後超過上限 30 MB，已停止解壓縮。沒有匯入任何資料。',
    );
    expect(await tab.app.resultCount()).toBe(ALL_RESOURCES);
    expect(await tab.datasets()).toEqual([]);
  });

  it('refuses the XLSX with one cell at XFD1048576 at once, and GeoJSON nested 100,000 deep', async () => {
    await tab.dropFiles([{ name: 'far-cell.xlsx', bytes: xlsxFarCell() }]);
    const started = Date.now();
    expect(await tab.importFailure()).toBe(
      '無法匯入「far-cell.xlsx」：工作表「Sheet1」的資料範圍為 1,048,576 列 × 16,384 欄，超過上限（最多 200,000 列、200 欄、共 5,000,000 格）。沒有匯入任何資料。',
    );
    // Well under a second in the worker (it sat on 正在讀取… for over 5 minutes at ~5 GB).
    expect(Date.now() - started).toBeLessThan(3_000);

    await tab.dropFiles([
      {
        name: 'deep.geojson',
        bytes: new TextEncoder().encode(deepGeoJson(100_000)),
        mimeType: 'application/geo+json',
      },
    ]);
    expect(await tab.importFailure()).toBe(
      '無法匯入「deep.geojson」：JSON/GeoJSON 的巢狀層數超過上限 100 層。沒有匯入任何資料。',
    );
    await tab.screenshotImportPanel('import-limits-refused');
    expect(await tab.app.accessibilityViolations()).toEqual([]);
  });

  it('still imports a small file afterwards, with no error on the page', async () => {
    await tab.dropFiles([SMALL_CSV]);
    const dialog = await tab.columnDialog();
    expect(dialog.title).toBe('確認欄位：after-the-bombs.csv');
    await tab.confirmColumns();
    expect((await tab.waitForReport()).total).toBe('共 2 列：已匯入 2、需要放置 0、未匯入 0');
    await tab.closeReport();
    expect(await tab.app.resultCount()).toBe(ALL_RESOURCES + 2);
    await expect
      .poll(() => tab.datasets())
      .toEqual([{ name: 'after-the-bombs.csv', counts: '2 列：匯入 2、需要放置 0、未匯入 0' }]);
    expect(tab.app.pageErrors()).toEqual([]);
  });
});
