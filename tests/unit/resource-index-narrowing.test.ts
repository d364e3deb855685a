import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import {
  filterResources,
  NO_FILTERS,
  type ResourceFilters,
} from '../../src/domain/query/filter-resources.ts';
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
