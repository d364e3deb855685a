import { describe, expect, it } from 'vitest';
import { positionColumns } from '../../src/domain/geo/position-columns.ts';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import { displayOrder } from '../../src/domain/query/display-order.ts';
import {
  filterResources,
  NO_FILTERS,
  primeIndex,
  primeSearchTexts,
  type ResourceFilters,
} from '../../src/domain/query/filter-resources.ts';
import { buildSearchColumns, recordText } from '../../src/domain/query/search-columns.ts';
import { sharedDataFile } from './fixture-paths.ts';
import { loadPath, manifest } from './load-context.ts';

// The Taipei care points: 505 real records with 台/臺 mixed, many sharing words.
const taipei = loadPath(sharedDataFile('taipei-community-care-points.csv'), {
  file: 'taipei.csv',
  category: 'care-point',
});
const index = buildDataset(taipei.resources, {
  categories: manifest.categories,
  serviceTags: manifest.serviceTags,
});

const f = (more: Partial<ResourceFilters>): ResourceFilters => ({ ...NO_FILTERS, ...more });

// Each sequence is typed one step at a time; narrowing from the previous step must give the full scan's answer.
const sequences: { name: string; steps: ResourceFilters[] }[] = [
  { name: 'typing a district', steps: [f({ query: '士' }), f({ query: '士林' }), f({ query: '士林區' })] },
  {
    name: 'adding a second term',
    steps: [f({ query: '社區' }), f({ query: '社區 ' }), f({ query: '社區 協會' })],
  },
  { name: '台 then 臺北', steps: [f({ query: '台' }), f({ query: '台北' }), f({ query: '臺北市' })] },
  {
    name: 'deleting a character widens again',
    steps: [f({ query: '大安' }), f({ query: '大' }), f({ query: '' })],
  },
  {
    name: 'changing the area resets the narrowing',
    steps: [f({ query: '據點', town: '士林區' }), f({ query: '據點', town: '' }), f({ query: '據點 關懷' })],
  },
  {
    name: 'hidden categories do not shrink the matches',
    steps: [f({ query: '社', hiddenCategories: ['care-point'] }), f({ query: '社區', hiddenCategories: [] })],
  },
];

describe('filterResources narrowing from the previous run', () => {
  it.each(sequences)('$name', ({ steps }) => {
    let previous: { filters: ResourceFilters; result: ReturnType<typeof filterResources> } | undefined;
    for (const filters of steps) {
      const narrowed = filterResources(index, filters, previous);
      const full = filterResources(index, filters);
      expect(narrowed.visible).toEqual(full.visible);
      expect(narrowed.categoryCounts).toEqual(full.categoryCounts);
      previous = { filters, result: narrowed };
    }
  });

  it('really starts from the previous matches when the query extends', () => {
    const first = filterResources(index, f({ query: '士林' }));
    // A stale previous result proves the scan used it: matches outside it cannot appear.
    const fake = {
      filters: f({ query: '士林' }),
      result: { ...first, matched: first.matched?.slice(0, 3) ?? [] },
    };
    expect(filterResources(index, f({ query: '士林區' }), fake).visible.length).toBeLessThanOrEqual(3);
    expect(filterResources(index, f({ query: '士林區' })).visible.length).toBeGreaterThan(3);
  });
});

describe('work done in the loading worker', () => {
  it('reuses the index parts primed for the very same list only', () => {
    const list = taipei.resources.slice(0, 20);
    const reversed = list.map((_, i) => list.length - 1 - i);
    const texts = list.map((r) => `primed:${r.id}`);
    primeIndex(list, {
      order: reversed,
      columns: buildSearchColumns(list, reversed, manifest.categories, manifest.serviceTags, texts),
      positions: positionColumns(list),
    });
    const primed = buildDataset(list, { categories: manifest.categories, serviceTags: manifest.serviceTags });
    expect(primed.order).toEqual(reversed);
    // Display position 0 is the last record of the list (the order is reversed).
    expect(recordText(primed.columns, 0)).toBe(`primed:${list[19]?.id}`);
    // A new list (e.g. with an import added) is sorted and searched anew, unless the store primes it too.
    const copy = [...list];
    const rebuilt = buildDataset(copy, {
      categories: manifest.categories,
      serviceTags: manifest.serviceTags,
    });
    expect(rebuilt.order).toEqual(displayOrder(copy));
    expect(recordText(rebuilt.columns, 0)).not.toMatch(/^primed:/);
  });

  it('uses search texts primed for the list when it builds the columns itself', () => {
    const list = taipei.resources.slice(0, 20);
    primeSearchTexts(
      list,
      list.map((r) => `primed:${r.id}`),
    );
    const index = buildDataset(list, { categories: manifest.categories, serviceTags: manifest.serviceTags });
    expect(recordText(index.columns, 0)).toBe(`primed:${list[index.order[0] as number]?.id}`);
  });
});
