import { placeKey } from '../geo/gazetteer.ts';
import { type PositionColumns, positionColumns } from '../geo/position-columns.ts';
import type { CategoryConfig, ServiceTagConfig } from '../model/categories.ts';
import { normalizeForSearch } from '../model/normalize-text.ts';
import type { Resource } from '../model/resource.ts';
import { displayOrder } from './display-order.ts';
import type { IndexParts } from './index-parts.ts';
import {
  buildSearchColumns,
  categoryTotalsOf,
  hasAnyTag,
  recordText,
  type SearchColumns,
  tagMask,
  textMatches,
} from './search-columns.ts';

/** Precomputed, read-only view of the resources: a display order and the columns a search scans. */
export interface ResourceIndex {
  readonly resources: readonly Resource[];
  /** Resource indexes sorted by county, town, then name (zh-Hant collation). */
  readonly order: readonly number[];
  /** The resource's index in `resources`, by id. */
  readonly positionOf: (id: string) => number | undefined;
  readonly columns: SearchColumns;
  /** Positions by resource index, as the map and its worker use them. */
  readonly positions: PositionColumns;
  /** How many resources each category code has (what an empty search counts). */
  readonly categoryTotals: Int32Array;
}

/** Search texts computed elsewhere (the loading and import workers), by the exact list they belong to. */
const primedTexts = new WeakMap<readonly Resource[], readonly (string | undefined)[]>();

/**
 * Remembers precomputed own search texts (ownSearchTextBuilder) for this very list, same order, so that the
 * main thread does not normalise 100,000 strings. A missing entry is computed when the index is built.
 */
export function primeSearchTexts(
  resources: readonly Resource[],
  texts: readonly (string | undefined)[],
): void {
  if (texts.length === resources.length) primedTexts.set(resources, texts);
}

/** The own search texts known for this list, by resource index (primed, or read back from primed columns). */
export function primedSearchTexts(
  resources: readonly Resource[],
): readonly (string | undefined)[] | undefined {
  const texts = primedTexts.get(resources);
  if (texts) return texts;
  // Read back from primed columns: the loading worker sends the texts only inside them.
  const parts = primedParts.get(resources);
  const columns = parts?.columns;
  if (!parts || !columns) return undefined;
  const byResource = new Array<string>(resources.length);
  parts.order.forEach((i, k) => {
    byResource[i] = recordText(columns, k);
  });
  primedTexts.set(resources, byResource);
  return byResource;
}

/** Display orders and search columns computed elsewhere (the loading worker), by the exact list they belong to. */
const primedParts = new WeakMap<readonly Resource[], Partial<IndexParts> & Pick<IndexParts, 'order'>>();

/** The index parts primed for this very list (all of them), if any. */
export function primedIndexParts(resources: readonly Resource[]): IndexParts | undefined {
  const parts = primedParts.get(resources);
  return parts?.columns && parts.positions
    ? { order: parts.order, columns: parts.columns, positions: parts.positions }
    : undefined;
}

/**
 * Remembers the display order and the search columns built for this very list with the same configuration
 * (buildSearchColumns), so that the main thread builds nothing when the data arrives.
 */
export function primeIndex(resources: readonly Resource[], parts: IndexParts): void {
  const n = resources.length;
  if (parts.order.length === n && parts.columns.category.length === n && parts.positions.lat.length === n)
    primedParts.set(resources, parts);
}

/** The ids of a list, readable without the records (which a lazy list would have to make): see primeIds. */
const primedIds = new WeakMap<readonly Resource[], () => readonly string[]>();

/**
 * Remembers where this very list's ids can be read without reading its records (the loading worker sends them
 * as one JSON text), so that finding a record by id does not make every record of a lazy list.
 */
export function primeIds(resources: readonly Resource[], ids: () => readonly string[]): void {
  primedIds.set(resources, ids);
}

const primedTotals = new WeakMap<SearchColumns, Int32Array>();

/** Remembers the category totals of these very columns, counted where they were built (the loading worker). */
export function primeCategoryTotals(columns: SearchColumns, totals: Int32Array): void {
  if (totals.length === columns.categoryIds.length) primedTotals.set(columns, totals);
}

/** Builds the display order and search columns once, so each keystroke is a scan of short strings. */
export function buildResourceIndex(
  resources: readonly Resource[],
  categories: readonly CategoryConfig[],
  serviceTags: readonly ServiceTagConfig[],
): ResourceIndex {
  const primed = primedParts.get(resources);
  const order = primed?.order ?? displayOrder(resources);
  const columns =
    primed?.columns ??
    buildSearchColumns(resources, order, categories, serviceTags, primedTexts.get(resources));
  const categoryTotals = primedTotals.get(columns) ?? categoryTotalsOf(columns);
  let byId: Map<string, number> | undefined;
  return {
    resources,
    order,
    columns,
    positions: primed?.positions ?? positionColumns(resources),
    categoryTotals,
    // Built on first use: 100,000 ids cost ~50 ms that loading should not pay.
    positionOf: (id) => {
      if (!byId) {
        byId = new Map();
        const ids = primedIds.get(resources)?.();
        if (ids?.length === resources.length)
          for (let i = 0; i < ids.length; i++) byId.set(ids[i] as string, i);
        else for (let i = 0; i < resources.length; i++) byId.set((resources[i] as Resource).id, i);
      }
      return byId.get(id);
    },
  };
}

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
  index: ResourceIndex,
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
function servicesTest(index: ResourceIndex, wanted: readonly string[]): ((k: number) => boolean) | null {
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
function everything(index: ResourceIndex, hidden: Uint8Array, anyHidden: boolean): FilterResult {
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
