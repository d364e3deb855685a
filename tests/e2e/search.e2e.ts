import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { PHONE, SearchBrowser, type Searcher } from './driver-search.ts';

const MINXIONG_CENTRE = '嘉義縣日安社會福利服務中心（民雄）';
const MENTAL_HEALTH_CENTRE = '嘉義縣社區心理衛生中心';

let browser: SearchBrowser;
let opened: Searcher[] = [];

beforeAll(async () => {
  browser = await SearchBrowser.start(inject('appUrl'));
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  const searchers = opened;
  opened = [];
  const errors = searchers.flatMap((s) => s.app.pageErrors());
  await Promise.all(searchers.map((s) => s.close()));
  expect(errors, 'uncaught errors or console errors in the page').toEqual([]);
});

async function open(search = '', viewport: { width: number; height: number } = PHONE): Promise<Searcher> {
  const searcher = await browser.open(viewport, search);
  opened.push(searcher);
  return searcher;
}

describe('search that understands, on a phone (360×640)', () => {
  it('民雄社福中心 (a place and an alias, no space) finds the 民雄 centre', async () => {
    const person = await open();
    await person.type('民雄社福中心');
    await expect.poll(() => person.listedNames()).toEqual([MINXIONG_CENTRE]);
    expect(await person.app.resultCount()).toBe(1);
    expect(await person.app.pageScrollWidth()).toBeLessThanOrEqual(PHONE.width);
    expect(await person.app.accessibilityViolations()).toEqual([]);
    await person.app.screenshot('search-phone-minxiong-welfare-centre');
  });

  it('a shared link’s query is read the same way, without touching the search box', async () => {
    const person = await open(`?q=${encodeURIComponent('Minxiong 社福')}`);
    await expect.poll(() => person.listedNames()).toEqual([MINXIONG_CENTRE]);
  });

  it('a phone number typed with its dashes finds whose number it is', async () => {
    const person = await open();
    await person.type('05-2207017');
    await expect.poll(() => person.listedNames()).toEqual([MINXIONG_CENTRE]);
    await person.type('1925');
    await expect.poll(() => person.listedNames()).toEqual([MENTAL_HEALTH_CENTRE]);
    expect(await person.app.accessibilityViolations()).toEqual([]);
    await person.app.screenshot('search-phone-by-number');
  });

  it('one wrong character: the results for the corrected word, marked as such', async () => {
    const person = await open();
    await person.type('民熊');
    await expect.poll(() => person.status()).toContain('您是不是要找「民雄」？');
    expect((await person.listedNames())[0]).toContain('民雄');
    expect(await person.app.accessibilityViolations()).toEqual([]);
    await person.app.screenshot('search-phone-did-you-mean');
    await person.acceptSuggestion();
    await expect.poll(() => person.status()).not.toContain('您是不是要找');
  });

  it('nothing found: the nearest of the category asked for, the hotlines, clearing the search', async () => {
    const person = await open();
    await person.type('民雄心衛中心');
    await expect
      .poll(async () => (await person.nothingFound())?.offeredHeading)
      .toBe('離民雄鄉最近的心理衛生');
    const panel = await person.nothingFound();
    expect(panel?.heading).toBe('找不到符合「民雄心衛中心」的資源。');
    expect(panel?.offered).toEqual([
      expect.stringMatching(new RegExp(`^${MENTAL_HEALTH_CENTRE}約 \\d+ 公里$`)),
    ]);
    expect(panel?.hotlines).toEqual(expect.arrayContaining(['tel:1957', 'tel:1925', 'tel:113']));
    expect(panel?.buttons).toEqual(['清除搜尋']);
    expect(await person.app.accessibilityViolations()).toEqual([]);
    await person.app.screenshot('search-phone-nothing-found');

    await person.pressInNothingFound('清除搜尋');
    await expect.poll(() => person.app.resultCount()).toBe(111);

    // Back to the same search: the resource offered opens in one tap.
    await person.type('民雄心衛中心');
    await expect.poll(async () => (await person.nothingFound())?.offered.length).toBe(1);
    await person.openOffered(MENTAL_HEALTH_CENTRE);
    await expect.poll(async () => (await person.app.detail())?.name).toBe(MENTAL_HEALTH_CENTRE);
  });

  it('on a computer, did-you-mean and nothing found pass axe too', async () => {
    const person = await open('', { width: 1440, height: 900 });
    await person.type('布帶');
    await expect.poll(() => person.status()).toContain('您是不是要找「布袋」？');
    expect(await person.app.accessibilityViolations()).toEqual([]);
    await person.type('布袋心衛中心');
    await expect
      .poll(async () => (await person.nothingFound())?.offeredHeading)
      .toBe('離布袋鎮最近的心理衛生');
    expect(await person.app.accessibilityViolations()).toEqual([]);
    await person.app.screenshot('search-desktop-nothing-found');
  });
});
