import type { Resource } from '../../domain/model/resource.ts';
import { applyStartYear } from '../../domain/query/as-of-year.ts';
import {
  buildDataset,
  type Dataset,
  type DatasetConfig,
  EMPTY_DATASET,
  indexOfId,
  sharesAnId,
} from '../../domain/query/dataset.ts';
import {
  type FilterResult,
  filterResources,
  type PreviousFilterRun,
  type QueryReader,
  type ResourceFilters,
} from '../../domain/query/filter-resources.ts';
import { residentOrder, residentRanks } from '../../domain/query/resident-order.ts';
import { type Shown, type ShownSources, showDataset } from '../../domain/query/shown-dataset.ts';
import type { SearchEngine } from '../../domain/search/search-engine.ts';
import type { AppState } from '../app-store.ts';
import { searchEngine } from '../filters/search-engine.ts';
import { memoizeLast } from '../memoize-last.ts';
import { nearbyFilterResult } from '../nearby/nearby-derived.ts';

const NO_CONFIG: DatasetConfig = { categories: [], serviceTags: [] };
const configOf = (manifest: AppState['manifest']): DatasetConfig => manifest ?? NO_CONFIG;

/**
 * The dataset last shown and what it was made from. Like any memoized selector it is only ever a shortcut: the
 * next sources are compared with these, and what changed (one edit, one deletion, a workshop addition) is
 * applied to the last dataset instead of indexing every record again.
 */
let lastShown: (Shown & { readonly config: DatasetConfig })[] = [];
/**
 * Two are kept: an import merges its records with those on show in one task and shows them in the next, and
 * the page may draw the current state in between.
 */
const KEPT = 2;

const sameSources = (a: ShownSources, b: ShownSources) =>
  a.base === b.base &&
  a.edits === b.edits &&
  a.deletedIds === b.deletedIds &&
  a.layers.length === b.layers.length &&
  a.layers.every((l, i) => l.id === b.layers[i]?.id && l.dataset === b.layers[i]?.dataset);

/**
 * The default data under a shared map. Once the county's document holds the office's upload of today's records
 * (its default-data mark), that document is the map and the default data steps aside — else the first of two
 * equal ids, the default's, would win. Before the upload the default data stays on show, without the records the
 * county's document already holds (a correction the office made or approved before uploading).
 */
const baseUnderSharedMap = memoizeLast(
  (base: Dataset, county: Dataset | null, uploaded: boolean, config: DatasetConfig): Dataset => {
    if (uploaded) return EMPTY_DATASET;
    if (!county || !sharesAnId(base.resources, county.resources)) return base;
    const held = new Set(county.resources.map((r) => r.id));
    return buildDataset(
      base.resources.filter((r) => !held.has(r.id)),
      config,
    );
  },
);

/**
 * Every resource on show, indexed: the default data, then each layer, with edits applied and deletions left
 * out (see showDataset).
 */
export const selectDataset = (s: AppState): Dataset => {
  const config = configOf(s.manifest);
  const county = s.layers.find((l) => l.kind === 'shared' && l.id.startsWith('county/')) ?? null;
  const base = county
    ? baseUnderSharedMap(s.base, county.dataset, s.sharedDocs[county.id]?.defaultData != null, config)
    : s.base;
  const sources: ShownSources = { base, layers: s.layers, edits: s.edits, deletedIds: s.deletedIds };
  const known = lastShown.find((l) => l.config === config && sameSources(l.sources, sources));
  if (known) return known.dataset;
  const previous = lastShown.find((l) => l.config === config) ?? null;
  const started = performance.now();
  const dataset = showDataset(previous, sources, config);
  // The benchmark reads how long the dataset on show took to follow a change (performance.getEntriesByName).
  if (previous) performance.measure('crm:dataset-update', { start: started });
  lastShown = [{ sources, dataset, config }, ...lastShown].slice(0, KEPT);
  return dataset;
};

/** Every resource on show (see selectDataset). */
export const selectResources = (s: AppState): readonly Resource[] => selectDataset(s).resources;

// One reader per configuration and dataset: its vocabulary holds the records' place names.
const queryReaderOf = memoizeLast(
  (
    create: SearchEngine['createQueryReader'],
    english: SearchEngine['placeNamesEn'],
    manifest: NonNullable<AppState['manifest']>,
    counties: readonly string[],
    towns: readonly string[],
  ) =>
    create({
      categories: manifest.categories,
      serviceTags: manifest.serviceTags,
      abbreviations: manifest.searchAbbreviations,
      recordPlaces: [...counties, ...towns],
      english,
    }),
);

/**
 * How queries are read (phrases, places in Chinese and English, phone numbers, typos, ranking) once the search
 * engine has loaded; null before (a query is then read word by word).
 */
export const selectQueryReader = (s: AppState): QueryReader | null => {
  const engine = s.searchReady ? searchEngine() : null;
  if (!engine || !s.manifest) return null;
  const { columns } = selectDataset(s);
  return queryReaderOf(
    engine.createQueryReader,
    engine.placeNamesEn,
    s.manifest,
    columns.counties,
    columns.towns,
  );
};

/**
 * The last filter run: a search typed one character at a time scans only the previous matches (filterResources
 * is handed it when the dataset and the query reader are the same).
 */
let lastFilterRun:
  | (PreviousFilterRun & { readonly dataset: Dataset; readonly reader: QueryReader | null })
  | null = null;

function filterOf(dataset: Dataset, filters: ResourceFilters, reader: QueryReader | null): FilterResult {
  const previous =
    lastFilterRun?.dataset === dataset && lastFilterRun.reader === reader ? lastFilterRun : null;
  if (previous?.filters === filters) return previous.result;
  const result = filterResources(dataset, filters, previous ?? undefined, reader ?? undefined);
  lastFilterRun = { dataset, filters, result, reader };
  return result;
}

// With a year, the other filters' result (every category) is kept while the slider moves; each step is one pass.
const everyCategoryOf = memoizeLast(
  (
    dataset: Dataset,
    query: string,
    services: readonly string[],
    county: string,
    town: string,
    reader: QueryReader | null,
  ) =>
    filterResources(
      dataset,
      { hiddenCategories: [], query, services, county, town },
      undefined,
      reader ?? undefined,
    ),
);
const asOfYearOf = memoizeLast(applyStartYear);
const filterAsOf = (dataset: Dataset, f: AppState['filters'], year: number, reader: QueryReader | null) =>
  asOfYearOf(
    dataset,
    everyCategoryOf(dataset, f.query, f.services, f.county, f.town, reader),
    f.hiddenCategories,
    year,
  );

// By the parts the ranks are read from: a correction that leaves the display order, the places and the sample
// marks as they were keeps the ranks, the resident's list, and with them the list's rows and the map's clusters.
const residentRanksOf = memoizeLast(
  (
    order: Dataset['order'],
    county: Dataset['columns']['county'],
    counties: Dataset['columns']['counties'],
    samples: Dataset['samples'],
    deployment: string,
  ) => residentRanks({ order, columns: { county, counties }, samples }, deployment),
);
const residentOrderOf = memoizeLast(residentOrder);
const withVisibleOf = memoizeLast(
  (result: FilterResult, visible: readonly number[]): FilterResult =>
    visible === result.visible ? result : { ...result, visible },
);

/**
 * Visible resource indexes and per-category counts for the current filters: nearest first near a point; for a
 * search, by relevance; otherwise a resident's order — the deployment county's real records, other real records,
 * then samples.
 */
export const selectFilterResult = (s: AppState): FilterResult => {
  const dataset = selectDataset(s);
  const reader = selectQueryReader(s);
  const near = nearbyFilterResult(s, dataset, reader);
  if (near) return near;
  const result =
    s.asOfYear === null
      ? filterOf(dataset, s.filters, reader)
      : filterAsOf(dataset, s.filters, s.asOfYear, reader);
  if (s.filters.query.trim() !== '') return result;
  const { order, columns, samples } = dataset;
  const ranks = residentRanksOf(order, columns.county, columns.counties, samples, s.manifest?.county ?? '');
  return withVisibleOf(result, residentOrderOf(result.visible, ranks));
};

const idIndexOf = memoizeLast((dataset: Dataset) => {
  const byId = new Map<string, number>();
  dataset.resources.forEach((r, i) => {
    byId.set(r.id, i);
  });
  return byId;
});

/**
 * The resource index of a record on show by id, or -1: for many look-ups on one dataset (a list's rows), through
 * an id table made on the first of them.
 */
export const selectIndexOfId = (s: AppState, id: string): number => idIndexOf(selectDataset(s)).get(id) ?? -1;

const findRecord = (dataset: Dataset, id: string | null): Resource | null =>
  (id !== null && dataset.resources.find((r) => r.id === id)) || null;

/** A record on show by id (edits applied), or null: a pass over the records, for actions rather than renders. */
export const selectResourceById = (s: AppState, id: string | null): Resource | null =>
  findRecord(selectDataset(s), id);

/**
 * A record on show by id, for a render: remembers the last answer, and where it was found. A change moves no
 * record to another resource index unless one before it was deleted, so the next dataset is first looked at
 * there, before a pass over 100,000 records.
 */
function recordFinder() {
  let last: { readonly dataset: Dataset; readonly id: string; readonly index: number } | null = null;
  return (dataset: Dataset, id: string | null): Resource | null => {
    if (id === null) return null;
    if (last?.dataset !== dataset || last.id !== id) {
      const hint = last?.id === id ? last.index : -1;
      const index = dataset.resources[hint]?.id === id ? hint : indexOfId(dataset, id);
      last = { dataset, id, index };
    }
    return dataset.resources[last.index] ?? null;
  };
}

// One finder per record a render looks up, so that the selected record and the one being edited do not take
// turns in one memo.
const selectedOf = recordFinder();
const editingOf = recordFinder();
const movingOf = recordFinder();
const placingOf = recordFinder();

/** The selected resource, if it still exists. */
export const selectSelectedResource = (s: AppState): Resource | null =>
  selectedOf(selectDataset(s), s.selectedId);
/** The record whose correction form is open. */
export const selectEditingResource = (s: AppState): Resource | null =>
  editingOf(selectDataset(s), s.editingId);
/** The record whose marker is being moved. */
export const selectMovingResource = (s: AppState): Resource | null => movingOf(selectDataset(s), s.movingId);
/** The imported record being placed on the map. */
export const selectPlacingResource = (s: AppState): Resource | null =>
  placingOf(selectDataset(s), s.placingId);

/** Category config by id. */
export const selectCategory = (s: AppState, id: string) => s.manifest?.categories.find((c) => c.id === id);

const NONE: readonly never[] = [];
/** Configured categories (a stable empty list before the manifest loads). */
export const selectCategories = (s: AppState) => s.manifest?.categories ?? NONE;
/** Configured service tags (a stable empty list before the manifest loads). */
export const selectServiceTags = (s: AppState) => s.manifest?.serviceTags ?? NONE;
