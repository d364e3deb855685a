import { describe, expect, it } from 'vitest';
import { PLACE_NAMES_EN } from '../../../src/domain/geo/place-names-en.ts';
import { buildDataset } from '../../../src/domain/query/dataset.ts';
import {
  type FilterResult,
  filterResources,
  NO_FILTERS,
  type ResourceFilters,
} from '../../../src/domain/query/filter-resources.ts';
import { createQueryReader } from '../../../src/domain/search/query-reader.ts';
import { sharedDataFile } from '../fixture-paths.ts';
import { loadPath, manifest } from '../load-context.ts';

// The Taipei care points: 505 real records with 台/臺 mixed, phone numbers, many sharing words.
const taipei = loadPath(sharedDataFile('taipei-community-care-points.csv'), {
  file: 'taipei.csv',
  category: 'care-point',
});
const index = buildDataset(taipei.resources, manifest);
const reader = createQueryReader({
  categories: manifest.categories,
  serviceTags: manifest.serviceTags,
  abbreviations: manifest.searchAbbreviations,
  recordPlaces: [...index.columns.counties, ...index.columns.towns],
  english: PLACE_NAMES_EN,
});

/** Typed one character at a time, from the first to the whole query. */
const typed = (query: string): ResourceFilters[] =>
  [...query].map((_, i) => ({ ...NO_FILTERS, query: query.slice(0, i + 1) }));

describe('narrowing from the previous run, with phrases, places and phone numbers', () => {
  it.each([
    // Text → place: 士 then 士林 (place short form) then 士林區.
    ['士林區'],
    // English: "shili" is text, "shilin" a place standing for 士林 — its matches are not a subset of "shili"'s.
    ['shilin district'],
    // An abbreviation: 長 → 長照 (長照 | 長期照顧).
    ['長照 士林'],
    // Digits typed one by one become a phone number at the third.
    ['02-2881'],
    // A category phrase: 關 → 關懷 → 關懷據點.
    ['關懷據點'],
    // A typo on the way: 士林照顧關懷據 → …據點.
    ['士林照顧關懷據點'],
  ])('%s', (query) => {
    let previous: { filters: ResourceFilters; result: FilterResult } | undefined;
    for (const filters of typed(query)) {
      const narrowed = filterResources(index, filters, previous, reader);
      const full = filterResources(index, filters, undefined, reader);
      expect(narrowed.visible, filters.query).toEqual(full.visible);
      expect(narrowed.categoryCounts, filters.query).toEqual(full.categoryCounts);
      previous = { filters, result: narrowed };
    }
  });

  it('does not narrow from a corrected run', () => {
    const corrected = filterResources(index, { ...NO_FILTERS, query: '士林照故' }, undefined, reader);
    const next = { ...NO_FILTERS, query: '士林照故關懷' };
    expect(
      filterResources(
        index,
        next,
        { filters: { ...NO_FILTERS, query: '士林照故' }, result: corrected },
        reader,
      ),
    ).toEqual(filterResources(index, next, undefined, reader));
  });

  it('finds the care points by phone number, with or without the area code', () => {
    const withPhone = taipei.resources.find((r) => /^\(?02\)?[\s-]?\d{4}[\s-]?\d{4}/.test(r.phones[0] ?? ''));
    expect(withPhone).toBeDefined();
    const digits = (withPhone?.phones[0] ?? '').replace(/\D/g, '').slice(0, 10);
    for (const query of [digits, digits.slice(2), `${digits.slice(0, 2)}-${digits.slice(2)}`]) {
      const found = filterResources(index, { ...NO_FILTERS, query }, undefined, reader).visible;
      expect(
        found.map((i) => index.resources[i]?.id),
        query,
      ).toContain(withPhone?.id);
    }
  });
});
