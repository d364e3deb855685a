import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, PHONE, type Resident, ResidentBrowser, type ResidentOptions } from './driver-nearby.ts';

const MINXIONG_CENTRE = '嘉義縣日安社會福利服務中心（民雄）';
/** A street in 民雄鄉, about 90 m from the township centre where the 民雄 centre's record is placed. */
const IN_MINXIONG = { latitude: 23.5432, longitude: 120.4449 };
const MONDAY_3PM = '2026-01-05T15:00:00+08:00';
const HOTLINES = ['tel:110', 'tel:119', 'tel:113', 'tel:1925', 'tel:1957', 'tel:1966'];
/** A community kitchen near the street in 民雄 (the default data's meal places are samples without a phone). */
const KITCHEN = { name: '民雄社區共餐廚房', phone: '05-2261234 分機 5', tel: 'tel:052261234,5' };
const withKitchen = {
  'sample-community-resources.csv': (csv: string) =>
    `${csv.replace(/\r?\n$/, '')}\r\ne2e-kitchen,${KITCHEN.name},社區發展協會,餐食提供,嘉義縣民雄鄉中樂村中樂路1號,${KITCHEN.phone},23.5440,120.4460,Mo-Fr 11:00-13:00,e2e,2026-11-01\r\n`,
};

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

describe('a resident who needs a meal, on a 360×640 phone', () => {
  it('open the link → use my location → 找資源 → 我需要餐食 → call: four taps; the call button 44 px, on screen', async () => {
    const resident = await open({
      viewport: PHONE,
      position: IN_MINXIONG,
      now: MONDAY_3PM,
      editedDataFiles: withKitchen,
    });
    await resident.recordCalls();
    let taps = 0;
    const tap = async (action: () => Promise<void>) => {
      taps += 1;
      await action();
    };

    await tap(() => resident.useMyLocation());
    await expect.poll(async () => (await resident.listedResults())[0]?.name).toBe(MINXIONG_CENTRE);
    await tap(() => resident.showScreen('找資源'));
    await tap(() => resident.pressNeed('我需要餐食'));
    // The list of places that serve meals, nearest first, shows at once.
    await expect.poll(async () => (await resident.listedResults())[0]?.name).toBe(KITCHEN.name);
    const first = await resident.callButton({ result: 0 });
    expect(first?.href).toBe(KITCHEN.tel);
    expect(first).not.toBeNull();
    expect(first?.height).toBeGreaterThanOrEqual(44);
    expect(first?.bottom).toBeLessThanOrEqual(PHONE.height);
    expect(await resident.app.accessibilityViolations()).toEqual([]);
    await resident.app.screenshot('resident-meal-results-phone');
    await tap(() => resident.callResult(0));

    expect(await resident.callsPlaced()).toEqual([first?.href]);
    // Four taps from the link to a ringing phone (use my location, 找資源, 我需要餐食, 打電話).
    expect(taps).toBe(4);
  });

  it('the detail shows 打電話 and 路線 above the fold; Escape closes it and focus returns to the result', async () => {
    const resident = await open({ viewport: PHONE, position: IN_MINXIONG });
    await resident.useMyLocation();
    await expect.poll(async () => (await resident.listedResults())[0]?.name).toBe(MINXIONG_CENTRE);
    await resident.openResult(MINXIONG_CENTRE);
    await expect.poll(async () => (await resident.app.detail())?.name).toBe(MINXIONG_CENTRE);
    const call = await resident.callButton('detail');
    expect(call?.href).toBe('tel:052207017,17');
    expect(call?.height).toBeGreaterThanOrEqual(44);
    expect(call?.top).toBeGreaterThanOrEqual(0);
    expect(call?.bottom).toBeLessThanOrEqual(PHONE.height);
    expect(await resident.detailField('距離')).toBe('同鄉鎮（位置為鄉鎮中心）');
    expect(await resident.app.accessibilityViolations()).toEqual([]);
    await resident.app.screenshot('resident-detail-phone');

    await resident.press('Escape');
    await expect.poll(async () => resident.app.detail()).toBeNull();
    await expect.poll(async () => (await resident.focused())?.name ?? '').toContain(MINXIONG_CENTRE);
  });

  it('help lines are one tap from the first screen; Escape closes them and focus returns', async () => {
    const resident = await open({ viewport: PHONE });
    expect(await resident.openHelpLines('緊急電話')).toEqual(HOTLINES);
    expect(await resident.app.accessibilityViolations()).toEqual([]);
    await resident.app.screenshot('resident-help-lines-phone');
    await resident.press('Escape');
    await expect.poll(async () => (await resident.focused())?.name).toBe('緊急電話');
  });

  it('without a location, the first screen is the deployment county, real records before samples', async () => {
    const resident = await open({ viewport: DESKTOP });
    const names = (await resident.listedResults()).map((r) => r.name);
    expect(names[0]).toMatch(/^嘉義縣/);
    expect(names.slice(0, 7).every((n) => n.startsWith('嘉義縣'))).toBe(true);
    expect(names.slice(0, 7).some((n) => n.startsWith('示範'))).toBe(false);
    expect(await resident.app.accessibilityViolations()).toEqual([]);
    await resident.app.screenshot('resident-first-screen-desktop');
  });
});

const LANGUAGES = [
  {
    code: 'en',
    locate: 'Use my location',
    screens: { find: 'Find', list: /^List/, map: 'Map' },
    help: 'Help lines',
    meal: 'I need a meal',
    report: 'Report a correction',
  },
  {
    code: 'vi',
    locate: 'Dùng vị trí của tôi',
    screens: { find: 'Tìm', list: /^Danh sách/, map: 'Bản đồ' },
    help: 'Số khẩn cấp',
    meal: 'Tôi cần bữa ăn',
    report: 'Báo thông tin sai',
  },
  {
    code: 'id',
    locate: 'Pakai lokasi saya',
    screens: { find: 'Cari', list: /^Daftar/, map: 'Peta' },
    help: 'Nomor darurat',
    meal: 'Saya perlu makanan',
    report: 'Laporkan data yang salah',
  },
  {
    code: 'th',
    locate: 'ใช้ตำแหน่งของฉัน',
    screens: { find: 'ค้นหา', list: /^รายการ/, map: 'แผนที่' },
    help: 'เบอร์ฉุกเฉิน',
    meal: 'ฉันต้องการอาหาร',
    report: 'แจ้งข้อมูลผิด',
  },
] as const;

describe.each(LANGUAGES)('in $code', ({ code, locate, screens, help, meal, report }) => {
  it('every screen and dialog speaks the language (no Chinese left in the page’s own words) and is axe-clean', async () => {
    const resident = await open({ viewport: PHONE, position: IN_MINXIONG, now: MONDAY_3PM });
    await resident.chooseLanguage(code);
    expect(resident.app.currentUrl().searchParams.get('lang')).toBe(code);
    const check = async (screen: string) => {
      expect(await resident.chineseUiTexts(), screen).toEqual([]);
      expect(await resident.app.accessibilityViolations(), screen).toEqual([]);
      await resident.app.screenshot(`resident-${code}-${screen}`);
    };

    await resident.useMyLocation(locate);
    await expect.poll(async () => (await resident.listedResults())[0]?.name).toBe(MINXIONG_CENTRE);
    await check('list');

    await resident.showScreen(screens.find);
    await check('find');
    await resident.pressNeed(meal);
    // The places that serve meals show at once, nearest first.
    await expect.poll(async () => (await resident.listedResults()).length).toBeGreaterThan(0);
    await check('meals');

    await resident.showScreen(screens.map);
    await check('map');

    await resident.showScreen(screens.list);
    const [first] = await resident.listedResults();
    await resident.openResult(first?.name ?? '');
    await expect.poll(async () => (await resident.app.detail())?.name).toBe(first?.name);
    await check('detail');
    await resident.openCorrectionReport(report);
    await check('correction-report');
    await resident.press('Escape');
    await resident.press('Escape');
    await expect.poll(async () => resident.app.detail()).toBeNull();

    expect(await resident.openHelpLines(help)).toEqual(HOTLINES);
    await check('help-lines');
    await resident.press('Escape');
  }, 240_000);
});
