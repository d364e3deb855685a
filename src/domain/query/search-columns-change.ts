import type { Resource } from '../model/resource.ts';
import type { DatasetConfig } from './dataset.ts';
import { categoryLabelsOf, ownSearchTextBuilder, type SearchColumns } from './search-columns.ts';
import { textInserted, textRemoved, textReplaced } from './text-pieces.ts';

/** One record as the search columns hold it: its own text, its category and place, its service tags. */
export interface SearchEntry {
  readonly text: string;
  readonly category: string;
  readonly county: string;
  readonly town: string;
  /** The configured service tags it has, as bits (the columns' layout, tagWords words). */
  readonly tagBits: Uint32Array;
}

/** The search entry of a record, with the configuration the columns were built with. */
export function searchEntryOf(record: Resource, config: DatasetConfig): SearchEntry {
  const tagWords = Math.ceil(config.serviceTags.length / 32);
  const tagBits = new Uint32Array(tagWords);
  config.serviceTags.forEach((tag, bit) => {
    if (record.services.includes(tag.id))
      tagBits[bit >>> 5] = (tagBits[bit >>> 5] as number) | (1 << (bit & 31));
  });
  return {
    text: ownSearchTextBuilder(config.serviceTags)(record),
    category: record.category,
    county: record.county,
    town: record.town,
    tagBits,
  };
}

/**
 * The columns with the entry at display position k (those from k on move up one): each typed column copied
 * once, the text cut in one piece. A category, county or town the columns have not met gets a new code.
 */
export function columnsWith(
  columns: SearchColumns,
  k: number,
  entry: SearchEntry,
  config: DatasetConfig,
): SearchColumns {
  const n = columns.category.length;
  const codes = codesWith(columns, entry, config);
  const { tagWords } = columns;
  const tagBits = new Uint32Array((n + 1) * tagWords);
  tagBits.set(columns.tagBits.subarray(0, k * tagWords));
  tagBits.set(entry.tagBits.subarray(0, tagWords), k * tagWords);
  tagBits.set(columns.tagBits.subarray(k * tagWords), (k + 1) * tagWords);
  return {
    ...columns,
    ...codes,
    ...textInserted(columns, k, entry.text),
    category: inserted(columns.category, k, codes.categoryIds.indexOf(entry.category)),
    tagBits,
    county: inserted(columns.county, k, codes.counties.indexOf(entry.county)),
    town: inserted(columns.town, k, codes.towns.indexOf(entry.town)),
  };
}

/**
 * The columns with the entry at display position k in place of the one there (a record that stays where it is
 * in the list): the text is cut in one piece, the typed columns copied once.
 */
export function columnsReplaced(
  columns: SearchColumns,
  k: number,
  entry: SearchEntry,
  config: DatasetConfig,
): SearchColumns {
  const codes = codesWith(columns, entry, config);
  const { tagWords } = columns;
  const sameTags = entry.tagBits.every((bits, w) => columns.tagBits[k * tagWords + w] === bits);
  const tagBits = sameTags ? columns.tagBits : columns.tagBits.slice();
  if (!sameTags) tagBits.set(entry.tagBits.subarray(0, tagWords), k * tagWords);
  // A column whose value stays is kept as it is (a correction of a phone number copies none of them).
  const replaced = <T extends Uint16Array | Uint32Array>(array: T, value: number): T => {
    if (array[k] === value) return array;
    const out = array.slice() as T;
    out[k] = value;
    return out;
  };
  return {
    ...columns,
    ...codes,
    ...textReplaced(columns, k, entry.text),
    category: replaced(columns.category, codes.categoryIds.indexOf(entry.category)),
    tagBits,
    county: replaced(columns.county, codes.counties.indexOf(entry.county)),
    town: replaced(columns.town, codes.towns.indexOf(entry.town)),
  };
}

/** The columns without display position k (those after it move down one). Codes stay as they are. */
export function columnsWithout(columns: SearchColumns, k: number): SearchColumns {
  const n = columns.category.length;
  const { tagWords } = columns;
  const tagBits = new Uint32Array((n - 1) * tagWords);
  tagBits.set(columns.tagBits.subarray(0, k * tagWords));
  tagBits.set(columns.tagBits.subarray((k + 1) * tagWords), k * tagWords);
  return {
    ...columns,
    ...textRemoved(columns, k),
    category: removed(columns.category, k),
    tagBits,
    county: removed(columns.county, k),
    town: removed(columns.town, k),
  };
}

/** The columns' code tables with the entry's category, county and town in them (new ones get the next code). */
function codesWith(columns: SearchColumns, entry: SearchEntry, config: DatasetConfig) {
  const categoryIds = withValue(columns.categoryIds, entry.category);
  return {
    categoryIds,
    categoryLabels:
      categoryIds === columns.categoryIds
        ? columns.categoryLabels
        : categoryLabelsOf(categoryIds, config.categories),
    counties: withValue(columns.counties, entry.county),
    towns: withValue(columns.towns, entry.town),
  };
}

/** The values with `value` last, unless it is there already (then the same array). */
function withValue(values: readonly string[], value: string): readonly string[] {
  return values.includes(value) ? values : [...values, value];
}

function inserted<T extends Uint16Array | Uint32Array>(array: T, k: number, value: number): T {
  const out = new (array.constructor as new (n: number) => T)(array.length + 1);
  out.set(array.subarray(0, k));
  out[k] = value;
  out.set(array.subarray(k), k + 1);
  return out;
}

function removed<T extends Uint16Array | Uint32Array>(array: T, k: number): T {
  const out = new (array.constructor as new (n: number) => T)(array.length - 1);
  out.set(array.subarray(0, k));
  out.set(array.subarray(k + 1), k);
  return out;
}
