import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVillageTargets } from '../../../src/domain/analysis/village-targets.ts';
import { buildBriefings, type TownshipBriefing } from '../../../src/domain/briefing/township-briefing.ts';
import { startYears } from '../../../src/domain/query/start-year.ts';
import { repoFile } from '../fixture-paths.ts';
import { gazetteer, loadPath, manifest } from '../load-context.ts';

const fixture = (name: string) => repoFile('tests', 'fixtures', 'briefing', name);
const { resources } = loadPath(fixture('resources.csv'), { file: 'resources.csv' });
const villages = parseVillageTargets(readFileSync(fixture('villages.csv'), 'utf8'), gazetteer).targets;
const nameOf = (i: number | undefined) => (i === undefined ? undefined : resources[i]?.name);

function briefingOf(
  town: string,
  options: {
    population?: Map<string, number>;
    indexes?: readonly number[];
    linkHosts?: ReadonlyMap<string, string>;
  } = {},
): TownshipBriefing {
  const [briefing] = buildBriefings(
    {
      resources,
      indexes: options.indexes ?? resources.map((_, i) => i),
      startYears: startYears(resources),
      categories: manifest.categories.map((c) => c.id),
      villages,
      townCentroid: (county, t) => gazetteer.find(county, t)?.centroid ?? null,
      config: manifest.briefing,
      sinceYear: 2025,
      population: options.population ?? null,
      ...(options.linkHosts ? { linkHosts: options.linkHosts } : {}),
    },
    [{ county: '嘉義縣', town }],
  );
  if (!briefing) throw new Error('no briefing');
  return briefing;
}

describe('township briefing (hand-counted fixture, tests/fixtures/briefing/README.md)', () => {
  const b = briefingOf('民雄鄉');
  const count = (category: string) => b.counts.find((c) => c.category === category);

  it('loads the fixture whole', () => {
    expect(resources).toHaveLength(10);
    expect(villages).toHaveLength(5);
  });

  it.each([
    ['welfare-center', 1, 0],
    ['friendly-shop', 2, 1],
    ['community-association', 3, 0],
    ['care-point', 2, null],
    ['after-school', 0, null],
    ['mental-health', 0, null],
    ['township-office', 0, null],
  ] as const)('counts %s: %i, %s added after 2025', (category, n, added) => {
    expect(count(category)).toMatchObject({ count: n, added, perThousand: null });
  });

  it('totals the township only (番路鄉 records are not counted)', () => {
    expect(b.total).toBe(8);
  });

  it('lists the categories it has none of, each with the nearest outside', () => {
    expect(b.missingCategories.map((m) => m.category)).toEqual([
      'after-school',
      'mental-health',
      'township-office',
    ]);
    const mental = b.missingCategories.find((m) => m.category === 'mental-health');
    expect(mental?.nearest.map((n) => nameOf(n.index))).toEqual(['番路心理諮商站']);
  });

  it('finds the villages farther than 5 km from every welfare centre, farthest first, with the nearest help', () => {
    expect(b.villageCount).toBe(4);
    expect(b.farVillages.map((v) => v.village)).toEqual(['北村', '南村']);
    const north = b.farVillages[0];
    expect(nameOf(north?.nearestWelfare?.index)).toBe('民雄社福中心');
    expect(north?.nearestWelfare?.metres).toBeCloseTo(10_205, -2);
    expect(north?.nearestOthers.map((n) => nameOf(n.index))).toEqual(['戊社區發展協會', '番路友善商店']);
    expect(b.farVillages[1]?.nearestWelfare?.metres).toBeCloseTo(7_143, -2);
  });

  it('finds the community associations with no friendly shop within 1 km, with the nearest shop', () => {
    expect(b.communityCount).toBe(3);
    expect(b.communitiesWithoutShop.map((c) => nameOf(c.index))).toEqual([
      '丁社區發展協會',
      '戊社區發展協會',
    ]);
    const [ding, wu] = b.communitiesWithoutShop;
    expect(nameOf(ding?.nearestShop?.index)).toBe('乙友善商店');
    expect(ding?.nearestShop?.metres).toBeCloseTo(3_980, -2);
    // A shop over the township line still counts as the nearest.
    expect(nameOf(wu?.nearestShop?.index)).toBe('番路友善商店');
  });

  it('reports progress against the manifest targets', () => {
    expect(
      b.targets.map(({ target, reached, of, met, missing }) => [target.kind, reached, of, met, missing]),
    ).toEqual([
      ['share-with-service', 1, 3, true, []],
      ['every-village', 2, 4, false, ['西村', '北村']],
      ['every-township', 0, 1, false, []],
    ]);
  });

  it('gives resources per 1,000 residents only with a population', () => {
    const withPeople = briefingOf('民雄鄉', { population: new Map([['嘉義縣|民雄鄉', 70_000]]) });
    expect(withPeople.population).toBe(70_000);
    expect(withPeople.counts.find((c) => c.category === 'friendly-shop')?.perThousand).toBeCloseTo(2 / 70);
    expect(b.population).toBeNull();
  });

  it('a township with nothing is all gaps, not an error', () => {
    const empty = briefingOf('大埔鄉');
    expect(empty.total).toBe(0);
    expect(empty.missingCategories).toHaveLength(manifest.categories.length);
    expect(empty.villageCount).toBe(0);
    expect(empty.farVillages).toEqual([]);
    // Help for a category it lacks is looked for within 50 km only (the fixture's shops are within that of 大埔鄉).
    const shops = empty.missingCategories.find((m) => m.category === 'friendly-shop');
    expect(shops?.nearest.length).toBeGreaterThan(0);
    for (const m of empty.missingCategories)
      for (const n of m.nearest) expect(n.metres).toBeLessThanOrEqual(50_000);
  });
});

describe('a briefing counts no record a link brought: they are not official (tests/fixtures/briefing)', () => {
  const indexOf = (name: string) => {
    const i = resources.findIndex((r) => r.name === name);
    if (i < 0) throw new Error(`No record named ${name} in the fixture`);
    return i;
  };
  /** Every record the briefing names: the nearest help of its gaps, the communities without a shop. */
  const named = (b: TownshipBriefing) =>
    [
      ...b.missingCategories.flatMap((m) => m.nearest),
      ...b.farVillages.flatMap((v) => [...(v.nearestWelfare ? [v.nearestWelfare] : []), ...v.nearestOthers]),
      ...b.communitiesWithoutShop.flatMap((c) => [c, ...(c.nearestShop ? [c.nearestShop] : [])]),
    ].map((n) => n.index);
  const cases: {
    name: string;
    /** Record name → the host of the link that brought it. */
    links: Record<string, string>;
    total: number;
    leftOut: { count: number; hosts: string[] };
    check?: (b: TownshipBriefing) => void;
  }[] = [
    { name: 'no link data', links: {}, total: 8, leftOut: { count: 0, hosts: [] } },
    {
      name: 'an association of the township',
      links: { 戊社區發展協會: 'a.example' },
      total: 7,
      leftOut: { count: 1, hosts: ['a.example'] },
      check: (b) => {
        expect(b.communityCount).toBe(2);
        expect(b.counts.find((c) => c.category === 'community-association')?.count).toBe(2);
        expect(b.communitiesWithoutShop.map((c) => nameOf(c.index))).toEqual(['丁社區發展協會']);
        // 北村's nearest help was 戊 (10 m) and 番路友善商店 (2.0 km): now that shop and 丁 (3.1 km).
        expect(b.farVillages[0]?.nearestOthers.map((n) => nameOf(n.index))).toEqual([
          '番路友善商店',
          '丁社區發展協會',
        ]);
      },
    },
    {
      name: 'the township’s only welfare centre',
      links: { 民雄社福中心: 'a.example' },
      total: 7,
      leftOut: { count: 1, hosts: ['a.example'] },
      check: (b) => {
        expect(b.missingCategories.map((m) => m.category)).toContain('welfare-center');
        // No official welfare centre anywhere: every village is far from one.
        expect(b.farVillages.map((v) => [v.village, v.nearestWelfare])).toEqual([
          ['東村', null],
          ['西村', null],
          ['南村', null],
          ['北村', null],
        ]);
      },
    },
    {
      name: 'a shop over the township line (counted nowhere, named as help nowhere)',
      links: { 番路友善商店: 'b.example' },
      total: 8,
      leftOut: { count: 0, hosts: [] },
      check: (b) => {
        // 戊's nearest shop was 番路友善商店 (2.0 km): now 乙 (7.0 km).
        const wu = b.communitiesWithoutShop.find((c) => nameOf(c.index) === '戊社區發展協會');
        expect(nameOf(wu?.nearestShop?.index)).toBe('乙友善商店');
        expect(wu?.nearestShop?.metres).toBeCloseTo(7_041, -2);
      },
    },
    {
      name: 'records of two links, in and out of the township',
      links: { 甲友善商店: 'a.example', 庚關懷據點: 'b.example', 番路心理諮商站: 'b.example' },
      total: 6,
      leftOut: { count: 2, hosts: ['a.example', 'b.example'] },
      check: (b) => {
        expect(b.counts.find((c) => c.category === 'friendly-shop')).toMatchObject({ count: 1, added: 1 });
        expect(b.counts.find((c) => c.category === 'care-point')?.count).toBe(1);
        expect(b.missingCategories.find((m) => m.category === 'mental-health')?.nearest).toEqual([]);
      },
    },
  ];
  for (const { name, links, total, leftOut, check } of cases) {
    it(`${name}: ${total} counted, ${leftOut.count} of the township left out`, () => {
      const linkIndexes = new Set(Object.keys(links).map(indexOf));
      const linkHosts = new Map(
        Object.entries(links).map(([record, host]) => [resources[indexOf(record)]?.id ?? '', host]),
      );
      const b = briefingOf('民雄鄉', { linkHosts });
      expect(b.total).toBe(total);
      expect(b.linkRecordsLeftOut).toEqual(leftOut);
      for (const i of named(b)) expect(linkIndexes.has(i), nameOf(i)).toBe(false);
      // Every figure is the briefing of the official records alone.
      const official = briefingOf('民雄鄉', {
        indexes: resources.map((_, i) => i).filter((i) => !linkIndexes.has(i)),
      });
      expect({ ...b, linkRecordsLeftOut: null }).toEqual({ ...official, linkRecordsLeftOut: null });
      check?.(b);
    });
  }
});
