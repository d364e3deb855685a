import type { Resource } from '../../domain/model/resource.ts';
import { type IndexParts, mergeIndexParts } from '../../domain/query/index-parts.ts';
import { knownHasInternal, primeHasInternal } from '../../domain/query/internal-records.ts';
import {
  buildResourceIndex,
  type FilterResult,
  filterResources,
  type PreviousFilterRun,
  primedIndexParts,
  primedSearchTexts,
  primeIndex,
  primeSearchTexts,
  type ResourceFilters,
  type ResourceIndex,
  searchTerms,
} from '../../domain/query/resource-index.ts';
import { applyStartYear, knownStartYears, primeStartYears } from '../../domain/query/start-year.ts';
import type { AppState } from '../app-store.ts';
import { memoizeLast } from '../memoize-last.ts';
import { nearbyFilterResult } from '../nearby/nearby-derived.ts';

const combine = memoizeLast(
  (
    base: readonly Resource[],
    layers: AppState['layers'],
    edits: AppState['edits'],
    deletedIds: AppState['deletedIds'],
  ): readonly Resource[] => {
    if (layers.length === 0 && Object.keys(edits).length === 0 && deletedIds.length === 0) return base;
    const lists = [base, ...layers.map((l) => l.resources)];
    if (Object.keys(edits).length === 0 && deletedIds.length === 0) {
      const ready = takePrepared(lists);
      if (ready) return ready;
      if (disjointIds(lists)) return concatenation(lists);
    }
    const deleted = new Set(deletedIds);
    const seen = new Set<string>();
    const out: Resource[] = [];
    // The search texts the workers computed carry over; an edited record's text is computed anew.
    const texts: (string | undefined)[] = [];
    for (const list of [base, ...layers.map((l) => l.resources)]) {
      const primed = primedSearchTexts(list);
      list.forEach((r, i) => {
        if (deleted.has(r.id) || seen.has(r.id)) return;
        const edited = edits[r.id];
        // An edit with another record's id: this one was merged into that one (an undoable office edit).
        if (edited && edited.id !== r.id) return;
        seen.add(r.id);
        out.push(edited ?? r);
        texts.push(edited ? undefined : primed?.[i]);
      });
    }
    primeSearchTexts(out, texts);
    return out;
  },
);

/** Lists put one after the other, remembered with what is known of each (index parts, years, internal). */
const concatenations = new WeakMap<readonly Resource[], readonly (readonly Resource[])[]>();

function concatenation(lists: readonly (readonly Resource[])[]): readonly Resource[] {
  const out = ([] as Resource[]).concat(...lists);
  concatenations.set(out, lists);
  const years = lists.map(knownStartYears);
  if (years.every((y) => y !== undefined)) {
    const all = new Int32Array(out.length);
    let at = 0;
    for (const y of years) {
      all.set(y, at);
      at += y.length;
    }
    primeStartYears(out, all);
  }
  const internal = lists.map(knownHasInternal);
  if (internal.every((x) => x !== undefined)) primeHasInternal(out, internal.some(Boolean));
  return out;
}

/** Lists put together and indexed ahead of the store update that will show them (see prepareCombination). */
let prepared: {
  readonly lists: readonly (readonly Resource[])[];
  readonly combined: readonly Resource[];
} | null = null;

/**
 * Puts these lists (the default data, then each layer, as the store will hold them) together and merges their
 * index parts now, so that the store update that shows them, in a later task, finds both done: a 100,000-row
 * import lands in two tasks instead of one long one. Returns the combined list, or undefined when ids repeat
 * across the lists (the store then leaves the repeats out itself). Only for lists without edits or deletions;
 * a store that ends up holding other lists works its own out.
 */
export function prepareCombination(
  lists: readonly (readonly Resource[])[],
  manifest: AppState['manifest'],
): readonly Resource[] | undefined {
  prepared = null;
  if (!disjointIds(lists)) return undefined;
  const combined = concatenation(lists);
  mergePrimedParts(combined, lists, manifest);
  prepared = { lists, combined };
  return combined;
}

function takePrepared(lists: readonly (readonly Resource[])[]): readonly Resource[] | undefined {
  const ready = prepared;
  if (!ready || ready.lists.length !== lists.length || !ready.lists.every((l, i) => l === lists[i])) return;
  prepared = null;
  return ready.combined;
}

/** Primes the index of lists put together by merging theirs, when the workers built every one. */
function mergePrimedParts(
  resources: readonly Resource[],
  lists: readonly (readonly Resource[])[],
  manifest: AppState['manifest'],
): boolean {
  const parts = lists.map((list) => primedIndexParts(list));
  if (!parts.every((p) => p !== undefined)) return false;
  const indexed = lists.map((list, i) => ({ resources: list, parts: parts[i] as IndexParts }));
  primeIndex(resources, mergeIndexParts(indexed, manifest?.categories ?? [], manifest?.serviceTags ?? []));
  return true;
}

/** Lists known to share no id with others (see primeDisjointIds), by list. */
const disjointFrom = new WeakMap<readonly Resource[], WeakSet<readonly Resource[]>>();

/**
 * Remembers that no id of `list` is in any of `others`: the import worker made an import's ids unique against the
 * records on show, so putting them together need not look for repeats among 100,000 ids again.
 */
export function primeDisjointIds(list: readonly Resource[], others: readonly (readonly Resource[])[]): void {
  const known = disjointFrom.get(list) ?? new WeakSet();
  for (const other of others) known.add(other);
  disjointFrom.set(list, known);
}

const knownDisjoint = (a: readonly Resource[], b: readonly Resource[]) =>
  disjointFrom.get(a)?.has(b) === true || disjointFrom.get(b)?.has(a) === true;

/** Whether no id appears in two of the lists (then putting them together drops nothing). */
function disjointIds(lists: readonly (readonly Resource[])[]): boolean {
  for (let a = 0; a < lists.length; a++) {
    for (let b = a + 1; b < lists.length; b++) {
      if (knownDisjoint(lists[a] as readonly Resource[], lists[b] as readonly Resource[])) continue;
      const [small, large] = [lists[a] as readonly Resource[], lists[b] as readonly Resource[]].sort(
        (x, y) => x.length - y.length,
      ) as [readonly Resource[], readonly Resource[]];
      // A set of the smaller list's ids, probed with the larger's: no 100,000-entry set for an import.
      const ids = new Set(small.map((r) => r.id));
      if (ids.size > 0) for (const r of large) if (ids.has(r.id)) return false;
    }
  }
  return true;
}

/** Every resource on show: the default data, then each layer, with edits applied and deletions left out. */
export const selectResources = (s: AppState): readonly Resource[] =>
  combine(s.resources, s.layers, s.edits, s.deletedIds);

const indexOf = memoizeLast((resources: readonly Resource[], manifest: AppState['manifest']) => {
  const categories = manifest?.categories ?? [];
  const serviceTags = manifest?.serviceTags ?? [];
  // Lists put together whose parts the workers built: merged, not rebuilt (a 100,000-row import lands at once),
  // unless that was done ahead (prepareCombination).
  const lists = concatenations.get(resources);
  if (lists && !primedIndexParts(resources) && !mergePrimedParts(resources, lists, manifest)) {
    primeSearchTexts(
      resources,
      lists.flatMap((list) => primedSearchTexts(list) ?? list.map(() => undefined)),
    );
  }
  return buildResourceIndex(resources, categories, serviceTags);
});
// Keeps the previous run so that a search typed one character at a time scans only the previous matches, and
// the last few results so that Backspace shows one again without a scan.
let lastFilterRun: (PreviousFilterRun & { readonly index: ResourceIndex }) | null = null;
const recentResults = new Map<string, FilterResult>();
const RECENT_RESULTS = 16;
const filterKey = (f: ResourceFilters) =>
  JSON.stringify([f.hiddenCategories, f.services, f.county, f.town, searchTerms(f.query)]);
const filterOf = memoizeLast((index: ResourceIndex, filters: ResourceFilters): FilterResult => {
  if (lastFilterRun?.index !== index) recentResults.clear();
  const key = filterKey(filters);
  const result =
    recentResults.get(key) ??
    filterResources(index, filters, lastFilterRun?.index === index ? lastFilterRun : undefined);
  recentResults.delete(key);
  recentResults.set(key, result);
  if (recentResults.size > RECENT_RESULTS) recentResults.delete(recentResults.keys().next().value as string);
  lastFilterRun = { index, filters, result };
  return result;
});
// With a year, the other filters' result (every category) is kept while the slider moves; each step is one pass.
const everyCategoryOf = memoizeLast(
  (index: ResourceIndex, query: string, services: readonly string[], county: string, town: string) =>
    filterResources(index, { hiddenCategories: [], query, services, county, town }),
);
const asOfYearOf = memoizeLast(applyStartYear);
const filterAsOf = (index: ResourceIndex, f: AppState['filters'], year: number) =>
  asOfYearOf(
    index.resources,
    everyCategoryOf(index, f.query, f.services, f.county, f.town),
    f.hiddenCategories,
    year,
  );

/** The search index over all resources. */
export const selectResourceIndex = (s: AppState): ResourceIndex => indexOf(selectResources(s), s.manifest);

/** Visible resource indexes and per-category counts for the current filters (nearest first near a point). */
export const selectFilterResult = (s: AppState): FilterResult =>
  nearbyFilterResult(s, selectResourceIndex(s)) ??
  (s.asOfYear === null
    ? filterOf(selectResourceIndex(s), s.filters)
    : filterAsOf(selectResourceIndex(s), s.filters, s.asOfYear));

/** The selected resource, if it still exists. */
export const selectSelectedResource = (s: AppState): Resource | null => {
  if (!s.selectedId) return null;
  const index = selectResourceIndex(s);
  const position = index.positionOf(s.selectedId);
  return position === undefined ? null : (index.resources[position] ?? null);
};

/** Category config by id. */
export const selectCategory = (s: AppState, id: string) => s.manifest?.categories.find((c) => c.id === id);

const NONE: readonly never[] = [];
/** Configured categories (a stable empty list before the manifest loads). */
export const selectCategories = (s: AppState) => s.manifest?.categories ?? NONE;
/** Configured service tags (a stable empty list before the manifest loads). */
export const selectServiceTags = (s: AppState) => s.manifest?.serviceTags ?? NONE;
