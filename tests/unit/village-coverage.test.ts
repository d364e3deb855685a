import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeCoverage, type UncoveredTarget } from '../../src/domain/analysis/coverage.ts';
import { villageTargets } from '../../src/domain/analysis/coverage-targets.ts';
import { parseVillageTargets } from '../../src/domain/analysis/village-targets.ts';
import { coverageGapsToCsv } from '../../src/domain/files/coverage-csv.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { repoFile } from './fixture-paths.ts';
import { loadPath } from './load-context.ts';

/** The Ministry's villages as the page reads them (data/tw-village-centroids.csv, written by `npm run places`). */
const villages = parseVillageTargets(
  readFileSync(repoFile('data', 'tw-village-centroids.csv'), 'utf8'),
  null,
).targets;

describe('villageTargets: the Ministry villages of the county in view, no upload', () => {
  it.each([
    { counties: ['嘉義縣'], town: '', count: 357 },
    { counties: ['嘉義縣'], town: '大埔鄉', count: 5 },
    // The file writes 台南市; the county filter and the gazetteer write 臺南市 (巿 for 市 is read too).
    { counties: ['臺南市'], town: '', count: 649 },
    { counties: ['台南市'], town: '', count: 649 },
    { counties: ['嘉義巿'], town: '', count: 84 },
    { counties: ['嘉義縣', '金門縣'], town: '', count: 357 + 37 },
    // No county at all is no one's analysis: not the 7,701 villages of Taiwan.
    { counties: [], town: '', count: 0 },
  ])('$counties $town → $count villages', ({ counties, town, count }) => {
    const found = villageTargets(villages, counties, town);
    expect(found).toHaveLength(count);
    expect(found.every((v) => v.village && (!town || v.town === town))).toBe(true);
  });

  it('names the counties as the gazetteer does (臺)', () => {
    expect(new Set(villageTargets(villages, ['台南市']).map((v) => v.county))).toEqual(new Set(['臺南市']));
  });
});

describe('coverage of 嘉義縣 villages by the default data’s welfare centres (hand-checked)', () => {
  // data/chiayi-welfare-centers.csv: six 日安 centres with street addresses and no coordinates, so each stands at
  // its township's centroid (data/tw-township-centroids.csv): 竹崎鄉 23.50385 N 120.59659 E, 中埔鄉 23.40418 N
  // 120.53646 E, 水上鄉 23.42921 N 120.41485 E, 民雄鄉 23.54266 N 120.44425 E, 朴子市, 布袋鎮.
  const { resources } = loadPath(repoFile('data', 'chiayi-welfare-centers.csv'), {
    file: 'chiayi-welfare-centers.csv',
    category: 'welfare-center',
  });
  const centres = resources.flatMap((r, i) => (r.category === 'welfare-center' ? [i] : []));
  const chiayi = villageTargets(villages, ['嘉義縣']);
  const at5km = computeCoverage(resources, centres, chiayi, 5000);
  const gap = (town: string, village: string) =>
    at5km.uncovered.find((u) => u.target.town === town && u.target.village === village);

  it('six centres, all at their township centroid', () => {
    expect(centres).toHaveLength(6);
    expect(centres.every((i) => resources[i]?.precision === 'approximate-town')).toBe(true);
  });

  // Worked by hand with a flat-earth step (1° of latitude = 111.195 km, 1° of longitude = 111.195 km × cos of
  // the mean latitude), which agrees with the great circle to a few metres over 30 km:
  // 中山村 (阿里山鄉) 23.46020 N 120.85386 E → 竹崎 centre: Δlat −0.04365° = −4.854 km, Δlng 0.25727° × 111.195
  //   × cos 23.482° = 26.237 km → √(26.237² + 4.854²) = 26.68 km.
  // 大埔村 (大埔鄉) 23.29160 N 120.60293 E → 中埔 centre: Δlat 0.11258° = 12.518 km, Δlng 0.06647° × 111.195 ×
  //   cos 23.348° = 6.786 km → √(12.518² + 6.786²) = 14.24 km (竹崎 is 23.6 km away, 水上 24.6 km).
  // 民和村 (番路鄉) 23.45831 N 120.59230 E → 竹崎 centre: Δlat 0.04554° = 5.064 km, Δlng 0.00429° × 102.0
  //   = 0.438 km → 5.08 km: just outside 5 km.
  it.each([
    { town: '阿里山鄉', village: '中山村', nearest: '嘉義縣日安社會福利服務中心（竹崎）', km: 26.68 },
    { town: '大埔鄉', village: '大埔村', nearest: '嘉義縣日安社會福利服務中心（中埔）', km: 14.24 },
    { town: '番路鄉', village: '民和村', nearest: '嘉義縣日安社會福利服務中心（竹崎）', km: 5.08 },
  ])('$town $village: nearest $nearest, $km km', ({ town, village, nearest, km }) => {
    const found = gap(town, village) as UncoveredTarget;
    expect(found).toBeDefined();
    expect(resources[found.nearest ?? -1]?.name).toBe(nearest);
    expect((found.nearestMetres ?? 0) / 1000).toBeCloseTo(km, 2);
  });

  // 柳林村 (水上鄉) 23.42930 N 120.41581 E lies 10 m north and 98 m east of the 水上 centre: 98 m. 竹崎村
  // (竹崎鄉) 23.52169 N 120.55206 E: Δlat 0.01784° = 1.984 km, Δlng −0.04453° × 102.0 = −4.542 km → 4.96 km.
  it.each([
    { town: '水上鄉', village: '柳林村' },
    { town: '竹崎鄉', village: '竹崎村' },
  ])('$town $village is within 5 km', ({ town, village }) => {
    expect(gap(town, village)).toBeUndefined();
  });

  it('counts 132 of 357 villages covered at 5 km, farthest gap first', () => {
    expect(at5km).toMatchObject({ targetCount: 357, coveredCount: 132, approximateProviders: 6 });
    expect(at5km.uncovered[0]?.target).toMatchObject({ town: '阿里山鄉', village: '中山村' });
    const metres = at5km.uncovered.map((u) => u.nearestMetres ?? 0);
    expect(metres).toEqual([...metres].sort((a, b) => b - a));
  });

  it('writes each gap with its nearest resource and distance to the CSV', () => {
    const csv = coverageGapsToCsv(at5km, resources, {
      county: '縣市',
      town: '鄉鎮市區',
      village: '村里',
      nearestName: '最近的資源',
      nearest: '最近距離（公尺）',
    });
    const table = parseDelimitedText(csv);
    expect(table.headers).toEqual(['縣市', '鄉鎮市區', '村里', '最近的資源', '最近距離（公尺）']);
    expect(table.rows).toHaveLength(225);
    expect(table.rows).toContainEqual([
      '嘉義縣',
      '大埔鄉',
      '大埔村',
      '嘉義縣日安社會福利服務中心（中埔）',
      '14239',
    ]);
  });
});
