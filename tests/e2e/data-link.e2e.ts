import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA_LINK_MAX_BYTES } from '../../src/domain/link/data-link.ts';
import {
  type LinkBrowser as Browser,
  LinkBrowser,
  type LinkHost,
  type LinkTab,
  startLinkHost,
} from './driver-data-link.ts';

const ALL_RESOURCES = 111;
/** The basemaps data/manifest.json names: the map asks them for tiles, and the fence refuses. */
const TILE_HOSTS = new Set(
  (
    JSON.parse(readFileSync(new URL('../../data/manifest.json', import.meta.url), 'utf8')) as {
      basemaps: { url: string }[];
    }
  ).basemaps.map((b) => new URL(b.url).hostname),
);
const REAL_NAME = '嘉義縣日安社會福利服務中心（民雄）';

/**
 * What an attacker publishes: the real centre's name with a mobile number, a request for ID and bank book, and a
 * newer 最後確認 date than the real record's.
 */
const FAKE_CSV = [
  'id,名稱,類別,地址,電話,說明,緯度,經度,最後確認日期',
  `fake-minxiong,${REAL_NAME},社會福利服務中心,嘉義縣民雄鄉江厝店29之4號,0912-345-678,請準備身分證與存摺帳號,23.5560,120.4320,2025-01-02`,
].join('\n');
/** Three times the limit: a download that goes on past the limit would send it all. */
const OVERSIZED = DATA_LINK_MAX_BYTES * 3;

describe('a ?data= link (real Chromium)', () => {
  let browser: Browser;
  let host: LinkHost;
  const link = (path: string, extra = '') => `?data=${encodeURIComponent(`${host.origin}${path}`)}${extra}`;

  beforeAll(async () => {
    browser = await LinkBrowser.start(inject('appUrl'));
    host = await startLinkHost({
      '/fake.csv': { body: new TextEncoder().encode(FAKE_CSV), contentType: 'text/csv; charset=utf-8' },
      // 60 MB of one CSV row after another, sent without a length: only counting the bytes can stop it.
      '/huge.csv': {
        body: new TextEncoder().encode(`名稱,地址\n${'某據點,嘉義縣民雄鄉某路1號\n'.repeat(OVERSIZED / 40)}`),
        contentType: 'text/csv',
        streamed: true,
      },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  /**
   * Nothing went off the machine but the basemap's tiles (which the fence blocks too): the link's file came from
   * the loopback host only. And the page threw nothing.
   */
  async function expectClean(tab: LinkTab) {
    const hosts = new Set(tab.app.outsideRequests().map((url) => new URL(url).hostname));
    expect([...hosts].filter((name) => !TILE_HOSTS.has(name))).toEqual([]);
    expect(tab.app.pageErrors()).toEqual([]);
    expect(await tab.app.cspViolations()).toEqual([]);
  }

  it('asks first, naming the host; declining keeps the official map only and takes data= out of the address', async () => {
    const before = host.requests().length;
    const tab = await browser.open(host, { search: link('/fake.csv', '&id=fake-minxiong') });
    const confirmation = await tab.readConfirmation();
    expect(confirmation).toMatchObject({
      title: '要載入連結中的資料嗎？',
      host: host.host,
      url: `${host.origin}/fake.csv`,
    });
    expect(confirmation?.text).toContain('這不是官方資料');
    // Nothing was fetched from the link's host while the question is open.
    expect(host.requests().length).toBe(before);
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.app.screenshot('data-link-confirm-zh-1280');

    await tab.answer(false);
    expect(await tab.app.resultCount()).toBe(ALL_RESOURCES);
    expect(await tab.banner()).toBeNull();
    expect(await tab.app.detail()).toBeNull();
    expect(tab.dataParameter()).toBeNull();
    expect(host.requests().length).toBe(before);
    await expectClean(tab);
    await tab.close();
  });

  it.each([
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ])(
    'accepted at $width×$height: a banner on every screen, 非官方 on the list entry and the detail that id= opens',
    async (viewport) => {
      const size = `${viewport.width}`;
      const tab = await browser.open(host, { search: link('/fake.csv', '&id=fake-minxiong'), viewport });
      expect((await tab.readConfirmation())?.host).toBe(host.host);
      await tab.answer(true);
      expect(await tab.waitForBanner()).toBe(`此地圖含有來自 ${host.host} 的非官方資料`);

      // id= opened the link's record, behind the banner, and the detail says where it came from.
      expect((await tab.app.detail())?.name).toBe(REAL_NAME);
      expect(await tab.detailLinkNote()).toBe(
        `這筆資料來自 ${host.host} 的連結，不是官方資料，內容未經查證。`,
      );
      expect(await tab.banner()).not.toBeNull();
      await tab.app.screenshot(`data-link-detail-zh-${size}`);
      expect(await tab.app.accessibilityViolations()).toEqual([]);

      // In the list, the link's record carries the badge; the real centre of the same name does not.
      await tab.closeDetail();
      expect(await tab.app.resultCount()).toBe(ALL_RESOURCES + 1);
      await tab.app.search('日安');
      const badges = await tab.listBadges(REAL_NAME);
      expect(badges).toHaveLength(2);
      expect(badges).toContainEqual([`非官方・${host.host}`]);
      expect(badges).toContainEqual([]);
      await tab.app.screenshot(`data-link-list-zh-${size}`);

      // The banner stays on every screen: a phone's three, and presentation mode.
      for (const screen of ['find', 'map', 'list'] as const) {
        await tab.showPhoneScreen(screen);
        expect(await tab.banner(), screen).toBe(`此地圖含有來自 ${host.host} 的非官方資料`);
      }
      await tab.showPhoneScreen('map');
      await tab.app.screenshot(`data-link-map-zh-${size}`);
      if (viewport.width > 900) {
        await tab.setPresentation(true);
        expect(await tab.banner()).toBe(`此地圖含有來自 ${host.host} 的非官方資料`);
        await tab.app.screenshot(`data-link-presentation-zh-${size}`);
        await tab.setPresentation(false);
      }

      // Taken off: the official map again, and no data= for a reload or a shared view to bring back.
      await tab.removeLinkData();
      expect(await tab.banner()).toBeNull();
      await tab.app.search('');
      expect(await tab.app.resultCount()).toBe(ALL_RESOURCES);
      expect(tab.dataParameter()).toBeNull();
      await expectClean(tab);
      await tab.close();
    },
    90_000,
  );

  it('on the map, the link’s record is marked (its look and its name), its cluster says so, the legend explains, and an export marks its row', async () => {
    // Opened on the link's record, close enough for every record to be a marker of its own.
    const tab = await browser.open(host, { search: link('/fake.csv', '&at=23.556,120.432,18') });
    await tab.answer(true);
    await tab.waitForBanner();
    const fakeName = `${REAL_NAME}（社會福利服務中心），非官方資料，來自 ${host.host}`;
    await expect.poll(() => tab.markerByName(fakeName), { timeout: 10_000 }).not.toBeNull();
    const fake = await tab.markerByName(fakeName);
    expect(fake).toMatchObject({ title: fakeName, cluster: false, linkClass: true, dashedRing: true });
    expect(await tab.linkLegend('非官方資料的標記')).toEqual([
      `虛線框加「!」的標記：來自 ${host.host} 的非官方資料，未經查證`,
      '12!虛線框加「!」的數字圈：其中含有非官方資料',
    ]);

    // A few streets out, the map's own records around it (markers and clusters) look and read as before.
    await tab.zoomOut(4);
    expect(await tab.markerByName(fakeName)).toMatchObject({ linkClass: true, dashedRing: true });
    const around = (await tab.mapMarkers()).filter((m) => m.name !== fakeName);
    expect(around.length).toBeGreaterThan(0);
    for (const m of around) {
      expect(m, m.name).toMatchObject({ linkClass: false, dashedRing: false, clusterMark: false });
      expect(m.name).not.toContain('非官方');
    }
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.app.screenshot('data-link-markers-zh-1280');

    // Farther out, the cluster that holds it says so; the others do not.
    await tab.zoomOut(5);
    const clusters = (await tab.mapMarkers()).filter((m) => m.cluster);
    const marked = clusters.filter((m) => m.linkClass);
    expect(marked).toHaveLength(1);
    expect(marked[0]?.name).toMatch(/^\d+ 個資源，其中 1 個是非官方資料，點擊放大$/);
    expect(marked[0]?.clusterMark).toBe(true);
    for (const m of clusters.filter((c) => !c.linkClass)) expect(m.name).toMatch(/^\d+ 個資源，點擊放大$/);
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.app.screenshot('data-link-cluster-zh-1280');

    // The PNG of the map for slides: saved beside the screenshots, to be looked at (its legend and footer).
    const png = await tab.saveSnapshot();
    expect(png.fileName).toMatch(/\.png$/);
    writeFileSync(new URL('./artifacts/data-link-snapshot-zh.png', import.meta.url), png.bytes);

    // The list exported from this page marks the link's row, and its name says what it holds.
    const { note, file } = await tab.exportList('CSV');
    expect(note).toBe(
      `清單中有 1 筆來自 ${host.host} 的非官方資料：匯出檔以「非官方來源」欄逐筆標示，檔名也會註明。`,
    );
    expect(file.fileName).toMatch(/^共生資源地圖_含非官方資料_.*\.csv$/);
    const lines = new TextDecoder().decode(file.bytes).split('\r\n');
    expect(lines[0]).toMatch(/^"非官方來源","識別碼","名稱"/);
    const markedRows = lines.filter((l) => l.startsWith(`"非官方連結：${host.host}"`));
    expect(markedRows).toHaveLength(1);
    expect(markedRows[0]).toContain('"fake-minxiong"');
    expect(lines.filter((l) => l.startsWith('"",')).length).toBe(ALL_RESOURCES);
    const geo = await tab.exportList('GeoJSON');
    const features = (
      JSON.parse(new TextDecoder().decode(geo.file.bytes)) as {
        features: { id: string; properties: Record<string, string> }[];
      }
    ).features;
    expect(
      features.filter((f) => f.properties.非官方來源 !== '').map((f) => [f.id, f.properties.非官方來源]),
    ).toEqual([['fake-minxiong', `非官方連結：${host.host}`]]);

    // Taken off: the marks go with the records.
    await tab.removeLinkData();
    expect(await tab.linkLegend('非官方資料的標記')).toBeNull();
    expect((await tab.mapMarkers()).some((m) => m.linkClass)).toBe(false);
    await expectClean(tab);
    await tab.close();
  }, 120_000);

  it('in English, the question and the banner say the same and pass axe', async () => {
    const tab = await browser.open(host, { search: link('/fake.csv', '&lang=en') });
    const confirmation = await tab.readConfirmation();
    expect(confirmation?.title).toBe('Load the data this link brings?');
    expect(confirmation?.text).toContain('This is not official data');
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.app.screenshot('data-link-confirm-en-1280');
    await tab.answer(true);
    expect(await tab.waitForBanner()).toBe(`This map includes unofficial data from ${host.host}`);
    expect(await tab.linkLegend('Unofficial data markers')).toEqual([
      `Dashed outline with “!”: unofficial data from ${host.host}, not checked`,
      '12!Dashed number bubble with “!”: includes unofficial data',
    ]);
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.app.screenshot('data-link-banner-en-1280');
    await expectClean(tab);
    await tab.close();
  });

  it('a host the manifest trusts loads without asking, and is marked all the same', async () => {
    const tab = await browser.open(host, {
      search: link('/fake.csv'),
      editedDataFiles: {
        'manifest.json': (text) => JSON.stringify({ ...JSON.parse(text), trustedDataHosts: [host.origin] }),
      },
    });
    expect(await tab.readConfirmation()).toBeNull();
    expect(await tab.waitForBanner()).toBe(`此地圖含有來自 ${host.host} 的非官方資料`);
    await tab.app.search('日安');
    const badges = await tab.listBadges(REAL_NAME);
    expect(badges).toHaveLength(2);
    expect(badges).toContainEqual([`非官方・${host.host}`]);
    expect(badges).toContainEqual([]);
    await expectClean(tab);
    await tab.close();
  });

  it('a file over the limit is refused with a message naming the limit, and its download stops', async () => {
    const tab = await browser.open(host, {
      search: link('/huge.csv'),
      viewport: { width: 390, height: 844 },
    });
    await tab.answer(true);
    expect(await tab.linkFailure()).toBe(
      `無法載入連結的資料（${host.host}）：檔案超過連結資料的上限 20 MB，未載入`,
    );
    await tab.app.screenshot('data-link-too-large-zh-390');
    // The limit and what the sockets and the browser buffer on the way (measured 21–32 MB), not the 60 MB.
    expect(host.bytesSent('/huge.csv')).toBeLessThan(DATA_LINK_MAX_BYTES * 2);
    expect(await tab.app.resultCount()).toBe(ALL_RESOURCES);
    expect(await tab.banner()).toBeNull();
    await expectClean(tab);
    await tab.close();
  });

  it('refuses anything but http(s) without asking, and opens no browser dialog', async () => {
    const tab = await browser.open(host, { search: '?data=javascript:alert(1)' });
    expect(await tab.linkFailure()).toContain('連結必須以 http:// 或 https:// 開頭');
    expect(await tab.readConfirmation()).toBeNull();
    expect(tab.app.dialogsOpened()).toEqual([]);
    await expectClean(tab);
    await tab.close();
  });
});
