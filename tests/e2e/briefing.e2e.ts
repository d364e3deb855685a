import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OpenOptions } from './driver.ts';
import { BriefingBrowser, type BriefingTab, UI_LANGUAGES, type UiLanguage } from './driver-briefing.ts';

const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const shared = (name: string) => new URL(`../../../shared/data/${name}`, import.meta.url).pathname;

let browser: BriefingBrowser;
let tabs: BriefingTab[] = [];

beforeAll(async () => {
  browser = await BriefingBrowser.start(inject('appUrl'));
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

async function open(options: OpenOptions & { language?: UiLanguage } = {}): Promise<BriefingTab> {
  const tab = await browser.open(options);
  tabs.push(tab);
  return tab;
}

// One page per language: each window size in turn (resized, as a person moves from a laptop to the projector),
// first as the app opens, then from a link with a place set; at each, with and without a selected result: the
// panel checked by bounding boxes (driver-briefing.ts#layoutProblems), the page by axe.
describe.each(UI_LANGUAGES)('the inventory panel is never covered (%s)', (language) => {
  it('at 1024×768, 1280×720, 1280×800 and 1920×1080, with and without a place and a selected result; axe-clean', async () => {
    const tab = await open({ viewport: VIEWPORTS[0], language });
    for (const located of [false, true]) {
      if (located) await tab.openLink('?near=嘉義縣民雄鄉&r=5');
      await tab.openInventory();
      for (const viewport of VIEWPORTS) {
        await tab.resize(viewport);
        const size = `${viewport.width}x${viewport.height}`;
        for (const selected of [false, true]) {
          if (selected) await tab.selectFirstResult();
          const state = `${located ? 'location' : 'plain'}${selected ? '-selected' : ''}`;
          expect(await tab.layoutProblems(), `${language} ${size} ${state}`).toEqual([]);
          // axe (about a second a run) on the fullest page at each size, and once on the plain one.
          if ((located && selected) || (!located && !selected && viewport === VIEWPORTS[0]))
            expect(await tab.app.accessibilityViolations(), `${language} ${size} ${state}`).toEqual([]);
          if (selected) await tab.screenshot(`layout-${language}-${size}-${state}`);
        }
        await tab.closeDetail();
      }
    }
  }, 180_000);
});

describe('township briefing', () => {
  it('民雄鄉 at 1280×720: numbers, sentences, gaps; printed to PDF; axe-clean', async () => {
    const tab = await open({ viewport: { width: 1280, height: 720 } });
    await tab.openInventory();
    await tab.openBriefing('嘉義縣', '民雄鄉');
    await tab.waitForVillages();
    const counts = await tab.briefingCounts();
    // The default data: 民雄's 日安 welfare centre, two sample shops, the sample associations of 民雄鄉.
    expect(counts.get('社會福利服務中心')?.[0]).toBe('1');
    expect(counts.get('友善商店')?.[0]).toBe('2');
    const sentences = await tab.briefingSentences();
    expect(sentences[0]).toMatch(
      /^嘉義縣?民雄鄉?在地圖上共有 \d+ 筆資源。$|^民雄鄉在地圖上共有 \d+ 筆資源。$/,
    );
    expect(sentences).toContain('民雄鄉有 1 處社會福利服務中心。');
    expect(sentences).toContain('目前沒有社區照顧關懷據點、心理衛生、鄉鎮市公所。');
    // 28 villages of 民雄鄉 from the Ministry boundaries; the 民雄 centre is at the township seat.
    expect(sentences.find((s) => s.endsWith('5 公里內沒有社福中心。'))).toMatch(/^\S+村/);
    await tab.screenshot('briefing-minxiong-1280x720');
    expect(await tab.app.accessibilityViolations()).toEqual([]);

    const pdf = await tab.printToPdf('briefing-minxiong');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (existsSync('/usr/bin/pdftoppm')) {
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf.path, pdf.path.replace(/\.pdf$/, '-page')]);
    }
    const text = existsSync('/usr/bin/pdftotext')
      ? execFileSync('pdftotext', [pdf.path, '-']).toString()
      : '';
    if (text) {
      expect(text).toContain('民雄鄉資源簡報');
      expect(text).not.toContain('列印／存成 PDF');
    }
  });

  it('with a Big5 population table the briefing gives resources per 1,000 residents; in English too', async () => {
    const tab = await open({ viewport: { width: 1280, height: 800 }, language: 'en' });
    await tab.openInventory();
    await tab.openBriefing('嘉義縣', '民雄鄉');
    expect((await tab.briefingSentences())[0]).toMatch(/^民雄鄉 has \d+ resources on the map\.$/);
    expect(await tab.loadPopulation(shared('tainan-area-population-big5.csv'))).toContain('99Y06M');
    // Tainan's figures have no 民雄鄉: the ratio stays out rather than being made up.
    expect((await tab.briefingSentences()).some((s) => s.includes('per 1,000'))).toBe(false);
    await tab.screenshot('briefing-minxiong-en-1280x800');
  });

  it('the AI pack holds the prompt, the briefing and the public records of the current filters', async () => {
    const tab = await open({ search: '?county=嘉義縣&town=民雄鄉' });
    await tab.openInventory();
    await tab.openBriefing('嘉義縣', '民雄鄉');
    const pack = await tab.downloadAiPack();
    const text = pack.bytes.toString('utf8');
    expect(pack.fileName).toMatch(/\.md$/);
    expect(text).toContain('## 鄉鎮資源簡報：嘉義縣 民雄鄉');
    expect(text).toContain('民雄鄉有 1 處社會福利服務中心。');
    expect(text).toContain('嘉義縣日安社會福利服務中心（民雄）');
    expect(text).not.toContain('示範友善雜貨店（番路鄉');
    expect(text).toMatch(/- 名稱：資源名稱/);
  });
});

/** What the 民雄鄉 briefing and the count example say in Vietnamese and Thai (the default data, as above). */
const IN_OTHER_LANGUAGES = [
  {
    language: 'vi',
    total: /^民雄鄉 có \d+ nơi hỗ trợ trên bản đồ\.$/,
    welfare: 'Trung tâm dịch vụ phúc lợi xã hội ở 民雄鄉: 1.',
    missing: 'Loại chưa có nơi nào: Điểm chăm sóc cộng đồng, Sức khỏe tâm thần, Văn phòng thị trấn.',
    far: /^\S+村.*: không có trung tâm phúc lợi trong vòng 5 km\.$/,
    english: /\b(has|resources|more|than|welfare|within|villages?|target|met)\b/i,
    example: 'Ở Jinning có bao nhiêu cửa hàng thân thiện?',
    understood: { 'Loại câu hỏi': 'Đếm số lượng', 'Loại nơi hỗ trợ': 'Cửa hàng thân thiện' },
    answer: 'Tổng cộng 2 nơi.',
  },
  {
    language: 'th',
    total: /^民雄鄉 มีแหล่งช่วยเหลือบนแผนที่ \d+ แห่ง$/,
    welfare: '民雄鄉 มีศูนย์บริการสวัสดิการสังคม 1 แห่ง',
    missing: 'ประเภทที่ยังไม่มี: จุดดูแลในชุมชน, สุขภาพจิต, สำนักงานตำบล',
    far: /^\S+村.* ไม่มีศูนย์สวัสดิการภายใน 5 กม\.$/,
    english: /[A-Za-z]/,
    example: 'ที่ Jinning มีร้านค้าที่เป็นมิตรกี่แห่ง',
    understood: { ประเภทคำถาม: 'นับจำนวน', ประเภทแหล่งช่วยเหลือ: 'ร้านค้าที่เป็นมิตร' },
    answer: 'รวม 2 แห่ง',
  },
] as const;

describe.each(IN_OTHER_LANGUAGES)('the briefing and the question box in $language', (expected) => {
  it('民雄鄉 at 1280×720: the numbers in sentences of the language; an example answered in it; axe-clean', async () => {
    const tab = await open({ viewport: { width: 1280, height: 720 }, language: expected.language });
    await tab.openInventory();
    await tab.openBriefing('嘉義縣', '民雄鄉');
    await tab.waitForVillages();
    await tab.screenshot(`briefing-minxiong-${expected.language}-1280x720`);
    const sentences = await tab.briefingSentences();
    expect(sentences[0]).toMatch(expected.total);
    expect(sentences).toContain(expected.welfare);
    expect(sentences).toContain(expected.missing);
    expect(
      sentences.filter((s) => expected.far.test(s)),
      sentences.join('\n'),
    ).toHaveLength(1);
    expect(sentences.filter((s) => expected.english.test(s.replace(/\d+ km/g, '')))).toEqual([]);
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.closeBriefing();

    await tab.askExample(expected.example);
    expect(await tab.understanding()).toMatchObject(expected.understood);
    expect(await tab.answerText()).toBe(expected.answer);
    await tab.screenshot(`question-${expected.language}-1280x720`);
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    // On the projector the whole box shows: the examples with the English wording they ask.
    await tab.resize({ width: 1920, height: 1080 });
    await tab.screenshot(`question-${expected.language}-1920x1080`);
  });
});

describe('questions in plain language', () => {
  it('answers, shows its understanding as choices that can be changed, and says when it does not understand', async () => {
    const tab = await open({ viewport: { width: 1280, height: 720 } });
    await tab.openInventory();
    await tab.ask('金寧鄉有幾家友善商店');
    expect(await tab.understanding()).toMatchObject({
      問題類型: '數一數',
      資源類別: '友善商店',
      地區: '金門縣 金寧鄉',
    });
    expect(await tab.answerText()).toBe('共 2 筆。');
    await tab.adjust('資源類別', '鄉鎮市公所');
    expect(await tab.answerText()).toBe('共 1 筆。');
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.screenshot('question-count-1280x720');

    await tab.ask('民雄鄉哪些村里沒有關懷據點');
    await expect.poll(() => tab.answerText()).toMatch(/^28 個村里中，有 28 個沒有社區照顧關懷據點：/);

    await tab.ask('民雄社福中心 10 公里內的友善商店');
    expect(await tab.understanding()).toMatchObject({ 問題類型: '附近有什麼', '距離（公里）': '10' });
    const near = /^10 公里內有 (\d+) 筆，由近到遠：/.exec(await tab.answerText());
    expect(near).not.toBeNull();
    await tab.showAnswerOnMap();
    expect(tab.app.currentUrl().searchParams.get('r')).toBe('10');
    // The map and list show what the answer counted, through the ordinary filters.
    await expect.poll(() => tab.app.resultCount()).toBe(Number(near?.[1]));

    await tab.ask('今天天氣如何');
    expect(await tab.answerText()).toContain('我看不懂這個問題');
    expect(await tab.exampleQuestions()).toContain('金寧鄉有幾家友善商店');
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.screenshot('question-unknown-1280x720');
  });
});
