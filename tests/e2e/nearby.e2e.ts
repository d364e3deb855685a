import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, PHONE, type Resident, ResidentBrowser, type ResidentOptions } from './driver-nearby.ts';

const ALL_RESOURCES = 111;
const MINXIONG_CENTRE = '嘉義縣日安社會福利服務中心（民雄）';
const MINXIONG_TEL = 'tel:052207017,17';
/** A street in 民雄鄉, about 90 m from the township centre where the 民雄 centre's record is placed. */
const IN_MINXIONG = { latitude: 23.5432, longitude: 120.4449 };
/** Monday 5 January 2026, 15:00 in Taiwan. */
const MONDAY_3PM = '2026-01-05T15:00:00+08:00';

const dataText = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8');

/** Records offering meals (餐食提供) in the default data, counted from the files. */
const MEALS =
  [...dataText('sample-friendly-shops.geojson').matchAll(/"服務項目": "[^"]*餐食提供/g)].length +
  [...dataText('sample-community-resources.csv').matchAll(/^[^\n]*,[^,\n]*餐食提供[^,\n]*,/gm)].length;

/** The hours written in the default data, with how many records use each (read from the files themselves). */
function hoursInData(): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (hours: string) => counts.set(hours, (counts.get(hours) ?? 0) + 1);
  for (const match of dataText('sample-friendly-shops.geojson').matchAll(/"營業時間": "([^"]*)"/g))
    add(match[1] ?? '');
  for (const match of dataText('sample-community-resources.csv').matchAll(
    /,(?:"([^"]*)"|([^,"]*)),示範資料/g,
  ))
    add(match[1] ?? match[2] ?? '');
  return counts;
}

/** Whether each hours text is open on Monday at 15:00, worked out by hand (not by the app's library). */
const OPEN_MONDAY_3PM: Record<string, boolean> = {
  '24/7': true,
  'Mo-Su 07:00-21:00': true,
  'Mo-Fr 10:30-14:00,16:30-20:00': false,
  'Mo-Sa 06:00-13:00': false,
  'Tu-Su 11:00-20:00': false,
  'Mo-Fr 16:00-20:00': false,
  'Mo,We,Fr 09:00-12:00': false,
};

/** Every way a position could be written into a request: 23.5, 23.54, 23.543, 23.5432 … and URL-encoded. */
function positionFingerprints({ latitude, longitude }: { latitude: number; longitude: number }): string[] {
  return [2, 3, 4].flatMap((digits) => [latitude.toFixed(digits), longitude.toFixed(digits)]);
}

let browser: ResidentBrowser;
let opened: Resident[] = [];

beforeAll(async () => {
  browser = await ResidentBrowser.start(inject('appUrl'));
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  const residents = opened;
  opened = [];
  const errors = residents.flatMap((r) => r.app.pageErrors());
  await Promise.all(residents.map((r) => r.close()));
  expect(errors, 'uncaught errors or console errors in the page').toEqual([]);
});

async function open(options: ResidentOptions = {}): Promise<Resident> {
  const resident = await browser.open(options);
  opened.push(resident);
  return resident;
}

function expectAscending(distances: readonly number[]) {
  expect(distances.length).toBeGreaterThan(3);
  for (let i = 1; i < distances.length; i++)
    expect(distances[i]).toBeGreaterThanOrEqual(distances[i - 1] ?? 0);
}

describe('near me', () => {
  it('on a phone: the 民雄 centre comes first, distances ascend, and the position never leaves the device', async () => {
    const resident = await open({ viewport: PHONE, position: IN_MINXIONG });
    expect(await resident.app.accessibilityViolations()).toEqual([]);
    await resident.app.screenshot('nearby-phone-start');

    await resident.useMyLocation();

    await expect.poll(async () => (await resident.listedResults())[0]?.name).toBe(MINXIONG_CENTRE);
    const results = await resident.listedResults();
    // The 民雄 centre is placed at its township's centre: no metres, said honestly.
    expect(results[0]?.distanceText).toBe('同鄉鎮（位置為鄉鎮中心）');
    expectAscending(results.flatMap((r) => (r.distanceMetres === null ? [] : [r.distanceMetres])));
    expect(await resident.nearbySummary()).toContain('離「你的位置」由近到遠排列');
    expect(await resident.nearbySummary()).toContain(`最近的是 ${MINXIONG_CENTRE}`);
    expect(await resident.app.resultCount()).toBe(ALL_RESOURCES);
    expect(resident.app.currentUrl().searchParams.has('near')).toBe(false);
    expect(await resident.app.pageScrollWidth()).toBeLessThanOrEqual(PHONE.width);
    expect(await resident.app.accessibilityViolations()).toEqual([]);
    await resident.app.screenshot('nearby-phone-near-me');

    // Narrow to 1 km and open the nearest: still nothing about the position goes out.
    await resident.showScreen('找資源');
    await resident.chooseRadius(1);
    await resident.showScreen(/^清單/);
    await expect.poll(() => resident.app.resultCount()).toBeLessThan(ALL_RESOURCES);
    for (const r of await resident.listedResults()) expect(r.distanceMetres ?? 0).toBeLessThanOrEqual(1000);
    await resident.openResult(MINXIONG_CENTRE);
    await expect.poll(async () => (await resident.app.detail())?.name).toBe(MINXIONG_CENTRE);
    expect(await resident.detailField('距離')).toBe('同鄉鎮（位置為鄉鎮中心）');
    expect(await resident.app.accessibilityViolations()).toEqual([]);
    await resident.app.screenshot('nearby-phone-detail');

    const requests = resident.requests();
    expect(requests.some((r) => r.url.includes('/data/manifest.json'))).toBe(true);
    const leaks = requests.filter((r) =>
      positionFingerprints(IN_MINXIONG).some((f) => `${r.url} ${r.headers} ${r.body}`.includes(f)),
    );
    expect(leaks).toEqual([]);
    expect(resident.app.currentUrl().searchParams.has('near')).toBe(false);
    // Nor does the address bar (which a person might copy): the map view centred on them is left out.
    expect(resident.app.currentUrl().searchParams.has('at')).toBe(false);
  });

  it('on a computer: nearest first with distances, a radius that narrows the list, and the point on the map', async () => {
    const resident = await open({ viewport: DESKTOP, position: IN_MINXIONG });
    await resident.useMyLocation();
    await expect.poll(async () => (await resident.listedResults())[0]?.name).toBe(MINXIONG_CENTRE);
    expectAscending(
      (await resident.listedResults()).flatMap((r) => (r.distanceMetres === null ? [] : [r.distanceMetres])),
    );
    expect(await resident.locationMessage()).toBe('已依你的位置由近到遠排列。');

    await resident.chooseRadius(3);
    await expect.poll(() => resident.app.resultCount()).toBeLessThan(ALL_RESOURCES);
    const within = await resident.app.resultCount();
    expect(within).toBeGreaterThan(0);
    for (const r of await resident.listedResults()) expect(r.distanceMetres ?? 0).toBeLessThanOrEqual(3000);
    await resident.app.waitForMapToRest();
    expect(await resident.referenceOnMap()).toEqual({ point: 1, circles: 1 });
    expect(await resident.app.accessibilityViolations()).toEqual([]);
    await resident.app.screenshot('nearby-desktop-near-me');

    await resident.pressButton('清除位置');
    await expect.poll(() => resident.app.resultCount()).toBe(ALL_RESOURCES);
    expect(await resident.nearbySummary()).toBe('');
  });

  it('when the position is refused: says so, and a township from the lists (or typed) does the same job', async () => {
    const resident = await open({ viewport: PHONE, position: 'denied' });
    await resident.useMyLocation();
    await expect.poll(() => resident.locationMessage()).toContain('無法使用你的位置');
    expect(await resident.app.accessibilityViolations()).toEqual([]);
    await resident.app.screenshot('nearby-phone-denied');

    await resident.showScreen('找資源');
    await resident.chooseTownship('嘉義縣', '民雄鄉');
    await expect.poll(async () => (await resident.listedResults())[0]?.name).toBe(MINXIONG_CENTRE);
    expectAscending(
      (await resident.listedResults()).flatMap((r) => (r.distanceMetres === null ? [] : [r.distanceMetres])),
    );
    expect(await resident.nearbySummary()).toContain('嘉義縣民雄鄉（中心點）');
    // A chosen township is shareable, so it is in the link, and a reload comes back to it.
    expect(resident.app.currentUrl().searchParams.get('near')).toBe('嘉義縣民雄鄉');
    await resident.reload();
    await expect.poll(async () => (await resident.listedResults())[0]?.name).toBe(MINXIONG_CENTRE);

    await resident.showScreen('找資源');
    await resident.typeTownship('朴子');
    await expect.poll(() => resident.nearbySummary()).toContain('嘉義縣朴子市（中心點）');
    expect(resident.app.currentUrl().searchParams.get('near')).toBe('嘉義縣朴子市');
    expect(await resident.app.accessibilityViolations()).toEqual([]);
  });

  it('a point picked on the map becomes the centre, and goes in the link', async () => {
    const resident = await open({ viewport: DESKTOP, search: '?at=23.54266,120.44425,13' });
    await resident.openOtherWays();
    await resident.pressButton('以目前地圖中心搜尋');
    await expect.poll(() => resident.nearbySummary()).toContain('地圖上選的位置');
    await expect.poll(async () => (await resident.listedResults())[0]?.name).toBe(MINXIONG_CENTRE);
    expect(resident.app.currentUrl().searchParams.get('near')).toMatch(/^23\.54\d*,120\.44\d*$/);

    // Or: press "pick a point" and click the map. (The map's centre need not be the link's 23.54266 to the
    // digit, so the link is awaited to change from what it says now.)
    const mapCentre = resident.app.currentUrl().searchParams.get('near');
    await resident.pressButton('在地圖上點選位置');
    await resident.clickMap(0.25, 0.5);
    await expect.poll(() => resident.app.currentUrl().searchParams.get('near')).not.toBe(mapCentre);
    const [lat, lng] = (resident.app.currentUrl().searchParams.get('near') ?? '').split(',').map(Number);
    expect(lat).toBeCloseTo(23.54266, 1);
    expect(lng).toBeLessThan(120.44425); // left of the centre
    expect(await resident.referenceOnMap()).toEqual({ point: 1, circles: 0 });
  });
});

describe('open now, needs and hotlines', () => {
  it('with the clock at Monday 15:00, "open now" hides only what is closed; records without hours stay', async () => {
    const hours = hoursInData();
    const closed = [...hours].reduce(
      (n, [text, count]) => n + (text && OPEN_MONDAY_3PM[text] === false ? count : 0),
      0,
    );
    for (const text of hours.keys())
      if (text) expect(OPEN_MONDAY_3PM, `hours "${text}"`).toHaveProperty([text]);
    expect(closed).toBeGreaterThan(0);

    const resident = await open({ viewport: DESKTOP, now: MONDAY_3PM });
    await resident.app.search('示範友善');
    await expect
      .poll(async () => (await resident.listedResults()).map((r) => r.openState).sort())
      .toContain('closed');
    expect((await resident.listedResults()).map((r) => r.openState)).toContain('open');
    await resident.app.search('');

    await resident.setOpenNowOnly(true);
    await expect.poll(() => resident.app.resultCount()).toBe(ALL_RESOURCES - closed);
    expect(resident.app.currentUrl().searchParams.get('open')).toBe('1');
    const listed = await resident.app.allListedResources();
    expect(listed.map((r) => r.name)).toContain(MINXIONG_CENTRE); // no hours given: never hidden
    await resident.app.search('日安');
    await expect.poll(async () => (await resident.listedResults()).map((r) => r.openState)).toContain('none');
    expect((await resident.listedResults()).every((r) => r.openState !== 'closed')).toBe(true);
    expect(await resident.app.accessibilityViolations()).toEqual([]);
    await resident.app.screenshot('nearby-desktop-open-now');
  });

  it('"我需要餐食" keeps places that serve meals; "緊急求助" shows the hotlines', async () => {
    const resident = await open({ viewport: PHONE });
    await resident.showScreen('找資源');
    await resident.pressNeed('我需要餐食');
    // The phone shows the places that serve meals at once (no 看 N 筆結果 to press).
    await expect.poll(() => resident.app.resultCount()).toBe(MEALS);
    await resident.showScreen('找資源');
    expect(await resident.isNeedPressed('我需要餐食')).toBe(true);
    expect(resident.app.currentUrl().searchParams.get('svc')).toBe('meals');

    await resident.showScreen('找資源');
    await resident.pressNeed('緊急求助');
    expect(await resident.isNeedPressed('我需要餐食')).toBe(false);
    expect(await resident.hotlineLinks()).toEqual([
      'tel:110',
      'tel:119',
      'tel:113',
      'tel:1925',
      'tel:1957',
      'tel:1966',
    ]);
    expect(await resident.app.accessibilityViolations()).toEqual([]);
    await resident.app.screenshot('nearby-phone-hotlines');
  });
});

describe('phone, keyboard, language, sharing', () => {
  it('keyboard only: from the search box to calling the 民雄 centre, with focus always visible', async () => {
    const resident = await open({ viewport: DESKTOP });
    await resident.recordCalls();
    // From the top of the page, by Tab alone, to the search box.
    await resident.tabUntil((f) => f.tag === 'input' && f.name === '搜尋名稱、地址或服務');
    expect((await resident.focused())?.visibleFocus).toBe(true);
    await resident.typeText('民雄 日安');
    await expect.poll(() => resident.app.resultCount()).toBe(1);

    await resident.tabUntil((f) => f.tag === 'button' && f.name.includes(MINXIONG_CENTRE));
    expect((await resident.focused())?.visibleFocus).toBe(true);
    await resident.press('Enter');
    await expect.poll(async () => (await resident.focused())?.name).toBe(MINXIONG_CENTRE);

    await resident.tabUntil((f) => f.href.startsWith('tel:'), 20);
    expect((await resident.focused())?.visibleFocus).toBe(true);
    await resident.press('Enter');
    expect(await resident.callsPlaced()).toEqual([MINXIONG_TEL]);
  });

  it('switches to English: near-me, distances and badges in English, kept in the link and on reload', async () => {
    const resident = await open({ viewport: PHONE, position: IN_MINXIONG, now: MONDAY_3PM });
    await resident.switchToEnglish();
    expect(resident.app.currentUrl().searchParams.get('lang')).toBe('en');
    await resident.useMyLocation('Use my location');
    await expect
      .poll(async () => (await resident.listedResults())[0]?.distanceText)
      .toBe('Same township (position is the township centre)');
    expect(await resident.nearbySummary()).toContain('Nearest first from your location');
    const results = await resident.listedResults();
    expect(results.some((r) => / km away$/.test(r.distanceText))).toBe(true);
    expect(results[0]?.verified).toBe('Last verified: Mar 15, 2023 (over a year ago)');
    expect(await resident.app.accessibilityViolations()).toEqual([]);
    await resident.app.screenshot('nearby-phone-english');

    await resident.reload();
    await resident.useMyLocation('Use my location');
    await expect.poll(() => resident.nearbySummary()).toContain('Nearest first from your location');
  });

  it('shares a resource (copy link, LINE), offers directions and a correction report', async () => {
    const resident = await open({ viewport: DESKTOP, clipboard: true });
    await resident.app.search('民雄 日安');
    await resident.openResult(MINXIONG_CENTRE);
    await expect.poll(async () => (await resident.app.detail())?.name).toBe(MINXIONG_CENTRE);

    const links = await resident.detailLinks();
    const line = links.find((l) => l.text === '用 LINE 傳送');
    expect(line?.href).toMatch(/^https:\/\/line\.me\/R\/share\?text=/);
    expect(decodeURIComponent(line?.href.split('text=')[1] ?? '')).toContain('id=chiayi-wc-minxiong');
    expect(links.find((l) => l.text.includes('路線導航'))?.href).toMatch(
      /^https:\/\/www\.google\.com\/maps\/dir\//,
    );
    // A resident's fix is a report to the office, prefilled with the record and the proposed change.
    const report = await resident.reportCorrection('電話', '05-2207018');
    expect(report).toMatch(/^mailto:resource-map@example\.org\?subject=/);
    expect(decodeURIComponent(report)).toContain(`資料更正：${MINXIONG_CENTRE}`);
    expect(decodeURIComponent(report)).toContain('建議改為：05-2207018');
    expect(await resident.app.accessibilityViolations()).toEqual([]);
    await resident.app.screenshot('resident-correction-report');
    await resident.press('Escape');

    await resident.shareResource();
    await expect.poll(() => resident.resourceShareStatus()).toBe('已複製連結。');
    // The resource's own link: its id only, not the search that found it.
    const copied = new URL(await resident.clipboardText());
    expect([...copied.searchParams]).toEqual([['id', 'chiayi-wc-minxiong']]);

    await resident.shareView();
    await expect
      .poll(async () => new URL(await resident.clipboardText()).searchParams.get('q'))
      .toBe('民雄 日安');
    expect(new URL(await resident.clipboardText()).searchParams.get('id')).toBe('chiayi-wc-minxiong');
    expect(await resident.app.accessibilityViolations()).toEqual([]);
    await resident.app.screenshot('nearby-desktop-detail');
  });

  it('fits 360×640: 44 px targets, 16 px text, no sideways scrolling, on the list, find and map screens', async () => {
    const resident = await open({ viewport: PHONE, position: IN_MINXIONG, now: MONDAY_3PM });
    await resident.useMyLocation();
    await expect.poll(async () => (await resident.listedResults())[0]?.name).toBe(MINXIONG_CENTRE);
    expect(await resident.smallTouchTargets()).toEqual([]);
    expect(await resident.smallText()).toEqual([]);
    await resident.showScreen('找資源');
    expect(await resident.smallTouchTargets()).toEqual([]);
    expect(await resident.smallText()).toEqual([]);
    expect(await resident.app.accessibilityViolations()).toEqual([]);
    await resident.app.screenshot('nearby-phone-find');
    await resident.showScreen('地圖');
    expect(await resident.smallTouchTargets()).toEqual([]);
    expect(await resident.app.pageScrollWidth()).toBeLessThanOrEqual(PHONE.width);
    expect(await resident.app.accessibilityViolations()).toEqual([]);
    await resident.app.screenshot('nearby-phone-map');

    await resident.showScreen(/^清單/);
    await resident.openToolsMenu();
    expect(await resident.app.accessibilityViolations()).toEqual([]);
    expect(await resident.app.pageScrollWidth()).toBeLessThanOrEqual(PHONE.width);
    await resident.app.screenshot('nearby-phone-tools-menu');
  });
});

describe('offline', () => {
  it('a second visit works with no network: the shell and the data come from the saved copy', async () => {
    const resident = await open({
      viewport: PHONE,
      serviceWorkers: true,
      fakeTiles: true,
      search: '?at=23.54266,120.44425,13',
    });
    await resident.waitUntilReadyOffline();
    await expect.poll(() => resident.tilesLoaded()).toBeGreaterThan(0);
    // Tiles seen while the worker was in control are kept (the first page load came before it).
    await resident.reload();
    await expect.poll(() => resident.tilesLoaded()).toBeGreaterThan(0);

    await resident.setOffline(true);
    await resident.stopAnsweringTiles();
    await resident.reload();

    expect(await resident.controlledByServiceWorker()).toBe(true);
    expect(await resident.app.resultCount()).toBe(ALL_RESOURCES);
    await expect.poll(() => resident.app.notes()).toContainEqual(expect.stringContaining('目前離線'));
    await expect.poll(() => resident.tilesLoaded()).toBeGreaterThan(0); // seen tiles, from the worker's cache
    expect(await resident.app.accessibilityViolations()).toEqual([]);
    await resident.app.screenshot('nearby-phone-offline');
    await resident.setOffline(false);
  });
});
