import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVillageTargets } from '../../../src/domain/analysis/village-targets.ts';
import { answerQuestion } from '../../../src/domain/briefing/question-answer.ts';
import {
  parseQuestion,
  type QuestionIntent,
  type QuestionVocabulary,
} from '../../../src/domain/briefing/question-intent.ts';
import { TOWNSHIP_NAMES_EN } from '../../../src/domain/briefing/township-names-en.ts';
import { type FetchedFile, loadDataset } from '../../../src/domain/loading/load-dataset.ts';
import { startYears } from '../../../src/domain/query/start-year.ts';
import { repoFile } from '../fixture-paths.ts';
import { gazetteer, manifest } from '../load-context.ts';

/** The default data, through the same chain the page uses. */
const files: FetchedFile[] = manifest.files.map((f) => ({
  path: f.path,
  bytes: new Uint8Array(readFileSync(repoFile('data', f.path))),
}));
const { resources } = loadDataset(
  manifest,
  readFileSync(repoFile('data', manifest.gazetteer), 'utf8'),
  files,
);
const english = new Map(
  TOWNSHIP_NAMES_EN.map(([c, t, ce, te]) => [`${c}|${t}`, { countyEn: ce, townEn: te }]),
);
const vocabulary: QuestionVocabulary = {
  categories: manifest.categories,
  serviceTags: manifest.serviceTags,
  townships: gazetteer.townships.map((t) => ({
    county: t.county,
    town: t.town,
    ...english.get(`${t.county}|${t.town}`),
  })),
  defaultCounty: '嘉義縣',
  records: resources,
  thisYear: 2026,
};
const MINXIONG_CENTRE = resources.findIndex((r) => r.id === 'chiayi-wc-minxiong');

type Expected = Partial<Record<string, unknown>> & { kind: QuestionIntent['kind'] };

/** Question → the parts of the understanding that matter for it. */
const PHRASINGS: readonly (readonly [string, Expected])[] = [
  // counts (zh)
  ['金寧鄉有幾家友善商店', { kind: 'count', category: 'friendly-shop', county: '金門縣', town: '金寧鄉' }],
  ['金寧有多少友善商家？', { kind: 'count', category: 'friendly-shop', town: '金寧鄉' }],
  ['民雄鄉社福中心有幾個', { kind: 'count', category: 'welfare-center', town: '民雄鄉' }],
  [
    '嘉義縣共有多少社區發展協會',
    { kind: 'count', category: 'community-association', county: '嘉義縣', town: '' },
  ],
  ['番路鄉關懷據點數量', { kind: 'count', category: 'care-point', town: '番路鄉' }],
  ['台灣有幾個心理衛生資源', { kind: 'count', category: 'mental-health' }],
  ['大埔鄉有幾處提供餐食的地方', { kind: 'count', service: 'meals', town: '大埔鄉' }],
  ['金門縣的公所總數', { kind: 'count', category: 'township-office', county: '金門縣' }],
  // counts (en)
  ['How many friendly shops are in Jinning?', { kind: 'count', category: 'friendly-shop', town: '金寧鄉' }],
  ['how many welfare centres in Minxiong', { kind: 'count', category: 'welfare-center', town: '民雄鄉' }],
  [
    'Number of community development associations in Fanlu',
    { kind: 'count', category: 'community-association', town: '番路鄉' },
  ],
  [
    'How many care points does Chiayi County have?',
    { kind: 'count', category: 'care-point', county: '嘉義縣', town: '' },
  ],
  [
    'count township offices in Kinmen County',
    { kind: 'count', category: 'township-office', county: '金門縣' },
  ],
  ['How many places offer meals in 民雄鄉?', { kind: 'count', service: 'meals', town: '民雄鄉' }],
  // absence (zh)
  ['哪些村里沒有關懷據點', { kind: 'absence', category: 'care-point', unit: 'village', town: '' }],
  ['民雄鄉哪些村沒有關懷據點', { kind: 'absence', category: 'care-point', unit: 'village', town: '民雄鄉' }],
  ['哪些鄉鎮沒有社福中心', { kind: 'absence', category: 'welfare-center', unit: 'township' }],
  [
    '金門縣哪些鄉鎮缺少友善商店',
    { kind: 'absence', category: 'friendly-shop', unit: 'township', county: '金門縣' },
  ],
  ['還沒有課後照顧據點的鄉鎮', { kind: 'absence', category: 'after-school', unit: 'township' }],
  [
    '番路鄉尚無心理衛生資源的村里',
    { kind: 'absence', category: 'mental-health', unit: 'village', town: '番路鄉' },
  ],
  // absence (en)
  ['Which villages have no care point?', { kind: 'absence', category: 'care-point', unit: 'village' }],
  [
    'Which townships lack a welfare center?',
    { kind: 'absence', category: 'welfare-center', unit: 'township' },
  ],
  [
    'villages in Minxiong without a friendly shop',
    { kind: 'absence', category: 'friendly-shop', unit: 'village', town: '民雄鄉' },
  ],
  [
    'Townships in Kinmen County missing after-school care',
    { kind: 'absence', category: 'after-school', unit: 'township', county: '金門縣' },
  ],
  // nearness (zh)
  [
    '民雄社福中心 3 公里內的課後照顧',
    {
      kind: 'near',
      category: 'after-school',
      radiusKm: 3,
      anchor: { kind: 'resource', index: MINXIONG_CENTRE },
    },
  ],
  [
    '民雄社福中心三公里內的友善商店',
    {
      kind: 'near',
      category: 'friendly-shop',
      radiusKm: 3,
      anchor: { kind: 'resource', index: MINXIONG_CENTRE },
    },
  ],
  [
    '離民雄社福中心 5 km 以內的關懷據點',
    {
      kind: 'near',
      category: 'care-point',
      radiusKm: 5,
      anchor: { kind: 'resource', index: MINXIONG_CENTRE },
    },
  ],
  [
    '民雄鄉 2 公里內有哪些友善商店',
    {
      kind: 'near',
      category: 'friendly-shop',
      radiusKm: 2,
      anchor: { kind: 'town', county: '嘉義縣', town: '民雄鄉' },
    },
  ],
  ['民雄社福中心 500 公尺內的友善商店', { kind: 'near', category: 'friendly-shop', radiusKm: 0.5 }],
  [
    '金城鎮附近的社區發展協會',
    {
      kind: 'near',
      category: 'community-association',
      radiusKm: 1,
      anchor: { kind: 'town', county: '金門縣', town: '金城鎮' },
    },
  ],
  // nearness (en)
  [
    'after-school care within 3 km of the Minxiong welfare centre',
    {
      kind: 'near',
      category: 'after-school',
      radiusKm: 3,
      anchor: { kind: 'resource', index: MINXIONG_CENTRE },
    },
  ],
  [
    'friendly shops within 2 km of Minxiong',
    {
      kind: 'near',
      category: 'friendly-shop',
      radiusKm: 2,
      anchor: { kind: 'town', county: '嘉義縣', town: '民雄鄉' },
    },
  ],
  [
    'care points near Fanlu',
    { kind: 'near', category: 'care-point', anchor: { kind: 'town', county: '嘉義縣', town: '番路鄉' } },
  ],
  [
    'Friendly shops within 800 m of the Minxiong welfare center',
    { kind: 'near', category: 'friendly-shop', radiusKm: 0.8 },
  ],
  // change (zh)
  ['今年新增了哪些據點', { kind: 'change', category: null, fromYear: 2026, toYear: 2026 }],
  ['去年新增幾家友善商店', { kind: 'change', category: 'friendly-shop', fromYear: 2025, toYear: 2025 }],
  ['2021 年以來新設的關懷據點', { kind: 'change', category: 'care-point', fromYear: 2021, toYear: 2026 }],
  [
    '近三年民雄鄉增加了多少社區發展協會',
    { kind: 'change', category: 'community-association', town: '民雄鄉', fromYear: 2024, toYear: 2026 },
  ],
  [
    '民國112年新成立的課後照顧據點',
    { kind: 'change', category: 'after-school', fromYear: 2023, toYear: 2023 },
  ],
  // change (en)
  ['What was added this year?', { kind: 'change', fromYear: 2026, toYear: 2026 }],
  [
    'New friendly shops since 2022',
    { kind: 'change', category: 'friendly-shop', fromYear: 2022, toYear: 2026 },
  ],
  [
    'care points opened last year in Minxiong',
    { kind: 'change', category: 'care-point', town: '民雄鄉', fromYear: 2025, toYear: 2025 },
  ],
  [
    'new community associations in the last 2 years',
    { kind: 'change', category: 'community-association', fromYear: 2025, toYear: 2026 },
  ],
  // lists
  ['金沙鎮的友善商店', { kind: 'list', category: 'friendly-shop', town: '金沙鎮' }],
  ['Show welfare centers in Chiayi County', { kind: 'list', category: 'welfare-center', county: '嘉義縣' }],
  // not understood
  ['今天天氣如何', { kind: 'unknown', reason: 'nothing-recognised' }],
  ['What is the meaning of life?', { kind: 'unknown', reason: 'nothing-recognised' }],
  ['哪些村里沒有', { kind: 'unknown', reason: 'absence-without-category' }],
  ['', { kind: 'unknown', reason: 'nothing-recognised' }],
];

describe('parseQuestion: plain-language questions, zh-TW and English', () => {
  it('has at least 40 phrasings', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(PHRASINGS)('%s', (question, expected) => {
    expect(parseQuestion(question, vocabulary)).toMatchObject(expected);
  });
});

describe('answerQuestion on the default data', () => {
  const thisYear = { startYears: startYears(resources) };
  const data = {
    resources,
    ...thisYear,
    villages: parseVillageTargets(
      readFileSync(repoFile('data', 'tw-village-centroids.csv'), 'utf8'),
      gazetteer,
    ).targets,
    townships: gazetteer.townships,
    defaultCounty: '嘉義縣',
  };
  const ask = (question: string) => {
    const intent = parseQuestion(question, vocabulary);
    if (intent.kind === 'unknown') throw new Error(`not understood: ${question}`);
    return answerQuestion(intent, data);
  };

  it('counts what a hand count of the files gives', () => {
    const shops = resources.filter((r) => r.town === '金寧鄉' && r.category === 'friendly-shop').length;
    expect(shops).toBe(2);
    expect(ask('金寧鄉有幾家友善商店')).toMatchObject({ kind: 'records', indexes: { length: 2 } });
  });

  it('lists the townships without a welfare centre: 18 in 嘉義縣 less the 6 日安 centres', () => {
    const answer = ask('哪些鄉鎮沒有社福中心');
    expect(answer).toMatchObject({ kind: 'places', of: 18 });
    if (answer.kind !== 'places') return;
    expect(answer.places).toHaveLength(12);
    expect(answer.places).not.toContain('民雄鄉');
    expect(answer.places).toContain('大埔鄉');
  });

  it('lists the villages of a township without a care point (none in the data: all 28 of 民雄鄉)', () => {
    expect(ask('民雄鄉哪些村沒有關懷據點')).toMatchObject({ kind: 'places', of: 28, places: { length: 28 } });
  });

  it('orders nearness answers nearest first, within the radius, without the anchor itself', () => {
    const answer = ask('民雄社福中心 10 公里內的友善商店');
    if (answer.kind !== 'records') throw new Error(answer.kind);
    expect(answer.indexes.length).toBeGreaterThan(0);
    expect(answer.metres?.every((m, i, all) => m <= 10_000 && (i === 0 || (all[i - 1] ?? 0) <= m))).toBe(
      true,
    );
    expect(answer.indexes.every((i) => resources[i]?.category === 'friendly-shop')).toBe(true);
  });

  it('reports change by start year, and counts records that do not say when they started', () => {
    const answer = ask('今年新增了哪些據點');
    expect(answer).toMatchObject({ kind: 'records', indexes: [], undated: resources.length });
  });
});
