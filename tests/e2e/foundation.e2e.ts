import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AppPage, BrowserSession, type OpenOptions } from './driver.ts';

// The default data in data/: every row of the four files loads.
const ALL_RESOURCES = 111;
const FRIENDLY_SHOPS = 46; // sample-friendly-shops.geojson
const CHIAYI_CENTRES_FILE = 'chiayi-welfare-centers.csv';
const CHIAYI_CENTRES = 7;
const MINXIONG = {
  id: 'chiayi-wc-minxiong',
  name: '嘉義縣日安社會福利服務中心（民雄）',
  tel: 'tel:052207017,17',
};
const FIRST_SHOP = {
  id: 'sample-shop-001',
  name: '示範友善便當店（番路鄉1）',
  lat: 23.441425,
  lng: 120.607716,
};

const manifest = JSON.parse(readFileSync(new URL('../../data/manifest.json', import.meta.url), 'utf8')) as {
  basemaps: { url: string }[];
  files: { path: string }[];
  gazetteer: string;
};
const TILE_HOSTS = new Set(manifest.basemaps.map((b) => new URL(b.url).hostname));

/** Appends CSV rows (CRLF, like the file) to sample-community-resources.csv's columns. */
const withCommunityRows =
  (...rows: { id: string; name: string; address?: string }[]) =>
  (csv: string) =>
    `${csv.replace(/\r?\n$/, '')}\r\n${rows
      .map(
        (r) =>
          `${r.id},${r.name},社區發展協會,關懷訪視,${r.address ?? '嘉義縣番路鄉'},,23.43,120.59,,e2e,2026-11-01`,
      )
      .join('\r\n')}\r\n`;

let browser: BrowserSession;
let opened: AppPage[] = [];

beforeAll(async () => {
  browser = await BrowserSession.start(inject('appUrl'));
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  const apps = opened;
  opened = [];
  const errors = apps.flatMap((app) => app.pageErrors());
  await Promise.all(apps.map((app) => app.close()));
  expect(errors, 'uncaught errors or console errors in the page').toEqual([]);
});

/** A map view (latitude, longitude, zoom) that holds Chiayi and Kinmen on a phone and on a desktop. */
const BOTH_COUNTIES = '?at=23.9,119.4,7';

async function openApp(options?: OpenOptions): Promise<AppPage> {
  const app = await browser.openApp(options);
  opened.push(app);
  return app;
}

/**
 * The load report lists a row per issue (there are fewer than the 200 it lists), as many as its counts by kind
 * add up to, each naming its file: the issues reach the page as text and are read when the report opens.
 */
async function expectReportRowsToMatchItsCounts(app: AppPage) {
  const { kinds, rows } = await app.loadReport();
  const counted = kinds.reduce((sum, kind) => sum + Number(kind.split('：').at(-1)), 0);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows).toHaveLength(counted);
  for (const row of rows) expect(row).toMatch(/\.(csv|geojson)/);
}

describe('foundation journeys (default data, built app)', () => {
  it('loads every resource of the default data, lists them all and warns that some are sample data', async () => {
    const app = await openApp();
    expect(await app.resultCount()).toBe(ALL_RESOURCES);
    expect(await app.listSize()).toBe(ALL_RESOURCES);
    expect((await app.notes()).some((note) => note.includes('示範資料'))).toBe(true);
    await expectReportRowsToMatchItsCounts(app);
  });

  it('shows its title before the JavaScript arrives, and the app then replaces that header', async () => {
    expect(await browser.headingBeforeScripts()).toBe('共生資源地圖');
    const app = await openApp();
    expect(await app.mainHeadings()).toEqual(['共生資源地圖']);
  });

  it('shows markers and a tiles-unavailable notice when the basemap cannot load', async () => {
    const app = await openApp();
    await expect
      .poll(async () => (await app.notes()).some((note) => note.includes('底圖目前無法載入')))
      .toBe(true);
    await expect.poll(async () => (await app.mapMarkers()).total).toBeGreaterThan(0);
  });

  // On a phone the list is a scrolling window of rows, so reading all of it scrolls the virtualised list.
  it.each([
    { screen: 'desktop', viewport: { width: 1440, height: 900 } },
    { screen: 'phone', viewport: { width: 360, height: 640 } },
  ])(
    'unticking 友善商店 removes its resources from the count, the map and the list ($screen)',
    async ({ viewport }) => {
      // A view over both counties: the first screen shows only the deployment's county (嘉義縣), and markers
      // outside the view are not drawn, so the count before and after would miss Kinmen's shops.
      const app = await openApp({ viewport, search: BOTH_COUNTIES });
      await expect.poll(async () => (await app.mapMarkers()).total).toBeGreaterThan(FRIENDLY_SHOPS);
      const markersBefore = (await app.mapMarkers()).total;
      expect(markersBefore).toBeLessThanOrEqual(ALL_RESOURCES);
      expect((await app.allListedResources()).filter((r) => r.category === '友善商店')).toHaveLength(
        FRIENDLY_SHOPS,
      );

      await app.setCategoryShown('友善商店', false);

      expect(await app.isCategoryShown('友善商店')).toBe(false);
      await expect.poll(() => app.resultCount()).toBe(ALL_RESOURCES - FRIENDLY_SHOPS);
      expect(await app.listSize()).toBe(ALL_RESOURCES - FRIENDLY_SHOPS);
      await expect.poll(async () => (await app.mapMarkers()).total).toBe(markersBefore - FRIENDLY_SHOPS);
      const listed = await app.allListedResources();
      expect(listed).toHaveLength(ALL_RESOURCES - FRIENDLY_SHOPS);
      expect(listed.filter((r) => r.category === '友善商店')).toEqual([]);
    },
  );

  it('finds 民雄, shows its phone as a tel: link, and a reload brings back the search, selection and map view', async () => {
    const app = await openApp();
    await app.search('民雄');
    await expect.poll(() => app.visibleListNames()).toContain(MINXIONG.name);

    await app.clickListItem(MINXIONG.name);
    await expect.poll(async () => (await app.detail())?.name).toBe(MINXIONG.name);
    expect((await app.detail())?.phoneLinks).toContain(MINXIONG.tel);

    await app.waitForMapToRest();
    const url = app.currentUrl();
    expect(url.searchParams.get('q')).toBe('民雄');
    expect(url.searchParams.get('id')).toBe(MINXIONG.id);
    const mapView = url.searchParams.get('at');
    expect(mapView).toMatch(/^-?\d+\.\d+,-?\d+\.\d+,\d+$/);
    const count = await app.resultCount();

    await app.reload();

    expect(await app.searchText()).toBe('民雄');
    expect(await app.resultCount()).toBe(count);
    await expect.poll(async () => (await app.detail())?.name).toBe(MINXIONG.name);
    await app.waitForMapToRest();
    // The same view: the same zoom, and the same centre within a pixel (a box laid out around the map while it
    // starts may move it by less than one).
    const [lat, lng, zoom] = (app.currentUrl().searchParams.get('at') ?? '').split(',').map(Number);
    const [lat0, lng0, zoom0] = (mapView ?? '').split(',').map(Number);
    expect(zoom).toBe(zoom0);
    const pixel = 360 / (256 * 2 ** (zoom0 ?? 0));
    expect(Math.abs((lat ?? 0) - (lat0 ?? 0))).toBeLessThanOrEqual(pixel);
    expect(Math.abs((lng ?? 0) - (lng0 ?? 0))).toBeLessThanOrEqual(pixel);
    expect(app.currentUrl().searchParams.get('id')).toBe(MINXIONG.id);
  });

  it('opens the detail of a resource when its marker is clicked', async () => {
    const app = await openApp({ search: `?at=${FIRST_SHOP.lat},${FIRST_SHOP.lng},18` });
    await expect.poll(async () => (await app.mapMarkers()).singleMarkers.length).toBeGreaterThan(0);

    await app.clickMarker(FIRST_SHOP.name);

    await expect.poll(async () => (await app.detail())?.name).toBe(FIRST_SHOP.name);
    expect(app.currentUrl().searchParams.get('id')).toBe(FIRST_SHOP.id);
  });

  it('brings the map to the county a person chooses', async () => {
    const app = await openApp();
    await app.chooseArea('金門縣');
    await app.waitForMapToRest();
    const at = app.currentUrl().searchParams.get('at')?.split(',').map(Number) ?? [];
    // Kinmen lies around 24.45°N 118.35°E, far west of Chiayi (23.5°N 120.4°E).
    expect(at[0]).toBeCloseTo(24.45, 0);
    expect(at[1]).toBeCloseTo(118.35, 0);
    expect(at[2]).toBeGreaterThanOrEqual(10);
  });

  it('treats full-width and half-width digits alike', async () => {
    const app = await openApp();
    await app.search('29之4號');
    await expect.poll(() => app.visibleListNames()).toEqual([MINXIONG.name]);
    await app.search('２９之４號');
    await expect.poll(() => app.visibleListNames()).toEqual([MINXIONG.name]);

    await app.search('第1社區');
    await expect.poll(() => app.resultCount()).toBeLessThan(ALL_RESOURCES);
    const halfWidth = await app.resultCount();
    expect(halfWidth).toBeGreaterThan(0);
    await app.search('第１社區');
    await expect.poll(() => app.resultCount()).toBe(halfWidth);
  });

  it('waits for an input method to commit (注音 ㄇㄧㄣˊ is not searched; 民 is)', async () => {
    const app = await openApp();
    const typing = await app.composeInSearch('ㄇㄧㄣˊ');
    await expect.poll(() => app.searchText()).toBe('ㄇㄧㄣˊ');
    expect(await app.resultCount()).toBe(ALL_RESOURCES);
    expect(app.currentUrl().searchParams.get('q')).toBeNull();

    await typing.commit('民');

    await expect.poll(() => app.searchText()).toBe('民');
    await expect.poll(() => app.resultCount()).toBeLessThan(ALL_RESOURCES);
    expect(await app.visibleListNames()).toContain(MINXIONG.name);
    await expect.poll(() => app.currentUrl().searchParams.get('q')).toBe('民');
  });

  it('treats 台 and 臺 alike', async () => {
    // The default data has neither character in a name or address, so two rows are added for this journey.
    const app = await openApp({
      editedDataFiles: {
        'sample-community-resources.csv': withCommunityRows(
          { id: 'e2e-tai-simplified', name: '台灣示範甲社區發展協會' },
          { id: 'e2e-tai-traditional', name: '臺灣示範乙社區發展協會' },
        ),
      },
    });
    expect(await app.resultCount()).toBe(ALL_RESOURCES + 2);
    const both = ['台灣示範甲社區發展協會', '臺灣示範乙社區發展協會'];
    await app.search('台灣');
    await expect.poll(async () => (await app.visibleListNames()).sort()).toEqual(both);
    await app.search('臺灣');
    await expect.poll(async () => (await app.visibleListNames()).sort()).toEqual(both);
    await app.search('台');
    await expect.poll(() => app.resultCount()).toBe(both.length);
    await app.search('臺');
    await expect.poll(() => app.resultCount()).toBe(both.length);
  });

  it('sends no request off the machine except to the configured tile hosts', async () => {
    const app = await openApp();
    await app.search('民雄');
    await app.clickListItem(MINXIONG.name);
    await app.waitForMapToRest();

    const hosts = new Set(app.outsideRequests().map((url) => new URL(url).hostname));
    expect([...hosts].filter((host) => !TILE_HOSTS.has(host))).toEqual([]);
    // The fence must have seen the tiles, or it is not looking at the traffic at all.
    expect(hosts.size).toBeGreaterThan(0);
  });

  it('has no serious or critical accessibility violations, on the main view and with the detail open', async () => {
    const app = await openApp();
    expect(await app.accessibilityViolations()).toEqual([]);

    await app.search('民雄');
    await app.clickListItem(MINXIONG.name);
    await expect.poll(async () => (await app.detail())?.name).toBe(MINXIONG.name);
    await app.waitForMapToRest();
    await app.screenshot('foundation-detail-desktop');
    expect(await app.accessibilityViolations()).toEqual([]);
  });

  it('shows names from a data file as text, never as markup or script', async () => {
    const imgName = '<img src=x onerror=alert(1)>';
    const scriptName = '<script>window.__pwned=1</script>';
    const app = await openApp({
      editedDataFiles: {
        'sample-community-resources.csv': withCommunityRows(
          { id: 'e2e-xss-img', name: imgName },
          { id: 'e2e-xss-script', name: scriptName },
        ),
      },
    });
    expect(await app.resultCount()).toBe(ALL_RESOURCES + 2);

    await app.search('<');
    await expect
      .poll(async () => (await app.visibleListNames()).sort())
      .toEqual([imgName, scriptName].sort());
    await app.clickListItem(imgName);
    await expect.poll(async () => (await app.detail())?.name).toBe(imgName);
    await app.waitForMapToRest();

    expect(app.dialogsOpened()).toEqual([]);
    expect(await app.windowProperty('__pwned')).toBeUndefined();
  });

  it('downloads the data the build compiled, not the files, and reads the files when one changed', async () => {
    const app = await openApp();
    expect(await app.resultCount()).toBe(ALL_RESOURCES);
    const requests = app.dataFolderRequests();
    const gets = requests.filter((r) => r.startsWith('GET '));
    expect(gets[0]).toBe('GET manifest.json');
    expect(gets.slice(1).sort()).toEqual([
      expect.stringMatching(/^GET dataset-[0-9a-f]{12}\.pack$/),
      expect.stringMatching(/^GET dataset-[0-9a-f]{12}\.positions$/),
    ]);
    // The files are only asked for their size, to see that the pack is still theirs.
    expect(requests.filter((r) => r.startsWith('HEAD ')).sort()).toEqual(
      [...manifest.files.map((f) => f.path), manifest.gazetteer].map((p) => `HEAD ${p}`).sort(),
    );

    const edited = await openApp({
      editedDataFiles: {
        'sample-community-resources.csv': withCommunityRows({ id: 'e2e-new', name: '新據點' }),
      },
    });
    expect(await edited.resultCount()).toBe(ALL_RESOURCES + 1);
    expect(edited.dataFolderRequests()).toContain('GET sample-community-resources.csv');
  });

  it('names a data file that cannot be loaded and still loads the others', async () => {
    const app = await openApp({ missingDataFiles: [CHIAYI_CENTRES_FILE] });
    await expect.poll(() => app.alerts()).toEqual([expect.stringContaining(CHIAYI_CENTRES_FILE)]);
    expect(await app.resultCount()).toBe(ALL_RESOURCES - CHIAYI_CENTRES);
    expect(await app.listSize()).toBe(ALL_RESOURCES - CHIAYI_CENTRES);
    await expectReportRowsToMatchItsCounts(app);
  });

  it('fits a desktop and a 360 px phone screen without sideways scrolling', async () => {
    const desktop = await openApp({ viewport: { width: 1440, height: 900 } });
    await expect.poll(async () => (await desktop.mapMarkers()).total).toBeGreaterThan(0);
    await desktop.screenshot('foundation-desktop');

    const phone = await openApp({ viewport: { width: 360, height: 640 } });
    await expect.poll(async () => (await phone.mapMarkers()).total).toBeGreaterThan(0);
    await phone.screenshot('foundation-phone');
    await phone.screenshot('foundation-phone-full', { fullPage: true });
    expect(await phone.pageScrollWidth()).toBeLessThanOrEqual(360);
  });

  // Regression: the page once grew to the list's full height (about 10,000 px for 111 rows), defeating
  // virtualisation and stretching the map.
  it('keeps the desktop page to one screen, with the map and a virtualised list inside it', async () => {
    const desktop = await openApp({ viewport: { width: 1440, height: 900 } });
    const { pageHeight, windowHeight, renderedListRows } = await desktop.layout();
    expect(pageHeight).toBeLessThanOrEqual(windowHeight);
    expect(renderedListRows).toBeLessThan(ALL_RESOURCES);
  });
});
