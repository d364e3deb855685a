import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { wgs84ToProjected } from '../../src/domain/geo/projections.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { createBig5Encoder } from '../bench/big5-encoder.ts';
import { generateResources, readRepoData, toCsv } from '../bench/synthetic-resources.ts';
import { type LocalFile, OfficeBrowser, type OfficeTab } from './driver-import.ts';

const ALL_RESOURCES = 111;
/** Within this many degrees (about 15 m) a marker is where the file says: screen pixels are read back. */
const TOLERANCE = 1.5e-4;

const big5 = createBig5Encoder();

/** A county office's Big5 CSV (as government portals publish them): located, address-only, swapped, unnamed rows. */
const BIG5_ROWS = [
  { name: '大林關懷站', address: '嘉義縣大林鎮中山路1號', lat: '23.6024', lng: '120.4561' },
  { name: '溪口關懷站', address: '嘉義縣溪口鄉溪口村1號', lat: '', lng: '' },
  { name: '巷口無名據點', address: '某處巷口', lat: '', lng: '' },
  { name: '', address: '嘉義縣民雄鄉中樂路2號', lat: '23.55', lng: '120.43' },
  { name: '新港關懷站', address: '嘉義縣新港鄉中山路3號', lat: '120.3470', lng: '23.5550' },
];
function big5File(): LocalFile {
  const text = [
    '機構名稱,地址,緯度,經度',
    ...BIG5_ROWS.map((r) => `${r.name},${r.address},${r.lat},${r.lng}`),
  ].join('\r\n');
  const encoded = big5(`${text}\r\n`);
  if (encoded.unencodable > 0) throw new Error('fixture not Big5-encodable');
  return { name: '嘉義縣關懷站-big5.csv', bytes: encoded.bytes, mimeType: 'text/csv' };
}

/** TWD97 TM2 metres (EPSG:3826), computed with proj4 from known WGS84 points. */
const TWD97_ROWS = [
  { name: '士林測試據點', lat: 25.11159, lng: 121.5324062 },
  { name: '臺南東區測試據點', lat: 22.9908, lng: 120.2133 },
  { name: '臺東測試據點', lat: 22.7583, lng: 121.1444 },
];
function twd97File(): LocalFile {
  const lines = ['名稱,TWD97X,TWD97Y'];
  for (const r of TWD97_ROWS) {
    const [x, y] = wgs84ToProjected(r.lng, r.lat, 'EPSG:3826');
    lines.push(`${r.name},${x.toFixed(2)},${y.toFixed(2)}`);
  }
  return {
    name: 'twd97-points.csv',
    bytes: new TextEncoder().encode(lines.join('\n')),
    mimeType: 'text/csv',
  };
}

/** CSV text → header + rows (the app's own parser, as a spreadsheet would read it). */
function readCsv(bytes: Uint8Array) {
  const text = new TextDecoder().decode(bytes);
  return parseDelimitedText(text);
}

describe('an office imports, fixes and exports its files (real Chromium)', () => {
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

  it('drops a Big5 CSV and a TWD97 CSV: both read right, counts add up, markers where the files put them', async () => {
    await tab.dropFiles([big5File(), twd97File()]);

    const first = await tab.columnDialog();
    expect(first.title).toBe('確認欄位：嘉義縣關懷站-big5.csv');
    expect(first.detected).toContain('BIG5');
    expect(first.headers).toEqual(['機構名稱', '地址', '緯度', '經度']);
    expect(first.fields).toMatchObject({ 機構名稱: '名稱', 地址: '地址', 緯度: '緯度（或 Y 座標）' });
    expect(first.detected).toContain('之後還有 1 個檔案');
    await tab.screenshot('import-columns');
    await tab.confirmColumns();
    const big5Report = await tab.waitForReport();
    expect(big5Report.total).toBe('共 5 列：已匯入 3、需要放置 1、未匯入 1');
    // Most severe first; 大林 is imported with a note (its village, from the Ministry's boundaries).
    expect(big5Report.counts).toEqual({
      未匯入: 1,
      需要放置: 1,
      約略位置: 1,
      已修正後匯入: 1,
      '已匯入（有附註）': 1,
      照原樣匯入: 0,
    });
    await tab.screenshot('import-report');
    const reportCsv = await tab.downloadReport();
    expect(reportCsv.fileName).toMatch(/^匯入報告_嘉義縣關懷站-big5_\d{4}-\d{2}-\d{2}\.csv$/);
    const reportTable = readCsv(reportCsv.bytes);
    expect(reportTable.rows).toHaveLength(5);
    expect(reportTable.rows[3]?.[1]).toBe('未匯入');
    expect(reportTable.rows[3]?.[4]).toContain('缺少名稱');
    await tab.closeReport();

    const second = await tab.columnDialog();
    expect(second.title).toBe('確認欄位：twd97-points.csv');
    expect(second.fields).toMatchObject({ TWD97X: '經度（或 X 座標）', TWD97Y: '緯度（或 Y 座標）' });
    await tab.confirmColumns();
    const twdReport = await tab.waitForReport();
    expect(twdReport.total).toBe('共 3 列：已匯入 3、需要放置 0、未匯入 0');
    await tab.closeReport();

    expect(await tab.app.resultCount()).toBe(ALL_RESOURCES + 4 + 3);
    await expect
      .poll(() => tab.datasets())
      .toEqual([
        { name: '嘉義縣關懷站-big5.csv', counts: '5 列：匯入 3、需要放置 1、未匯入 1' },
        { name: 'twd97-points.csv', counts: '3 列：匯入 3、需要放置 0、未匯入 0' },
      ]);

    for (const r of TWD97_ROWS.slice(0, 2)) {
      const at = await tab.markerPosition(r.name);
      expect(Math.abs(at.lat - r.lat), r.name).toBeLessThan(TOLERANCE);
      expect(Math.abs(at.lng - r.lng), r.name).toBeLessThan(TOLERANCE);
    }
    const daLin = await tab.markerPosition('大林關懷站');
    expect(Math.abs(daLin.lat - 23.6024)).toBeLessThan(TOLERANCE);
    // Swapped in the file (lat 120.3470, lng 23.5550): switched back.
    const xinGang = await tab.markerPosition('新港關懷站');
    expect(Math.abs(xinGang.lat - 23.555)).toBeLessThan(TOLERANCE);
    expect(Math.abs(xinGang.lng - 120.347)).toBeLessThan(TOLERANCE);
    await tab.app.search('');
    expect(tab.app.pageErrors()).toEqual([]);
    expect(tab.app.outsideRequests().every((url) => !url.includes('data'))).toBe(true);
  });

  it('places the row that needs a location by clicking the map', async () => {
    await expect.poll(() => tab.needsLocation()).toEqual(['巷口無名據點']);
    const clicked = await tab.placeByClickingMap('巷口無名據點', { x: 0.4, y: 0.45 });
    expect(await tab.needsLocation()).toEqual([]);
    const placed = await tab.markerPosition('巷口無名據點');
    expect(Math.abs(placed.lat - clicked.lat)).toBeLessThan(TOLERANCE * 4);
    expect(Math.abs(placed.lng - clicked.lng)).toBeLessThan(TOLERANCE * 4);
    // The office's own marks (已修正) show in the office workspace, where the placing was done for.
    await tab.enterOfficeWorkspace();
    await expect
      .poll(() => tab.detailBadges())
      .toContain(`已修正（${new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Taipei' })}）`);
    await tab.app.search('');
  });

  it('corrects a record and undoes the correction', async () => {
    await tab.app.search('大林關懷站');
    await tab.app.clickListItem('大林關懷站');
    await tab.correctSelected({ 電話: '05-2651234' });
    expect(await tab.detailText()).toContain('05-2651234');
    await tab.undo();
    expect(await tab.detailText()).not.toContain('05-2651234');

    // Moving the marker: dragged 60 px right and 40 px down, it stays where it was dropped.
    const before = await tab.markerPosition('大林關懷站');
    const dropped = await tab.dragSelectedMarker(60, 40);
    const after = await tab.markerPosition('大林關懷站');
    expect(Math.abs(after.lat - dropped.lat)).toBeLessThan(TOLERANCE);
    expect(Math.abs(after.lng - dropped.lng)).toBeLessThan(TOLERANCE);
    expect(Math.abs(after.lng - before.lng)).toBeGreaterThan(TOLERANCE);
    await tab.undo();
    const back = await tab.markerPosition('大林關懷站');
    expect(Math.abs(back.lat - before.lat)).toBeLessThan(TOLERANCE);
    await tab.app.search('');
  });

  it('keeps the imported data, the placement and the datasets after a reload', async () => {
    await tab.reload();
    await expect.poll(() => tab.app.resultCount(), { timeout: 10_000 }).toBe(ALL_RESOURCES + 7);
    await expect
      .poll(async () => (await tab.datasets()).map((d) => d.name))
      .toEqual(['嘉義縣關懷站-big5.csv', 'twd97-points.csv']);
    expect(await tab.needsLocation()).toEqual([]);
    const placed = await tab.markerPosition('巷口無名據點');
    expect(placed.lat).toBeGreaterThan(20);
    await tab.app.search('');
  });

  it('exports the filtered list as CSV and XLSX, and re-importing the export gives the same records', async () => {
    await tab.app.search('關懷站');
    const shown = await tab.app.resultCount();
    expect(shown).toBeGreaterThanOrEqual(3);

    const csv = await tab.exportList('CSV');
    expect(csv.fileName).toMatch(/^共生資源地圖_搜尋「關懷站」_\d+筆_\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = new TextDecoder().decode(csv.bytes);
    expect(csvText.split('\r\n').filter((l) => l !== '')).toHaveLength(shown + 1);
    const exported = readCsv(csv.bytes);
    expect(exported.headers.slice(0, 3)).toEqual(['識別碼', '名稱', '類別']);
    expect(exported.rows).toHaveLength(shown);

    const xlsx = await tab.exportList('Excel（XLSX）');
    expect(xlsx.fileName).toMatch(/\.xlsx$/);
    const sheet = XLSX.read(xlsx.bytes, { type: 'buffer' });
    const firstSheet = sheet.Sheets[sheet.SheetNames[0] ?? ''];
    if (!firstSheet) throw new Error('no sheet');
    const cells = XLSX.utils.sheet_to_json<unknown[]>(firstSheet, { header: 1, raw: true, defval: '' });
    expect(cells[0]).toEqual(exported.headers);
    expect(cells.slice(1).map((row) => row.map(String))).toEqual(exported.rows.map((row) => row.map(String)));

    // Re-import the CSV: same ids (renamed beside the originals), same fields, flagged as duplicates.
    await tab.pickFiles([{ name: csv.fileName, bytes: csv.bytes, mimeType: 'text/csv' }]);
    await tab.confirmColumns();
    const report = await tab.waitForReport();
    expect(report.total).toBe(`共 ${shown} 列：已匯入 ${shown}、需要放置 0、未匯入 0`);
    expect(report.duplicates).toBe(shown);
    await tab.closeReport();
    expect(await tab.app.resultCount()).toBe(shown * 2);
    const both = readCsv((await tab.exportList('CSV')).bytes);
    const key = (row: readonly string[]) => row.slice(1).join('\u0001');
    const originals = new Map(exported.rows.map((row) => [key(row), row[0]]));
    for (const row of both.rows) {
      const id = originals.get(key(row));
      expect(id, row.join(',')).toBeDefined();
      expect(row[0] === id || row[0] === `${id}-2`).toBe(true);
    }

    // Merging the flagged duplicates leaves the list as it was; a merge is undone and redone like any correction.
    await tab.openReport(csv.fileName);
    expect(await tab.mergeDuplicates()).toBe(shown);
    await tab.closeReport();
    expect(await tab.app.resultCount()).toBe(shown);
    await tab.editHistory('復原');
    expect(await tab.app.resultCount()).toBe(shown + 1);
    await tab.editHistory('重做');
    expect(await tab.app.resultCount()).toBe(shown);
  });

  it('prints the filtered list on A4 with the filters, the date, the sources and the map', async () => {
    const shown = await tab.app.resultCount();
    const view = await tab.openPrintView(true);
    expect(view.rows).toBe(shown);
    expect(view.header).toContain('篩選條件：搜尋「關懷站」');
    expect(view.header).toMatch(/製表日期：\d{4}-\d{2}-\d{2}/);
    expect(view.header).toContain('資料來源：');
    await tab.printScreenshot('print-view');
    const pdf = await tab.printPdf('print-view');
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    await tab.closePrintView();
    await tab.app.search('');

    // The whole list runs over several A4 pages; rows are kept whole (break-inside: avoid).
    const all = await tab.openPrintView(false);
    expect(all.rows).toBe(await tab.app.resultCount());
    expect(all.header).toContain('篩選條件：無（全部資料）');
    await tab.printScreenshot('print-view-all');
    expect((await tab.printPdf('print-view-all')).pages).toBeGreaterThan(1);
    await tab.closePrintView();
  });

  it('labels an internal file 內部資料 on screen and in its export', async () => {
    const csv = '名稱,地址,緯度,經度,聯絡人\r\n測試庇護家園,嘉義縣民雄鄉保密路1號,23.56,120.44,王社工\r\n';
    await tab.pickFiles([{ name: 'shelters.csv', bytes: new TextEncoder().encode(csv) }]);
    await tab.confirmColumns({ internal: true });
    await tab.waitForReport();
    await tab.closeReport();
    await tab.app.search('測試庇護家園');
    await tab.app.clickListItem('測試庇護家園');
    expect(await tab.detailBadges()).toContain('內部資料');
    expect(await tab.app.notes()).toContainEqual(expect.stringContaining('畫面上有內部資料'));
    const file = await tab.exportList('CSV');
    expect(file.fileName).toContain('內部資料');
    expect(new TextDecoder().decode(file.bytes)).toContain('"內部資料"');
    await tab.removeDataset('shelters.csv');
    expect(await tab.app.notes()).not.toContainEqual(expect.stringContaining('畫面上有內部資料'));
    await tab.app.search('');
  });
});

describe('on a 360 px phone (real Chromium)', () => {
  let browser: OfficeBrowser;
  beforeAll(async () => {
    browser = await OfficeBrowser.start(inject('appUrl'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('imports a file and shows its report without sideways scrolling', async () => {
    const tab = await browser.open({ viewport: { width: 360, height: 740 } });
    await tab.pickFiles([twd97File()]);
    await tab.columnDialog();
    await tab.screenshot('import-columns-phone');
    expect(await tab.app.pageScrollWidth()).toBeLessThanOrEqual(360);
    await tab.confirmColumns();
    await tab.waitForReport();
    await tab.screenshot('import-report-phone');
    expect(await tab.app.pageScrollWidth()).toBeLessThanOrEqual(360);
    await tab.closeReport();
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.close();
  });
});

describe('a Google My Maps KML and KMZ, read in the import worker (real Chromium)', () => {
  let browser: OfficeBrowser;
  beforeAll(async () => {
    browser = await OfficeBrowser.start(inject('appUrl'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('imports both with no DOMParser on the page: the worker parses the KML (xmldom)', async () => {
    const tab = await browser.open({ withoutDomParser: true });
    expect(await tab.hasDomParser()).toBe(false);
    const kml = readFileSync(new URL('../fixtures/import/my-maps-export.kml', import.meta.url));
    await tab.dropFiles([
      {
        name: 'my-maps-export.kml',
        bytes: new Uint8Array(kml),
        mimeType: 'application/vnd.google-earth.kml+xml',
      },
      { name: 'my-maps-export.kmz', bytes: zipSync({ 'doc.kml': new Uint8Array(kml) }) },
    ]);
    for (const name of ['my-maps-export.kml', 'my-maps-export.kmz']) {
      const dialog = await tab.columnDialog();
      expect(dialog.title).toBe(`確認欄位：${name}`);
      expect(dialog.headers).toEqual(['name', 'description', '地址', '電話', '類別']);
      await tab.confirmColumns();
      const report = await tab.waitForReport();
      expect(report.total).toBe('共 4 列：已匯入 3、需要放置 1、未匯入 0');
      await tab.closeReport();
    }
    await expect
      .poll(async () => (await tab.datasets()).map((d) => d.name))
      .toEqual(['my-maps-export.kml', 'my-maps-export.kmz']);

    // An external entity is neither fetched nor read: the file is refused as unreadable, nothing imported.
    const xxe = `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret">]><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&xxe;</name></Placemark></kml>`;
    await tab.dropFiles([{ name: 'xxe.kml', bytes: new TextEncoder().encode(xxe) }]);
    expect(await tab.importFailure()).toBe('無法匯入「xxe.kml」：檔案格式無法讀取');
    await tab.screenshotImportPanel('import-kml-refused');
    await expect
      .poll(async () => (await tab.datasets()).map((d) => d.name))
      .toEqual(['my-maps-export.kml', 'my-maps-export.kmz']);
    expect(tab.app.outsideRequests().filter((url) => url.includes('127.0.0.1:9'))).toEqual([]);
    expect(tab.app.pageErrors()).toEqual([]);
    await tab.close();
  });
});

describe('a 100,000-row file (real Chromium)', () => {
  let browser: OfficeBrowser;
  let tab: OfficeTab;
  const { manifest, gazetteerText } = readRepoData();
  const dataset = generateResources(manifest, gazetteerText, { count: 100_000 });
  const file: LocalFile = {
    name: 'bench-100k.csv',
    bytes: new TextEncoder().encode(toCsv(dataset)),
    mimeType: 'text/csv',
  };
  beforeAll(async () => {
    browser = await OfficeBrowser.start(inject('appUrl'));
    tab = await browser.open();
  });
  afterAll(async () => {
    await tab?.close();
    await browser?.close();
  });

  it('imports off the main thread with a progress bar, can be cancelled, and the page stays responsive', async () => {
    // A search for 民雄 before any import, to compare with the same search while one runs.
    await tab.app.search('民雄');
    const minxiongCount = await tab.app.resultCount();
    const minxiongNames = await tab.app.visibleListNames();
    expect(minxiongCount).toBeLessThan(ALL_RESOURCES);
    expect(minxiongNames.length).toBeGreaterThan(0);
    await tab.app.search('');

    await tab.pickFiles([file]);
    await tab.confirmColumns();
    await tab.waitForProgress(/已檢查/);
    // The words count the rows checked out of the file's 100,000, and the bar is filled as far as they say.
    const progress = await tab.importProgress();
    const checked = /^正在匯入「bench-100k\.csv」：已檢查 ([\d,]+) \/ 100,000 列$/.exec(progress?.text ?? '');
    expect(checked, progress?.text).not.toBeNull();
    expect(progress?.value).toBeCloseTo(Number(checked?.[1]?.replaceAll(',', '')) / 100_000, 6);
    await tab.cancelImport();
    expect(await tab.datasets()).toEqual([]);
    expect(await tab.app.resultCount()).toBe(ALL_RESOURCES);

    await tab.pickFiles([file]);
    const dialog = await tab.columnDialog();
    expect(dialog.headers).toHaveLength(11);
    await tab.confirmColumns();
    const started = Date.now();
    await tab.watchLongTasks();
    await tab.waitForProgress(/已檢查/, 60_000);
    // While the worker checks the rows, a search shows its results: the same as before the import, and the
    // import still running when they show (a main thread busy with the file would answer only after it).
    await tab.app.search('民雄');
    expect(await tab.app.resultCount()).toBe(minxiongCount);
    expect(await tab.app.visibleListNames()).toEqual(minxiongNames);
    expect(await tab.importProgress(), 'the import was over before the search answered').not.toBeNull();
    const longestWhileChecking = await tab.longestTask();
    await tab.app.search('');
    const report = await tab.waitForReport(120_000);
    const seconds = (Date.now() - started) / 1000;
    const timings = await tab.importTimings();
    const longestOverall = await tab.longestTask();
    console.info(
      `100,000-row import in Chromium: ${seconds.toFixed(1)} s to the report (worker ${timings['crm:import-worker']?.toFixed(0)} ms, ` +
        `ids + duplicates ${((timings['crm:import-merge'] ?? 0) - (timings['crm:import-worker'] ?? 0)).toFixed(0)} ms, ` +
        `shown ${timings['crm:import-shown']?.toFixed(0)} ms); while the worker parsed, the longest main-thread task was ` +
        `${longestWhileChecking.toFixed(0)} ms; longest task over the whole import ` +
        `(merging and indexing 100,000 records on the page) ${longestOverall.toFixed(0)} ms`,
    );
    expect(report.total).toMatch(/^共 100,000 列：已匯入 100,000、需要放置 0、未匯入 0$/);
    await tab.closeReport();
    expect(await tab.app.resultCount()).toBe(ALL_RESOURCES + 100_000);
  }, 240_000);
});
