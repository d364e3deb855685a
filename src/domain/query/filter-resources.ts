import { placeKey } from '../geo/gazetteer.ts';
import { normalizeForSearch } from '../model/normalize-text.ts';
import type { Resource } from '../model/resource.ts';
import type { SearchTerm } from '../search/parse-query.ts';
import type { Dataset } from './dataset.ts';
import { hasAnyTag, type SearchColumns, tagMask } from './search-columns.ts';
import { prepareTerm, termMatches } from './term-matches.ts';

/** What the person filters by. Everything here is shareable in the URL. */
export interface ResourceFilters {
  /** Categories the person unticked. Hiding (rather than listing what is shown) keeps links valid when categories are added. */
  readonly hiddenCategories: readonly string[];
  /** A resource must offer at least one of these tags (none selected: no constraint). */
  readonly services: readonly string[];
  readonly county: string;
  readonly town: string;
  readonly query: string;
}

export const NO_FILTERS: ResourceFilters = {
  hiddenCategories: [],
  services: [],
  county: '',
  town: '',
  query: '',
};

export interface FilterResult {
  /** Indexes into index.resources, in display order. */
  readonly visible: readonly number[];
  /**
   * Display positions (indexes into index.order) that pass every filter but the category ticks: what a narrowing
   * search starts from. Absent when nothing filters (every position matches).
   */
  readonly matched?: readonly number[];
  /** Per category: how many match every filter but the category ticks (what a checkbox would add). */
  readonly categoryCounts: Readonly<Record<string, number>>;
  /**
   * Nothing matched the query as typed; these results are for this query instead, one wrong character put
   * right (您是不是要找…), normalised, words one space apart.
   */
  readonly correction?: string;
}

/** A previous filter run whose matches a narrower search can start from. */
export interface PreviousFilterRun {
  readonly filters: ResourceFilters;
  readonly result: FilterResult;
}

/**
 * How a query is read beyond its words: known phrases (aliases, abbreviations, places in Chinese and English),
 * phone numbers, one wrong character, ranking (domain/search/query-reader.ts, loaded on demand). Without one,
 * a query is read word by word, as typed.
 */
export interface QueryReader {
  terms(query: string): readonly SearchTerm[];
  /** The query with one wrong character put right, when its terms find nothing (see typo-correction.ts). */
  correction(
    query: string,
    terms: readonly SearchTerm[],
    columns: SearchColumns,
    matchCount: (term: SearchTerm) => number,
  ): { readonly query: string; readonly terms: readonly SearchTerm[] } | null;
  /** The matches (display positions, ascending), best first. */
  rank(columns: SearchColumns, matched: readonly number[], terms: readonly SearchTerm[]): readonly number[];
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Whether the new terms can only match a subset of what the previous run matched: same area and services, and
 * each previous term implied by a new one (every alternative of the new term holds one of the old term's:
 * typing 民 → 民雄 → 民雄 餐), so the scan can start from the old matches. Not from a corrected run.
 */
function narrows(
  previous: PreviousFilterRun,
  next: ResourceFilters,
  terms: readonly SearchTerm[],
  read: TermsOf,
) {
  const before = previous.filters;
  return (
    previous.result.correction === undefined &&
    before.county === next.county &&
    before.town === next.town &&
    sameList(before.services, next.services) &&
    read(before.query).every((p) =>
      terms.some((n) => n.alternatives.every((a) => p.alternatives.some((b) => a.includes(b)))),
    )
  );
}

type TermsOf = (query: string) => readonly SearchTerm[];

// Control characters are dropped: the record texts use one (U+0001) between fields.
const searchKey = (query: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  normalizeForSearch(query.replace(/[\s　]+/g, '\u0000').replace(/[\u0001-\u001f\u007f]/g, ''));

/** The search terms of a query, normalised; a record must contain every one. */
export function searchTerms(query: string): string[] {
  return searchKey(query)
    .split('\u0000')
    .filter((t) => t !== '');
}

/** A query read word by word, as typed (before the query reader has loaded, or where none is given). */
const wordsAsTyped: TermsOf = (query) =>
  searchTerms(query).map((text) => ({ text, kind: 'text', alternatives: [text], places: [] }));

/** A code for a place name, or -1 when no record has it (nothing can match). */
const placeCode = (names: readonly string[], name: string) => names.indexOf(name);

/**
 * The visible indexes and per-category counts. One pass over flat columns — or over the previous matches when
 * the new filters narrow them — which keeps each keystroke cheap at 100,000 resources. With a query reader, a
 * query that finds nothing is tried once more with one wrong character put right (result.correction).
 */
export function filterResources(
  index: Dataset,
  filters: ResourceFilters,
  previous?: PreviousFilterRun,
  reader?: QueryReader,
): FilterResult {
  const { columns, order } = index;
  const hidden = new Uint8Array(columns.categoryIds.length);
  for (const id of filters.hiddenCategories) {
    const code = columns.categoryIds.indexOf(id);
    if (code >= 0) hidden[code] = 1;
  }
  const read: TermsOf = reader ? (q) => reader.terms(q) : wordsAsTyped;
  const terms = read(filters.query);
  const countyName = placeKey(filters.county);
  const townName = placeKey(filters.town);
  const unfiltered = !countyName && !townName && filters.services.length === 0 && terms.length === 0;
  if (unfiltered) return everything(index, hidden, filters.hiddenCategories.length > 0);

  const county = countyName ? placeCode(columns.counties, countyName) : -2;
  const town = townName ? placeCode(columns.towns, townName) : -2;
  if (county === -1 || town === -1) return { visible: [], matched: [], categoryCounts: {} };
  const services = servicesTest(index, filters.services);
  const inArea = (k: number) =>
    (county < 0 || columns.county[k] === county) &&
    (town < 0 || columns.town[k] === town) &&
    (!services || services(k));
  const startFrom =
    previous?.result.matched && narrows(previous, filters, terms, read) ? previous.result.matched : null;
  let found = terms;
  let matched = matchedPositions(columns, found, startFrom, inArea);
  let correction: string | undefined;
  if (matched.length === 0 && terms.length > 0 && reader) {
    const matchCount = (term: SearchTerm) => termMatches(columns, prepareTerm(columns, term), null).length;
    const corrected = reader.correction(filters.query, terms, columns, matchCount);
    const retried = corrected ? matchedPositions(columns, corrected.terms, null, inArea) : [];
    if (corrected && retried.length > 0) {
      found = corrected.terms;
      matched = retried;
      correction = corrected.query;
    }
  }
  const counts = new Int32Array(columns.categoryIds.length);
  for (const k of matched) {
    const code = columns.category[k] as number;
    counts[code] = (counts[code] as number) + 1;
  }
  const visible: number[] = [];
  for (const k of reader ? reader.rank(columns, matched, found) : matched)
    if (hidden[columns.category[k] as number] !== 1) visible.push(order[k] as number);
  return {
    visible,
    matched,
    categoryCounts: countsByCategory(columns, counts),
    ...(correction !== undefined ? { correction } : {}),
  };
}

/** The display positions (ascending) that match every term and lie in the area, among `within` (null: all). */
function matchedPositions(
  columns: SearchColumns,
  terms: readonly SearchTerm[],
  within: readonly number[] | null,
  inArea: (k: number) => boolean,
): number[] {
  let running = within;
  for (const term of terms) running = termMatches(columns, prepareTerm(columns, term), running);
  const matched: number[] = [];
  if (running) {
    for (const k of running) if (inArea(k)) matched.push(k);
  } else {
    for (let k = 0; k < columns.category.length; k++) if (inArea(k)) matched.push(k);
  }
  return matched;
}

/** The services filter as a test on a display position, or null when it does not filter. */
function servicesTest(index: Dataset, wanted: readonly string[]): ((k: number) => boolean) | null {
  if (wanted.length === 0) return null;
  const { columns } = index;
  const mask = tagMask(columns, (bit) => wanted.includes(columns.tagIds[bit] as string));
  const unconfigured = new Set(wanted.filter((s) => !columns.tagIds.includes(s)));
  return (k) =>
    hasAnyTag(columns, k, mask) ||
    (unconfigured.size > 0 &&
      (index.resources[index.order[k] as number] as Resource).services.some((s) => unconfigured.has(s)));
}

/** No search, area or services: every record matches, so only the category ticks apply. */
function everything(index: Dataset, hidden: Uint8Array, anyHidden: boolean): FilterResult {
  const { columns, order } = index;
  const categoryCounts = countsByCategory(columns, index.categoryTotals);
  if (!anyHidden) return { visible: order, categoryCounts };
  const visible: number[] = [];
  for (let k = 0; k < order.length; k++)
    if (hidden[columns.category[k] as number] !== 1) visible.push(order[k] as number);
  return { visible, categoryCounts };
}

function countsByCategory(columns: SearchColumns, counts: Int32Array): Record<string, number> {
  const out: Record<string, number> = {};
  columns.categoryIds.forEach((id, code) => {
    if ((counts[code] as number) > 0) out[id] = counts[code] as number;
  });
  return out;
}
