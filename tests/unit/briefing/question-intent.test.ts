import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVillageTargets } from '../../../src/domain/analysis/village-targets.ts';
import { answerQuestion } from '../../../src/domain/briefing/question-answer.ts';
import { parseQuestion, type QuestionVocabulary } from '../../../src/domain/briefing/question-intent.ts';
import { PLACE_NAMES_EN } from '../../../src/domain/geo/place-names-en.ts';
import { townshipEnglishNames } from '../../../src/domain/geo/place-names-en-of.ts';
import { type FetchedFile, loadDataset } from '../../../src/domain/loading/load-dataset.ts';
import { startYears } from '../../../src/domain/query/start-year.ts';
import { PHRASINGS } from '../../fixtures/briefing/questions.ts';
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
const english = townshipEnglishNames(PLACE_NAMES_EN);
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

describe('parseQuestion: plain-language questions, zh-TW and English', () => {
  it('knows every township by its English name too (臺中市北屯區 = Beitun, written 台中市 in the atlas)', () => {
    expect(vocabulary.townships.length).toBe(368);
    expect(vocabulary.townships.filter((t) => !t.townEn || !t.countyEn)).toEqual([]);
    expect(english.get('臺中市|北屯區')).toEqual({ countyEn: 'Taichung', townEn: 'Beitun' });
  });

  it('has at least 40 phrasings', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(PHRASINGS)('%s', (question, expected) => {
    const anchor = expected.anchor as { kind: string; index?: number } | undefined;
    // The table names the anchor record by id; the parser answers with its index.
    const want =
      anchor?.kind === 'resource'
        ? { ...expected, anchor: { kind: 'resource', index: MINXIONG_CENTRE } }
        : expected;
    expect(parseQuestion(question, vocabulary)).toMatchObject(want);
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
