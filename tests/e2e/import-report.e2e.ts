import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pharmacyList } from '../bench/json-import-bench.ts';
import { readRepoData } from '../bench/synthetic-resources.ts';
import { tainanTwd97Big5, ZERO_NAME, ZERO_ROW } from '../tainan-twd97-file.ts';
import { villageBoundariesGeoJson } from '../unit/atlas-boundaries.ts';
import { OfficeBrowser, type OfficeTab } from './driver-import.ts';

describe('the import finds its own problems (real Chromium, issue 17)', () => {
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

  it('a 500-row Big5/TWD97 register: the one (0, 0) row is on screen when the report opens', async () => {
    const file = tainanTwd97Big5();
    await tab.dropFiles([{ ...file, mimeType: 'text/csv' }]);
    const dialog = await tab.columnDialog();
    expect(dialog.detected).toContain('BIG5');
    expect(dialog.fields).toMatchObject({ 管理委員會: '名稱', 建築物地址: '地址' });
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.confirmColumns();
    const report = await tab.waitForReport();
    expect(report.total).toBe('共 500 列：已匯入 500、需要放置 0、未匯入 0');
    // The chips add up to the rows, and the summary agrees with them.
    expect(report.counts).toEqual({
      未匯入: 0,
      需要放置: 0,
      約略位置: 1,
      已修正後匯入: 0,
      '已匯入（有附註）': 499,
      照原樣匯入: 0,
    });
    const onScreen = await tab.reportRowsOnScreen();
    expect(onScreen[0]).toContain(String(ZERO_ROW));
    expect(onScreen[0]).toContain(ZERO_NAME);
    expect(onScreen[0]).toContain('座標為 (0, 0)');
    await tab.screenshot('import-report-zero-row');
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    // One outcome at a time: the (0, 0) row is the only approximate one.
    const approximate = await tab.filterReport('約略位置');
    expect(approximate).toHaveLength(1);
    expect(approximate[0]).toContain(ZERO_NAME);
    await tab.closeReport();
  });

  it('a JSON list of 6,515 pharmacies (Name/Address/Tel/Lat/Lng) imports as a table', async () => {
    const { manifest, gazetteerText } = readRepoData();
    const list = pharmacyList(manifest, gazetteerText);
    await tab.dropFiles([{ name: 'pharmacies.json', bytes: new TextEncoder().encode(JSON.stringify(list)) }]);
    const dialog = await tab.columnDialog();
    expect(dialog.detected).toContain('JSON（物件清單）');
    expect(dialog.headers).toEqual(['Name', 'Address', 'Tel', 'Lat', 'Lng']);
    expect(dialog.fields).toMatchObject({ Name: '名稱', Address: '地址', Tel: '電話' });
    await tab.confirmColumns();
    const report = await tab.waitForReport();
    expect(report.total).toMatch(/^共 6,515 列：已匯入 [\d,]+、需要放置 [\d,]+、未匯入 0$/);
    await tab.closeReport();
  });

  it('village boundaries: one message, then the coverage analysis, nothing imported', async () => {
    await tab.dropFiles([{ name: '民雄鄉村里界.geojson', bytes: villageBoundariesGeoJson() }]);
    expect(await tab.notAListMessage()).toBe(
      '這個檔案是行政界線（多邊形），不是據點清單：用於涵蓋範圍分析。',
    );
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.screenshot('import-boundaries');
    expect(await tab.useForCoverage()).toBe('涵蓋範圍與缺口');
    await expect
      .poll(async () => (await tab.datasets()).map((d) => d.name))
      .toEqual(['臺南市大樓管委會-twd97-big5.csv', 'pharmacies.json']);
  });
});
