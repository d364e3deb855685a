import type { Dataset } from './dataset.ts';
import {
  type FilterResult,
  filterResources,
  type QueryReader,
  type ResourceFilters,
} from './filter-resources.ts';

/**
 * The map and counts "as of" a year: the filters' result, keeping only records that had started by then.
 * Records without a start year are left out (they cannot be placed in time) and counted, so the UI can say so.
 */
export function filterAsOfYear(
  index: Dataset,
  filters: ResourceFilters,
  year: number,
  reader?: QueryReader,
): FilterResult & { readonly withoutYear: number } {
  const everyCategory = filterResources(index, { ...filters, hiddenCategories: [] }, undefined, reader);
  return applyStartYear(index, everyCategory, filters.hiddenCategories, year);
}

/**
 * The year step of filterAsOfYear, given the other filters' result with no category hidden (so that it can be
 * kept while the year slider moves: each step is then one pass over that result).
 */
export function applyStartYear(
  dataset: Dataset,
  everyCategory: FilterResult,
  hiddenCategories: readonly string[],
  year: number,
): FilterResult & { readonly withoutYear: number } {
  const hidden = new Set(hiddenCategories);
  const { resources, startYears: years } = dataset;
  const categoryCounts: Record<string, number> = {};
  const visible: number[] = [];
  let withoutYear = 0;
  for (const i of everyCategory.visible) {
    const r = resources[i];
    if (!r) continue;
    const start = years[i] ?? 0;
    if (start === 0) {
      if (!hidden.has(r.category)) withoutYear++;
      continue;
    }
    if (start > year) continue;
    categoryCounts[r.category] = (categoryCounts[r.category] ?? 0) + 1;
    if (!hidden.has(r.category)) visible.push(i);
  }
  const { correction } = everyCategory;
  return { visible, categoryCounts, withoutYear, ...(correction !== undefined ? { correction } : {}) };
}
