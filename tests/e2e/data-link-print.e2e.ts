import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { LinkBrowser, type LinkHost, startLinkHost } from './driver-data-link.ts';

const ALL_RESOURCES = 111;
const REAL_NAME = '嘉義縣日安社會福利服務中心（民雄）';
/** The real centre's name with a mobile number, in 民雄鄉 (as tests/e2e/data-link.e2e.ts publishes it). */
const FAKE_CSV = [
  'id,名稱,類別,地址,電話,說明,緯度,經度,最後確認日期',
  `fake-minxiong,${REAL_NAME},社會福利服務中心,嘉義縣民雄鄉江厝店29之4號,0912-345-678,請準備身分證與存摺帳號,23.5560,120.4320,2025-01-02`,
].join('\n');
/** The basemaps data/manifest.json names: the map asks them for tiles, and the fence refuses. */
const TILE_HOSTS = new Set(
  (
    JSON.parse(readFileSync(new URL('../../data/manifest.json', import.meta.url), 'utf8')) as {
      basemaps: { url: string }[];
    }
  ).basemaps.map((b) => new URL(b.url).hostname),
);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The records of an AI pack's CSV block, parsed. */
function packRecords(text: string) {
  const csv = text.slice(text.indexOf('```csv\n') + '```csv\n'.length, text.lastIndexOf('```'));
  return parseDelimitedText(csv);
}

describe('a ?data= link’s records in the print view, the AI pack and the township briefing (real Chromium)', () => {
  let browser: LinkBrowser;
  let host: LinkHost;

  beforeAll(async () => {
    browser = await LinkBrowser.start(inject('appUrl'));
    host = await startLinkHost({
      '/fake.csv': { body: new TextEncoder().encode(FAKE_CSV), contentType: 'text/csv; charset=utf-8' },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('the printed list and the AI pack say which records are unofficial, and are as before once they are gone', async () => {
    const tab = await browser.open(host, {
      search: `?data=${encodeURIComponent(`${host.origin}/fake.csv`)}`,
    });
    await tab.answer(true);
    await tab.waitForBanner();

    // The print view: a note in its head, the count split, each link row marked with its host.
    const printed = await tab.openPrintView();
    expect(printed.linkNote).toBe(
      `非官方資料：本清單含有 1 筆來自連結（${host.host}）的資料，不是官方資料，內容未經查證；這些列都標有「非官方資料」。`,
    );
    expect(printed.head).toContainEqual(
      expect.stringMatching(
        new RegExp(`^製表日期：\\d{4}-\\d{2}-\\d{2}\\s共 ${ALL_RESOURCES + 1} 筆，其中 1 筆是非官方資料$`),
      ),
    );
    expect(printed.rows).toHaveLength(ALL_RESOURCES + 1);
    const marked = printed.rows.filter((r) => r.mark !== null);
    expect(marked).toEqual([
      { name: `${REAL_NAME}非官方資料（來自 ${host.host}）`, mark: `非官方資料（來自 ${host.host}）` },
    ]);
    // The real centre of the same name is listed unmarked.
    expect(printed.rows.filter((r) => r.name === REAL_NAME)).toHaveLength(1);
    expect(printed.mapCaption).toBe('地圖：清單中有位置的資源；黑色虛線框的點是非官方資料');
    expect(await tab.printMapDashedDots()).toBe(1);
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.printScreenshot('data-link-print-zh');
    await tab.closePrintView();

    // The AI pack of 民雄鄉's briefing: a note under its title, the CSV's mark column, the file name.
    const pack = await tab.downloadAiPack('嘉義縣', '民雄鄉');
    const text = new TextDecoder().decode(pack.bytes);
    const lines = text.split('\n');
    expect(lines[0]).toBe('# 共生資源地圖：AI 分析資料包');
    expect(lines[2]).toBe(
      `> **注意：本資料包含有 1 筆來自連結（${host.host}）的非官方資料，在「非官方來源」欄逐筆標示。這些資料由製作連結的人提供，未經查證，請勿當作官方資料。**`,
    );
    expect(lines[4]).toBe(
      `> **鄉鎮資源簡報只計入官方資料：民雄鄉另有 1 筆來自 ${host.host} 的非官方資料未計入。**`,
    );
    const { headers, rows } = packRecords(text);
    expect(headers[0]).toBe('非官方來源');
    expect(rows.filter((r) => r[0] !== '').map((r) => [r[0], r[1]])).toEqual([
      [`非官方連結：${host.host}`, 'fake-minxiong'],
    ]);
    expect(pack.fileName).toMatch(/^共生資源地圖-AI分析資料包-民雄鄉-含非官方資料-\d{4}-\d{2}-\d{2}\.md$/);
    expect(pack.status).toContain(`其中 1 筆是來自 ${host.host} 的非官方資料，資料包中已標示。`);

    // The briefing itself (screen and print) counts official data only: one sentence in its head says what it left
    // out, and the rest of the page is the page without the link (compared once the link is removed, below).
    const briefed = await tab.readBriefingLinkNote();
    expect(briefed.note).toBe(
      `非官方資料：民雄鄉另有 1 筆來自連結（${host.host}）的資料未計入本簡報，因為它們不是官方資料，內容也未經查證。`,
    );
    // The real centre of the fake one's name is still named as a far village's nearest help.
    expect(briefed.text).toMatch(new RegExp(`${escapeRegExp(REAL_NAME)}（[\\d.]+ 公里）`));
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.briefingScreenshot('data-link-briefing-zh');
    await tab.printScreenshot('data-link-briefing-print-zh');
    await tab.closeBriefing();

    // Taken off the map: the print view and the pack carry no mark at all.
    await tab.removeLinkData();
    const plain = await tab.openPrintView();
    expect(plain.linkNote).toBeNull();
    expect(plain.head.join('\n')).not.toContain('非官方');
    expect(plain.head).toContainEqual(
      expect.stringMatching(new RegExp(`^製表日期：\\d{4}-\\d{2}-\\d{2}\\s共 ${ALL_RESOURCES} 筆$`)),
    );
    expect(plain.rows.filter((r) => r.mark !== null || r.name.includes('非官方'))).toEqual([]);
    expect(plain.mapCaption).toBe('地圖：清單中有位置的資源');
    expect(await tab.printMapDashedDots()).toBe(0);
    await tab.printScreenshot('data-link-print-removed-zh');
    await tab.closePrintView();
    const plainPack = await tab.downloadAiPack('嘉義縣', '民雄鄉');
    const plainText = new TextDecoder().decode(plainPack.bytes);
    expect(plainText).not.toContain('非官方');
    expect(plainText.split('\n')[2]).not.toMatch(/^>/);
    expect(plainPack.fileName).toMatch(/^共生資源地圖-AI分析資料包-民雄鄉-\d{4}-\d{2}-\d{2}\.md$/);
    const plainBriefing = await tab.readBriefingLinkNote();
    expect(plainBriefing.note).toBeNull();
    expect(plainBriefing.text).not.toContain('非官方');
    expect(briefed.text).toBe(plainBriefing.text);
    await tab.briefingScreenshot('data-link-briefing-removed-zh');

    const outside = new Set(tab.app.outsideRequests().map((url) => new URL(url).hostname));
    expect([...outside].filter((name) => !TILE_HOSTS.has(name))).toEqual([]);
    expect(tab.app.pageErrors()).toEqual([]);
    await tab.close();
  }, 180_000);
});
