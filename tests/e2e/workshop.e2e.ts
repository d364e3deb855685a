import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildGazetteer } from '../../src/domain/geo/gazetteer.ts';
import { type FetchedFile, loadDataset } from '../../src/domain/loading/load-dataset.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { parseManifest } from '../../src/domain/model/manifest.ts';
import type { OpenOptions } from './driver.ts';
import { PROJECTOR_VIEWPORTS, WorkshopBrowser, type WorkshopTab } from './driver-workshop.ts';

const repo = (path: string) => new URL(`../../${path}`, import.meta.url);
const ALL_RESOURCES = 111;
const CATEGORY_LABELS = [
  '社會福利服務中心',
  '友善商店',
  '社區發展協會',
  '社區照顧關懷據點',
  '課後照顧據點',
  '心理衛生',
  '鄉鎮市公所',
];

/** The default data, loaded in Node through the same chain, for counts the test computes itself. */
function defaultData() {
  const manifest = parseManifest(JSON.parse(readFileSync(repo('data/manifest.json'), 'utf8')));
  const gazetteerText = readFileSync(repo(`data/${manifest.gazetteer}`), 'utf8');
  const files: FetchedFile[] = manifest.files.map((f) => ({
    path: f.path,
    bytes: new Uint8Array(readFileSync(repo(`data/${f.path}`))),
  }));
  return {
    manifest,
    gazetteer: buildGazetteer(parseDelimitedText(gazetteerText).rows),
    ...loadDataset(manifest, gazetteerText, files),
  };
}

/** Adds a 設立年度 column to the sample community associations: 22 by 2020, 32 by 2021, 35 by 2022, 37 by 2023, 4 unknown. */
function withStartYears(csv: string): string {
  const lines = csv.replace(/\r?\n$/, '').split(/\r?\n/);
  const years = [
    ...Array(22).fill('2020'),
    ...Array(10).fill('110'),
    ...Array(3).fill('2022'),
    ...Array(2).fill('2023'),
  ];
  return `${lines
    .map((line, i) => (i === 0 ? `${line},設立年度` : `${line},${years[i - 1] ?? ''}`))
    .join('\r\n')}\r\n`;
}

let browser: WorkshopBrowser;
let tabs: WorkshopTab[] = [];

beforeAll(async () => {
  browser = await WorkshopBrowser.start(inject('appUrl'));
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  const open = tabs;
  tabs = [];
  const errors = open.flatMap((tab) => tab.app.pageErrors());
  await Promise.all(open.map((tab) => tab.closeProfile().catch(() => undefined)));
  expect(errors, 'uncaught errors or console errors in the page').toEqual([]);
});

async function open(options: OpenOptions = {}): Promise<WorkshopTab> {
  const tab = await browser.open(options);
  tabs.push(tab);
  return tab;
}

describe.each(PROJECTOR_VIEWPORTS)('projector at $width×$height', (viewport) => {
  const size = `${viewport.width}x${viewport.height}`;

  it('presentation mode: full window, large high-contrast legend with every category and its count, editing chrome hidden', async () => {
    const tab = await open({ viewport });
    await tab.enterPresentation();
    expect(await tab.isPresenting()).toBe(true);
    expect(tab.app.currentUrl().searchParams.get('present')).toBe('1');
    expect(await tab.editingChromeHidden()).toBe(true);

    const legend = await tab.legendEntries();
    expect(legend.map((e) => e.label)).toEqual(CATEGORY_LABELS);
    expect(legend.map((e) => e.count)).toEqual([7, 46, 41, 6, 5, 1, 5]);
    expect(await tab.legendTotal()).toBe(ALL_RESOURCES);

    const sizes = await tab.textSizes();
    // ≥ 24 px at 1920×1080; at 1280×720 the same share of the screen (≥ 18 px), still readable.
    const minimum = viewport.width >= 1920 ? 24 : 18;
    expect(sizes.body).toBeGreaterThanOrEqual(minimum);
    expect(sizes.legendLabel).toBeGreaterThanOrEqual(minimum);
    expect(sizes.legendCount).toBeGreaterThan(sizes.legendLabel);
    expect(sizes.legendContrast).toBeGreaterThanOrEqual(7);
    await tab.screenshot(`projector-${size}`);
    expect(await tab.app.accessibilityViolations()).toEqual([]);
  });

  it('keyboard: categories toggle with number keys, N steps to the next township, ? lists the shortcuts', async () => {
    const tab = await open({ viewport, search: '?present=1' });
    expect(await tab.isPresenting()).toBe(true);
    await tab.pressKey('2');
    await expect.poll(async () => (await tab.legendEntries())[1]?.hidden).toBe(true);
    await expect.poll(() => tab.legendTotal()).toBe(ALL_RESOURCES - 46);
    await tab.pressKey('0');
    await expect.poll(() => tab.legendTotal()).toBe(ALL_RESOURCES);

    await tab.pressKey('n');
    await expect.poll(() => tab.legendArea()).toBe('嘉義縣 番路鄉');
    await tab.pressKey('n');
    await expect.poll(() => tab.legendArea()).toBe('嘉義縣 梅山鄉');
    await tab.pressKey('b');
    await expect.poll(() => tab.legendArea()).toBe('嘉義縣 番路鄉');
    const zoomBefore = Number(tab.app.currentUrl().searchParams.get('at')?.split(',')[2]);
    await tab.pressKey('+');
    await expect
      .poll(() => Number(tab.app.currentUrl().searchParams.get('at')?.split(',')[2]))
      .toBe(zoomBefore + 1);
    await tab.screenshot(`projector-township-${size}`);
    // The presenter's pointer is big, and the marker it points at grows for the room to see.
    const pointer = await tab.pointerTarget();
    expect(pointer.largeCursor).toBe(true);
    expect(pointer.markerScale).toBeGreaterThanOrEqual(2);

    const shortcuts = await tab.helpShortcuts();
    expect(shortcuts.join('\n')).toMatch(/N \/ PageDown 下一個鄉鎮市區/);
    expect(shortcuts.join('\n')).toMatch(/1 … 9 顯示／隱藏第 1～9 個類別/);
    await tab.screenshot(`projector-help-${size}`);
    await tab.pressKey('Escape');
    await tab.pressKey('Escape');
    expect(await tab.isPresenting()).toBe(false);
  });

  it('the QR code on screen decodes back to the current view’s URL (without presentation mode)', async () => {
    const tab = await open({
      viewport,
      search: '?county=嘉義縣&town=民雄鄉&hide=friendly-shop&at=23.55000,120.44000,13',
    });
    await tab.enterPresentation();
    await tab.showQrCode();
    // The address bar follows the map once it is still (presentation mode resizes it).
    await tab.app.waitForMapToRest();
    const decoded = await tab.decodeQrFromScreenshot();
    const expected = new URL(tab.app.currentUrl().href);
    expected.searchParams.delete('present');
    expect(decoded).toBe(expected.href);
    const view = new URL(decoded ?? '').searchParams;
    expect([view.get('county'), view.get('town'), view.get('hide')]).toEqual([
      '嘉義縣',
      '民雄鄉',
      'friendly-shop',
    ]);
    // The projector layout resizes the map around its centre: the view stays put, give or take a few metres.
    const [lat = 0, lng = 0, zoom] = (view.get('at') ?? '').split(',').map(Number);
    expect([Math.abs(lat - 23.55) < 0.001, Math.abs(lng - 120.44) < 0.001, zoom]).toEqual([true, true, 13]);
    expect(await tab.qrLinkText()).toContain('town=民雄鄉');
    const qr = await tab.qrSize();
    expect(qr.height).toBeGreaterThanOrEqual(viewport.height * 0.5);
    await tab.screenshot(`projector-qr-${size}`);
  });
});

describe('live co-mapping', () => {
  it('adds a resource by clicking the map; it survives a reload and is found again', async () => {
    const tab = await open({ search: '?at=23.55600,120.44000,13' });
    await tab.startCoMapping();
    await tab.setFacilitator('王小明');
    await tab.clickMap(40, 40);
    // The address starts with the township clicked in (once the township centroids have arrived).
    await expect.poll(async () => (await tab.formValues()).address).toBe('嘉義縣民雄鄉');
    await tab.fillForm({
      name: '阿美早餐店（工作坊）',
      category: '友善商店',
      services: ['餐食提供'],
      phone: '05-2201234',
      note: '早上六點開門',
    });
    await tab.saveForm();
    expect(await tab.app.resultCount()).toBe(ALL_RESOURCES + 1);
    expect(await tab.workshopChanges()).toEqual(['新增 阿美早餐店（工作坊）']);
    expect((await tab.app.detail())?.name).toBe('阿美早餐店（工作坊）');
    await expect
      .poll(async () =>
        (await tab.detailBadges()).some((b) => /工作坊新增（\d{4}-\d{2}-\d{2}） · 記錄者 王小明/.test(b)),
      )
      .toBe(true);
    await tab.waitUntilSaved();

    await tab.reload();
    expect(await tab.app.resultCount()).toBe(ALL_RESOURCES + 1);
    await tab.openWorkshopRecord('阿美早餐店（工作坊）');
    expect((await tab.app.detail())?.name).toBe('阿美早餐店（工作坊）');
    await tab.app.search('阿美早餐店');
    expect(await tab.app.visibleListNames()).toEqual(['阿美早餐店（工作坊）']);
    await expect
      .poll(async () =>
        (await tab.app.mapMarkers()).singleMarkers.some((m) => m.startsWith('阿美早餐店（工作坊）')),
      )
      .toBe(true);
  });

  it('closing the tab mid-edit and opening it again shows the same state, half-typed form included', async () => {
    const first = await open({ search: '?at=23.55600,120.44000,13' });
    await first.startCoMapping();
    await first.addResourceByClicking({ name: '第一筆', category: '社區照顧關懷據點' }, -60, 0);
    await first.clickMap(60, 30);
    await first.fillForm({ name: '打到一半的據點', phone: '05-22' });
    const second = await first.closeAndReopen('?at=23.55600,120.44000,13');
    expect(await second.app.resultCount()).toBe(ALL_RESOURCES + 1);
    await second.waitForForm();
    expect(await second.formValues()).toMatchObject({
      name: '打到一半的據點',
      phone: '05-22',
      category: '社區照顧關懷據點',
    });
    await second.saveForm();
    expect(await second.workshopChanges()).toEqual(['新增 第一筆', '新增 打到一半的據點']);
    await second.undo();
    expect(await second.app.resultCount()).toBe(ALL_RESOURCES + 1);
    await second.redo();
    expect(await second.app.resultCount()).toBe(ALL_RESOURCES + 2);
    await second.waitUntilSaved();
    const third = await second.closeAndReopen();
    expect(await third.workshopChanges()).toEqual(['新增 第一筆', '新增 打到一半的據點']);
    // Undo takes back this tab's own changes (as the shared map's does): a new tab starts with none of its own.
    await third.startCoMapping();
    expect(await third.canUndo()).toBe(false);
  });

  it('a second tab of the same browser sees additions, edits and deletions as they are made, and both keep them', async () => {
    const first = await open({ search: '?at=23.55600,120.44000,13' });
    await first.startCoMapping();
    await first.setFacilitator('王小明');
    const second = await first.openAnotherTab('?at=23.55600,120.44000,13');
    tabs.push(second);
    await second.startCoMapping();
    await first.addResourceByClicking({ name: '第一個分頁加的', category: '友善商店' }, -60, 0);
    await expect.poll(() => second.workshopChanges()).toEqual(['新增 第一個分頁加的']);
    expect(await second.app.resultCount()).toBe(ALL_RESOURCES + 1);
    await second.app.search('日安 朴子');
    await second.app.clickListItem('嘉義縣日安社會福利服務中心（朴子）');
    await second.deleteSelected();
    await second.app.search('');
    await expect
      .poll(() => first.workshopChanges())
      .toEqual(['新增 第一個分頁加的', '刪除 嘉義縣日安社會福利服務中心（朴子）']);
    expect(await first.app.resultCount()).toBe(ALL_RESOURCES);
    // Each tab undoes its own change only: the first tab's undo takes back its addition, not the deletion.
    await first.undo();
    await expect.poll(() => second.workshopChanges()).toEqual(['刪除 嘉義縣日安社會福利服務中心（朴子）']);
    await first.redo();
    await first.waitUntilSaved();
    await second.waitUntilSaved();
    await first.screenshot('workshop-two-tabs-first');
    await second.reload();
    expect(await second.workshopChanges()).toEqual([
      '新增 第一個分頁加的',
      '刪除 嘉義縣日安社會福利服務中心（朴子）',
    ]);
    expect(await second.app.resultCount()).toBe(ALL_RESOURCES);
  });

  it('a workshop an earlier version kept (crm-workshop, version 1) opens in the new document, once', async () => {
    const snapshot: unknown = JSON.parse(
      readFileSync(repo('tests/fixtures/workshop/crm-workshop-snapshot-v1.json'), 'utf8'),
    );
    const tab = await browser.openWithOldWorkshopStore(snapshot, { search: '?at=23.55600,120.44000,11' });
    tabs.push(tab);
    // Two additions, 布袋 deleted; the half-typed form and the facilitator come back too.
    expect(await tab.app.resultCount()).toBe(ALL_RESOURCES + 1);
    await tab.waitForForm();
    expect((await tab.formValues()).name).toBe('打到一半的');
    expect(await tab.workshopChanges()).toEqual([
      '新增 阿美早餐店',
      '新增 朴子長青食堂',
      '修改 嘉義縣日安社會福利服務中心（民雄）',
      '修改 嘉義縣日安社會福利服務中心（朴子）',
      '刪除 嘉義縣日安社會福利服務中心（布袋）',
    ]);
    await tab.waitUntilSaved();
    await tab.screenshot('workshop-migrated-from-crm-workshop');
    const again = await tab.closeAndReopen('?at=23.55600,120.44000,11');
    expect(await again.workshopSummary()).toBe('本次工作坊：新增 2 筆、修改 2 筆、刪除 1 筆');
    expect(await again.app.resultCount()).toBe(ALL_RESOURCES + 1);
  });

  it('edits and deletes source records as workshop changes, exports them apart from the source data, and re-imports them', async () => {
    const tab = await open({ search: '?at=23.55600,120.44000,13' });
    await tab.startCoMapping();
    await tab.setFacilitator('林社工');
    await tab.addResourceByClicking({
      name: '新港愛心便當',
      category: '友善商店',
      services: ['餐食提供', '兒少安全等候'],
      startYear: '2024',
    });
    await tab.app.search('日安 民雄');
    await tab.app.clickListItem('嘉義縣日安社會福利服務中心（民雄）');
    await tab.editSelected({ note: '工作坊確認：週六也開放' });
    await tab.app.search('日安 朴子');
    await tab.app.clickListItem('嘉義縣日安社會福利服務中心（朴子）');
    await tab.deleteSelected();
    await tab.app.search('');
    expect(await tab.app.resultCount()).toBe(ALL_RESOURCES); // +1 added, −1 deleted
    expect(await tab.workshopSummary()).toBe('本次工作坊：新增 1 筆、修改 1 筆、刪除 1 筆');

    const csv = await tab.exportWorkshop('CSV');
    expect(csv.fileName).toMatch(/^工作坊資料-\d{4}-\d{2}-\d{2}\.csv$/);
    const table = parseDelimitedText(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''));
    const column = (name: string) => table.headers.indexOf(name);
    expect(
      table.rows.map((r) => [r[column('工作坊異動')], r[column('名稱')], r[column('工作坊記錄者')]]),
    ).toEqual([
      ['新增', '新港愛心便當', '林社工'],
      ['修改', '嘉義縣日安社會福利服務中心（民雄）', '林社工'],
      ['刪除', '嘉義縣日安社會福利服務中心（朴子）', ''],
    ]);
    const geojson = JSON.parse((await tab.exportWorkshop('GeoJSON')).bytes.toString('utf8')) as {
      features: unknown[];
    };
    expect(geojson.features).toHaveLength(3);

    // Another computer (a fresh browser profile) re-imports the file through the workshop's import.
    const other = await open({ search: '?at=23.55600,120.44000,13' });
    expect(await other.app.resultCount()).toBe(ALL_RESOURCES);
    await other.startCoMapping();
    const status = await other.importWorkshopFile(csv.path);
    expect(status).toContain('已匯入 3 筆；0 列無法匯入。');
    expect(await other.workshopChanges()).toEqual([
      '新增 新港愛心便當',
      '修改 嘉義縣日安社會福利服務中心（民雄）',
      '刪除 嘉義縣日安社會福利服務中心（朴子）',
    ]);
    expect(await other.app.resultCount()).toBe(ALL_RESOURCES);
    await other.openWorkshopRecord('新港愛心便當');
    await expect
      .poll(async () => (await other.detailBadges()).some((b) => b.includes('記錄者 林社工')))
      .toBe(true);
    // The office's own import (issue 4) reads the file too: the addition arrives as an imported record; the
    // edited and deleted rows share ids with the source data and are offered as possible duplicates.
    const office = await open();
    expect(await office.importThroughOffice(csv.path)).toBe('共 3 列：已匯入 3、需要放置 0、未匯入 0');
    await office.app.search('新港愛心便當');
    expect(await office.app.visibleListNames()).toEqual(['新港愛心便當']);
    // And the same file through GeoJSON.
    const third = await open();
    await third.startCoMapping();
    const geoPath = csv.path.replace(/\.csv$/, '.geojson');
    writeFileSync(geoPath, JSON.stringify(geojson));
    expect(await third.importWorkshopFile(geoPath)).toContain('已匯入 3 筆');
    expect(await third.workshopSummary()).toBe('本次工作坊：新增 1 筆、修改 1 筆、刪除 1 筆');
  });
});

describe('resource inventory and coverage', () => {
  it('the township × category table counts what the data holds, marks gaps, sorts and downloads', async () => {
    const data = defaultData();
    const tab = await open({ search: '?county=嘉義縣' });
    await tab.openInventory();
    // Every township is listed once the township centroids (fetched on demand) have arrived.
    const townshipCount = data.gazetteer.townships.filter((t) => t.county === '嘉義縣').length;
    await expect.poll(async () => (await tab.inventoryTable()).rows.size).toBe(townshipCount);
    const table = await tab.inventoryTable();
    const chiayi = data.resources.filter((r) => r.county === '嘉義縣');
    const townships = data.gazetteer.townships.filter((t) => t.county === '嘉義縣');
    expect(table.rows.size).toBe(townships.length);
    for (const t of townships) {
      const counts = table.rows.get(`嘉義縣 ${t.town}`);
      for (const category of data.manifest.categories) {
        const expected = chiayi.filter((r) => r.town === t.town && r.category === category.id).length;
        expect(counts?.[category.label.zh], `${t.town} ${category.label.zh}`).toBe(expected);
      }
      expect(counts?.合計).toBe(chiayi.filter((r) => r.town === t.town).length);
    }
    const sum = [...table.rows.values()].reduce((n, row) => n + (row.合計 ?? 0), 0);
    expect(sum).toBe(await tab.app.resultCount());
    expect(table.gaps).toContain('嘉義縣 大埔鄉|社會福利服務中心');
    expect(table.gaps).not.toContain('嘉義縣 民雄鄉|社會福利服務中心');

    await tab.sortInventoryBy('友善商店');
    const order = await tab.inventoryRowOrder();
    const shops = (head: string) => table.rows.get(head)?.友善商店 ?? 0;
    expect(order.map(shops)).toEqual([...order.map(shops)].sort((a, b) => b - a));

    const csv = await tab.downloadInventoryCsv();
    const parsed = parseDelimitedText(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(parsed.headers).toEqual(['縣市', '鄉鎮市區', ...CATEGORY_LABELS, '合計']);
    expect(parsed.rows.at(-1)?.at(-1)).toBe(String(chiayi.length));
    await tab.screenshot('inventory-1920x1080');
  });

  it('coverage lists the expected uncovered townships for a fixture, and village points when supplied', async () => {
    const fixture = readFileSync(repo('tests/fixtures/coverage-welfare-centers.csv'), 'utf8');
    const tab = await open({
      search: '?county=嘉義縣',
      editedDataFiles: { 'chiayi-welfare-centers.csv': () => fixture },
    });
    await tab.openInventory();
    await tab.chooseAnalysisTab('涵蓋範圍與缺口');
    await tab.setCoverage('社會福利服務中心', '10 公里');
    const expected = ['大埔鄉', '阿里山鄉', '水上鄉', '義竹鄉', '中埔鄉', '布袋鎮', '番路鄉'];
    await expect.poll(() => tab.uncoveredPlaces()).toEqual(expected.map((t) => `嘉義縣 ${t}`));
    expect(await tab.coverageSummary()).toContain('18 個鄉鎮市區中，有 11 個');
    expect(await tab.coverageSummary()).toContain('61%');
    expect((await tab.uncoveredMapLabels()).sort()).toEqual([...expected].sort());
    await tab.screenshot('coverage-1920x1080');

    await tab.loadVillageFile(repo('tests/fixtures/coverage-villages.csv').pathname);
    await expect.poll(() => tab.uncoveredPlaces()).toEqual(['嘉義縣 大埔鄉 大埔村', '嘉義縣 番路鄉 公田村']);
    expect(await tab.coverageSummary()).toContain('4 個村里中，有 2 個');
  });

  it('coverage shows the villages of the county in view with no upload, each gap with its nearest resource', async () => {
    const tab = await open({ search: '?county=嘉義縣' });
    await tab.openInventory();
    await tab.chooseAnalysisTab('涵蓋範圍與缺口');
    await tab.setCoverage('社會福利服務中心', '5 公里');
    expect(tab.app.dataFolderRequests()).not.toContain('GET tw-village-centroids.csv');
    await tab.coverPlaces('村里中心點（內政部村里界，免上傳）');
    // The six 日安 centres of the default data, at their township centroids, reach 132 of 嘉義縣's 357 villages
    // (hand-checked in tests/unit/village-coverage.test.ts).
    await expect.poll(() => tab.coverageSummary()).toContain('357 個村里中，有 132 個');
    expect(tab.app.dataFolderRequests().filter((r) => r.endsWith('tw-village-centroids.csv'))).toEqual([
      'GET tw-village-centroids.csv',
    ]);
    const gaps = await tab.uncoveredGaps();
    expect(gaps).toHaveLength(225);
    expect(gaps[0]).toEqual({
      place: '嘉義縣 阿里山鄉 中山村',
      nearest: '最近 27 公里：嘉義縣日安社會福利服務中心（竹崎）',
    });
    expect(gaps).toContainEqual({
      place: '嘉義縣 番路鄉 民和村',
      nearest: '最近 5.1 公里：嘉義縣日安社會福利服務中心（竹崎）',
    });
    // A cross on every gap; 225 names would cover one another, so they wait for a closer zoom.
    expect(await tab.uncoveredMapCrosses()).toBe(225);
    expect(await tab.uncoveredMapLabels()).toEqual([]);
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.screenshot('coverage-villages-1920x1080');
    await tab.showUncoveredList();
    await tab.screenshot('coverage-village-gaps-1920x1080');

    const csv = await tab.downloadCoverageCsv();
    expect(csv.fileName).toMatch(/^涵蓋缺口-村里-社會福利服務中心-5_公里-\d{4}-\d{2}-\d{2}\.csv$/);
    const table = parseDelimitedText(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(table.headers).toEqual(['縣市', '鄉鎮市區', '村里', '最近的資源', '最近距離（公尺）']);
    expect(table.rows).toHaveLength(225);
    expect(table.rows).toContainEqual([
      '嘉義縣',
      '大埔鄉',
      '大埔村',
      '嘉義縣日安社會福利服務中心（中埔）',
      '14239',
    ]);
    // Nothing but the basemap's tiles (blocked here) was asked of another origin: the villages came from data/.
    const outside = tab.app.outsideRequests().filter((url) => !url.startsWith('https://wmts.nlsc.gov.tw/'));
    expect(outside).toEqual([]);
  });

  it('the year slider shows the map and counts as of a year (22 → 37 points, 2020 → 2023)', async () => {
    const tab = await open({ editedDataFiles: { 'sample-community-resources.csv': withStartYears } });
    expect(await tab.yearRange()).toEqual({ min: 2020, max: 2023 });
    for (const [year, count] of [
      [2020, 22],
      [2021, 32],
      [2022, 35],
      [2023, 37],
    ] as const) {
      await tab.showAsOfYear(year);
      await expect.poll(() => tab.app.resultCount()).toBe(count);
      expect(tab.app.currentUrl().searchParams.get('year')).toBe(String(year));
    }
    await tab.enterPresentation();
    expect(await tab.legendTotal()).toBe(37);
    await tab.reload();
    expect(await tab.isPresenting()).toBe(true);
    expect(await tab.legendTotal()).toBe(37);
    await tab.pressKey('Escape');
    expect(await tab.app.resultCount()).toBe(37);
  });
});

describe('snapshot', () => {
  it('saves the map with title and legend as a PNG, without basemap tiles', async () => {
    const tab = await open({ search: '?county=嘉義縣' });
    await expect
      .poll(async () => (await tab.app.notes()).some((n) => n.includes('底圖目前無法載入')))
      .toBe(true);
    const png = await tab.saveSnapshot();
    expect(png.fileName).toMatch(/^共生資源地圖-嘉義縣-\d{4}-\d{2}-\d{2}\.png$/);
    expect(png.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    const width = png.bytes.readUInt32BE(16);
    const height = png.bytes.readUInt32BE(20);
    expect(width).toBeGreaterThan(1000);
    expect(height).toBeGreaterThan(600);
  });
});
