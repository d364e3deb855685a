import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeKey } from '../../src/domain/geo/gazetteer.ts';
import { normalizeForSearch } from '../../src/domain/model/normalize-text.ts';
import { searchDigits } from '../../src/domain/model/phone.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import type { Dataset } from '../../src/domain/query/dataset.ts';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import {
  filterResources,
  NO_FILTERS,
  type ResourceFilters,
  searchTerms,
} from '../../src/domain/query/filter-resources.ts';
import { sharedDataFile } from './fixture-paths.ts';
import { loadPath, manifest } from './load-context.ts';

/**
 * The column-based filter must answer exactly as the obvious definition: a record matches when it is in the area,
 * offers one of the services, and each search term appears in one of its fields or in the name or an alias of its
 * category or of one of its services, in either language, or in the digits of one of its phone numbers.
 */
function referenceFilter(index: Dataset, filters: ResourceFilters) {
  const label = (
    list: readonly { id: string; label: { zh: string; en: string }; aliases?: readonly string[] }[],
    id: string,
  ) => {
    const item = list.find((x) => x.id === id);
    return item ? [item.label.zh, item.label.en, ...(item.aliases ?? [])] : [id];
  };
  const fields = (r: Resource) =>
    [
      r.name,
      r.address,
      r.county,
      r.town,
      r.village ?? '',
      ...label(manifest.categories, r.category),
      ...r.services.flatMap((s) => label(manifest.serviceTags, s)),
      ...(r.phones ?? []).map(searchDigits),
    ].map(normalizeForSearch);
  const terms = searchTerms(filters.query);
  const county = placeKey(filters.county);
  const town = placeKey(filters.town);
  const matched = index.order.filter((i) => {
    const r = index.resources[i] as Resource;
    if (county && r.county !== county) return false;
    if (town && r.town !== town) return false;
    if (filters.services.length > 0 && !r.services.some((s) => filters.services.includes(s))) return false;
    const texts = fields(r);
    return terms.every((t) => texts.some((text) => text.includes(t)));
  });
  const categoryCounts: Record<string, number> = {};
  for (const i of matched) {
    const category = (index.resources[i] as Resource).category;
    categoryCounts[category] = (categoryCounts[category] ?? 0) + 1;
  }
  const visible = matched.filter(
    (i) => !filters.hiddenCategories.includes(index.resources[i]?.category ?? ''),
  );
  return { visible, categoryCounts };
}

const taipei = loadPath(sharedDataFile('taipei-community-care-points.csv'), {
  file: 'taipei.csv',
  category: 'care-point',
});
const tainan = loadPath(sharedDataFile('tainan-building-committees.csv'), {
  file: 'tainan.csv',
  category: 'community-association',
  county: '臺南市',
});
// Real records, with a few given other categories and unconfigured services so that every path is exercised.
const resources: Resource[] = [...taipei.resources, ...tainan.resources].map((r, i) => ({
  ...r,
  category:
    i % 7 === 0
      ? (manifest.categories[Math.floor(i / 7) % manifest.categories.length]?.id ?? r.category)
      : r.category,
  services:
    i % 5 === 0
      ? [
          ...r.services,
          manifest.serviceTags[Math.floor(i / 5) % manifest.serviceTags.length]?.id ?? '',
          '送餐到府',
        ]
      : r.services,
}));
const index = buildDataset(resources, { categories: manifest.categories, serviceTags: manifest.serviceTags });

// Query pieces: words from the data, from the labels in both languages, and odd input.
const words = [
  ...resources.slice(0, 60).flatMap((r) => [r.name.slice(0, 2), r.town, r.address.slice(3, 6)]),
  ...manifest.categories.flatMap((c) => [c.label.zh.slice(0, 2), c.label.en.split(' ')[0] ?? '']),
  ...manifest.serviceTags.flatMap((t) => [t.label.zh, t.label.en.toUpperCase()]),
  ...[...manifest.categories, ...manifest.serviceTags].flatMap((item) => item.aliases.slice(0, 2)),
  '台北',
  '臺',
  '送餐',
  'ＡＢＣ',
  '１',
  '',
  ' ',
  '\u0001',
].filter((w) => w !== undefined);
const places = [...new Set(resources.flatMap((r) => [r.county, r.town]))];

const filtersArbitrary = fc.record({
  query: fc.array(fc.constantFrom(...words), { maxLength: 3 }).map((parts) => parts.join(' ')),
  hiddenCategories: fc.subarray(manifest.categories.map((c) => c.id)),
  services: fc.subarray([...manifest.serviceTags.map((t) => t.id), '送餐到府', 'no-such-tag'], {
    maxLength: 3,
  }),
  county: fc.constantFrom('', '', '臺北市', '台北市', '臺南市', '金門縣'),
  town: fc.constantFrom('', '', ...places.slice(0, 30), '不存在區'),
});

describe('filterResources agrees with the plain definition', () => {
  it('for any filters over real records (property)', () => {
    fc.assert(
      fc.property(filtersArbitrary, (filters) => {
        const got = filterResources(index, filters);
        const want = referenceFilter(index, filters);
        expect(got.visible).toEqual(want.visible);
        expect(got.categoryCounts).toEqual(want.categoryCounts);
      }),
      { numRuns: 300 },
    );
  });

  it('when a search narrows the previous one, step by step (property)', () => {
    fc.assert(
      fc.property(filtersArbitrary, fc.constantFrom(...words), (filters, more) => {
        const first = filterResources(index, filters);
        const next = { ...filters, query: `${filters.query}${more}` };
        const narrowed = filterResources(index, next, { filters, result: first });
        expect(narrowed.visible).toEqual(referenceFilter(index, next).visible);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['a category name in Chinese', '友善商店'],
    ['a category name in English, any case', 'FRIENDLY'],
    ['a service name', '餐食'],
    ['two terms', '臺北 關懷'],
  ])('finds records by %s', (_, query) => {
    const got = filterResources(index, { ...NO_FILTERS, query });
    expect(got.visible.length).toBeGreaterThan(0);
    expect(got.visible).toEqual(referenceFilter(index, { ...NO_FILTERS, query }).visible);
  });
});
