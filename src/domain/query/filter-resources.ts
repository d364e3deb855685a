import { placeKey } from '../geo/gazetteer.ts';
import { normalizeForSearch } from '../model/normalize-text.ts';
import type { Resource } from '../model/resource.ts';
import type { Dataset } from './dataset.ts';
import { hasAnyTag, recordText, type SearchColumns, tagMask, textMatches } from './search-columns.ts';

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
}

/** A previous filter run whose matches a narrower search can start from. */
export interface PreviousFilterRun {
  readonly filters: ResourceFilters;
  readonly result: FilterResult;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Whether `next` can only match a subset of what `previous` matched: same area and services, and a query that
 * extends the old one (typing 民 → 民雄 → 民雄 餐), so the scan can start from the old matches.
 */
function narrows(previous: ResourceFilters, next: ResourceFilters): boolean {
  return (
    previous.county === next.county &&
    previous.town === next.town &&
    sameList(previous.services, next.services) &&
    searchKey(next.query).startsWith(searchKey(previous.query))
  );
}

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

/** One search term, prepared: the categories and configured tags whose names contain it. */
interface PreparedTerm {
  readonly text: string;
  readonly categories: Uint8Array;
  readonly tags: Uint32Array;
  readonly anyTag: boolean;
}

function prepareTerm(columns: SearchColumns, text: string): PreparedTerm {
  const categories = new Uint8Array(columns.categoryIds.length);
  columns.categoryIds.forEach((id, code) => {
    const label = columns.categoryLabels[code] || normalizeForSearch(id);
    if (label.includes(text)) categories[code] = 1;
  });
  const tags = tagMask(columns, (bit) => (columns.tagLabels[bit] as string).includes(text));
  return { text, categories, tags, anyTag: tags.some((w) => w !== 0) };
}

/** A code for a place name, or -1 when no record has it (nothing can match). */
const placeCode = (names: readonly string[], name: string) => names.indexOf(name);

/**
 * The visible indexes and per-category counts. One pass over flat columns — or over the previous matches when
 * the new filters narrow them — which keeps each keystroke cheap at 100,000 resources.
 */
export function filterResources(
  index: Dataset,
  filters: ResourceFilters,
  previous?: PreviousFilterRun,
): FilterResult {
  const { columns, order } = index;
  const hidden = new Uint8Array(columns.categoryIds.length);
  for (const id of filters.hiddenCategories) {
    const code = columns.categoryIds.indexOf(id);
    if (code >= 0) hidden[code] = 1;
  }
  const terms = searchTerms(filters.query).map((t) => prepareTerm(columns, t));
  const countyName = placeKey(filters.county);
  const townName = placeKey(filters.town);
  const unfiltered = !countyName && !townName && filters.services.length === 0 && terms.length === 0;
  if (unfiltered) return everything(index, hidden, filters.hiddenCategories.length > 0);

  const county = countyName ? placeCode(columns.counties, countyName) : -2;
  const town = townName ? placeCode(columns.towns, townName) : -2;
  if (county === -1 || town === -1) return { visible: [], matched: [], categoryCounts: {} };
  const services = servicesTest(index, filters.services);
  // Sorted display positions still in the running; null: all of them.
  let within: readonly number[] | null =
    previous?.result.matched && narrows(previous.filters, filters) ? previous.result.matched : null;
  for (const term of terms) within = termMatches(columns, term, within);
  const matched: number[] = [];
  const visible: number[] = [];
  const counts = new Int32Array(columns.categoryIds.length);
  const take = (k: number) => {
    if (county >= 0 && columns.county[k] !== county) return;
    if (town >= 0 && columns.town[k] !== town) return;
    if (services && !services(k)) return;
    const code = columns.category[k] as number;
    matched.push(k);
    counts[code] = (counts[code] as number) + 1;
    if (hidden[code] !== 1) visible.push(order[k] as number);
  };
  if (within) for (const k of within) take(k);
  else for (let k = 0; k < order.length; k++) take(k);
  return { visible, matched, categoryCounts: countsByCategory(columns, counts) };
}

/**
 * The positions, among `within` (null: all), that match one term: by their own text, or by the name of their
 * category or of one of their services. Many positions: one native search over all the text; few: each tested.
 */
function termMatches(columns: SearchColumns, term: PreparedTerm, within: readonly number[] | null): number[] {
  const byLabel = term.anyTag || term.categories.includes(1);
  const n = columns.category.length;
  if (within && within.length <= n / 16) {
    return within.filter(
      (k) => (byLabel && labelled(columns, term, k)) || recordText(columns, k).includes(term.text),
    );
  }
  const byText = textMatches(columns, term.text);
  if (!byLabel) return within ? intersectSorted(within, byText) : byText;
  const marks = new Uint8Array(n);
  for (const k of byText) marks[k] = 1;
  const out: number[] = [];
  if (within) {
    for (const k of within) if (marks[k] === 1 || labelled(columns, term, k)) out.push(k);
  } else {
    for (let k = 0; k < n; k++) if (marks[k] === 1 || labelled(columns, term, k)) out.push(k);
  }
  return out;
}

const labelled = (columns: SearchColumns, term: PreparedTerm, k: number) =>
  term.categories[columns.category[k] as number] === 1 || (term.anyTag && hasAnyTag(columns, k, term.tags));

/** The common elements of two ascending lists. */
function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
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
