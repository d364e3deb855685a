import { describe, expect, it } from 'vitest';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { filterAsOfYear } from '../../src/domain/query/as-of-year.ts';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import { filterResources, NO_FILTERS } from '../../src/domain/query/filter-resources.ts';
import { parseStartYear, startYearOf, startYears, yearRangeOf } from '../../src/domain/query/start-year.ts';
import { manifest } from './load-context.ts';

describe('parseStartYear', () => {
  it.each([
    ['2020', 2020],
    ['109', 2020],
    ['民國109年', 2020],
    ['109年度', 2020],
    ['２０２１', 2021],
    ['2020-05-01', 2020],
    ['109/05/01', 2020],
    [' 2023 ', 2023],
    ['1', null],
    ['', null],
    ['去年', null],
    ['99999', null],
    ['1850', null],
  ])('%s → %s', (raw, year) => expect(parseStartYear(raw)).toBe(year));
});

/** The seed story: community support points grew 22 (2020) → 32 (2021) → 35 (2022) → 37 (2023). */
const GROWTH = [
  ...Array.from({ length: 22 }, () => '2020'),
  ...Array.from({ length: 10 }, () => '110'),
  ...Array.from({ length: 3 }, () => '2022'),
  ...Array.from({ length: 2 }, () => '民國112年'),
];

const point = (i: number, extra: Record<string, string>, category = 'care-point'): Resource => ({
  id: `p${i}`,
  name: `據點 ${i}`,
  category,
  services: [],
  address: '',
  county: '嘉義縣',
  town: '民雄鄉',
  position: toLatLng(23.5, 120.4),
  precision: 'exact',
  phones: [],
  source: 't',
  visibility: 'public',
  extra,
});

const resources = [
  ...GROWTH.map((year, i) => point(i, i % 2 ? { 設立年度: year } : { 成立年度: year })),
  point(100, {}),
  point(101, { 設立年度: '不詳' }),
  point(102, { 設立年度: '2021' }, 'welfare-center'),
];
const index = buildDataset(resources, { categories: manifest.categories, serviceTags: manifest.serviceTags });

describe('start years', () => {
  it('reads 設立年度 and its synonyms from the extra columns', () => {
    expect(startYearOf(resources[0] as Resource)).toBe(2020);
    expect(startYearOf(resources[23] as Resource)).toBe(2021);
    expect(startYearOf(point(0, { START_YEAR: '2019' }))).toBe(2019);
    expect(startYearOf(point(0, { 備註: '2019' }))).toBeNull();
  });

  it('finds the range of years in the data', () => {
    expect(yearRangeOf(startYears(resources))).toEqual({ min: 2020, max: 2023, withYear: 38 });
    expect(yearRangeOf(startYears([point(0, {})]))).toBeNull();
  });

  it.each([
    ['no years', [0, 0], null],
    ['one year', [0, 1998, 0], { min: 1998, max: 1998, withYear: 1 }],
    ['years in any order', [2023, 0, 1987, 2001], { min: 1987, max: 2023, withYear: 3 }],
  ])('gives the range of start years by index: %s', (_, years, range) => {
    expect(yearRangeOf(Int32Array.from(years))).toEqual(range);
  });

  it.each([
    [2019, 0],
    [2020, 22],
    [2021, 32],
    [2022, 35],
    [2023, 37],
  ])('as of %i the care points number %i', (year, count) => {
    const result = filterAsOfYear(index, { ...NO_FILTERS, hiddenCategories: ['welfare-center'] }, year);
    expect(result.visible).toHaveLength(count);
    expect(result.categoryCounts['care-point'] ?? 0).toBe(count);
    // Records that do not say when they started are left out, and counted.
    expect(result.withoutYear).toBe(2);
  });

  it('counts hidden categories for the checkboxes but does not show them', () => {
    const result = filterAsOfYear(index, { ...NO_FILTERS, hiddenCategories: ['welfare-center'] }, 2021);
    expect(result.categoryCounts['welfare-center']).toBe(1);
    expect(result.visible.every((i) => resources[i]?.category === 'care-point')).toBe(true);
  });

  it('applies the other filters first', () => {
    const plain = filterResources(index, { ...NO_FILTERS, query: '據點 1' });
    const asOf = filterAsOfYear(index, { ...NO_FILTERS, query: '據點 1' }, 2023);
    expect(asOf.visible.every((i) => plain.visible.includes(i))).toBe(true);
  });
});
