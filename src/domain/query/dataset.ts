import { type Bounds, boundsOf } from '../geo/bounds.ts';
import { everyIndex, type PositionColumns, positionColumns } from '../geo/position-columns.ts';
import type { CategoryConfig, ServiceTagConfig } from '../model/categories.ts';
import type { Resource } from '../model/resource.ts';
import { isSampleRecord } from '../model/sample-data.ts';
import { type AreaOption, areaOptionsOf } from './area-options.ts';
import { displayOrder } from './display-order.ts';
import { mergeIndexParts } from './index-parts.ts';
import { buildSearchColumns, categoryTotalsOf, type SearchColumns } from './search-columns.ts';
import { startYears } from './start-year.ts';

/**
 * A list of resources with everything the page reads about them, as one value: the records, their index
 * (display order, search columns, positions, start years) and the facts counted on the way. Workers build it,
 * the store keeps it, selectors read it, and `putRecord` / `removeRecord` (dataset-change.ts) return the next
 * one when a single record changes. Nothing about it is kept anywhere else.
 */
export interface Dataset {
  readonly resources: readonly Resource[];
  /** Resource indexes in display order (county, town — zh-Hant collation — then name). */
  readonly order: readonly number[];
  /** The search columns, by display position. */
  readonly columns: SearchColumns;
  /** Positions by resource index (NaN where a resource has none). */
  readonly positions: PositionColumns;
  /** Start years (設立年度) by resource index, 0 where a record gives none. */
  readonly startYears: Int32Array;
  /** Records per category code of the columns (what an empty search counts). */
  readonly categoryTotals: Int32Array;
  /** The box around every placed record (what the map first fits), null when none is placed. */
  readonly bounds: Bounds | null;
  /** Counties with their towns, in zh-Hant order (the county/town filter). */
  readonly areaOptions: readonly AreaOption[];
  /** How many records are internal (內部資料). */
  readonly internalCount: number;
  /** 1 for a sample record (示範資料), else 0, by resource index: what a resident's order puts last. */
  readonly samples: Uint8Array;
}

/** The configuration a dataset's search columns are built with. */
export interface DatasetConfig {
  readonly categories: readonly CategoryConfig[];
  readonly serviceTags: readonly ServiceTagConfig[];
}

/** The facts a dataset counts about its records (where the records were built, when it can). */
type CountedFacts = 'categoryTotals' | 'bounds' | 'areaOptions' | 'internalCount' | 'samples';

/** A dataset's parts as a worker built them; the facts that are not given are counted here. */
export type DatasetParts = Omit<Dataset, CountedFacts> & Partial<Pick<Dataset, CountedFacts>>;

/** The dataset of these parts, counting what was not counted where they were built. */
export function datasetOf(parts: DatasetParts): Dataset {
  return {
    resources: parts.resources,
    order: parts.order,
    columns: parts.columns,
    positions: parts.positions,
    startYears: parts.startYears,
    categoryTotals: parts.categoryTotals ?? categoryTotalsOf(parts.columns),
    bounds:
      parts.bounds !== undefined ? parts.bounds : boundsOf(parts.positions, everyIndex(parts.positions)),
    areaOptions: parts.areaOptions ?? areaOptionsOf(parts.columns),
    internalCount: parts.internalCount ?? internalCountOf(parts.resources),
    samples: parts.samples ?? samplesOf(parts.resources),
  };
}

/** Indexes a list of resources from scratch (in a worker, at build time, or for a small list on the page). */
export function buildDataset(resources: readonly Resource[], config: DatasetConfig): Dataset {
  const order = displayOrder(resources);
  return datasetOf({
    resources,
    order,
    columns: buildSearchColumns(resources, order, config.categories, config.serviceTags),
    positions: positionColumns(resources),
    startYears: startYears(resources),
  });
}

export const EMPTY_DATASET: Dataset = buildDataset([], { categories: [], serviceTags: [] });

/**
 * Datasets put one after the other (resource indexes of the second follow those of the first…), equal to
 * buildDataset of the concatenation, but merged: their display orders and columns are not built again. The
 * lists must not share an id (see sharesAnId).
 */
export function mergeDatasets(datasets: readonly Dataset[], config: DatasetConfig): Dataset {
  const nonEmpty = datasets.filter((d) => d.resources.length > 0);
  if (nonEmpty.length === 0) return datasets[0] ?? EMPTY_DATASET;
  if (nonEmpty.length === 1) return nonEmpty[0] as Dataset;
  const parts = mergeIndexParts(
    nonEmpty.map((d) => ({ resources: d.resources, parts: d })),
    config.categories,
    config.serviceTags,
  );
  const total = nonEmpty.reduce((n, d) => n + d.resources.length, 0);
  const years = new Int32Array(total);
  const samples = new Uint8Array(total);
  let at = 0;
  for (const d of nonEmpty) {
    years.set(d.startYears, at);
    samples.set(d.samples, at);
    at += d.resources.length;
  }
  return datasetOf({
    resources: ([] as Resource[]).concat(...nonEmpty.map((d) => d.resources)),
    ...parts,
    startYears: years,
    bounds: unionOfBounds(nonEmpty.map((d) => d.bounds)),
    internalCount: nonEmpty.reduce((n, d) => n + d.internalCount, 0),
    samples,
  });
}

/** Whether two lists have an id in common (then merging them would show one record twice). */
export function sharesAnId(a: readonly Resource[], b: readonly Resource[]): boolean {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  if (small.length === 0) return false;
  const ids = new Set(small.map((r) => r.id));
  for (const r of large) if (ids.has(r.id)) return true;
  return false;
}

/** The resource index of the record with this id, or -1. */
export function indexOfId(dataset: Dataset, id: string): number {
  const { resources } = dataset;
  for (let i = 0; i < resources.length; i++) if ((resources[i] as Resource).id === id) return i;
  return -1;
}

/** The record with this id, or null. */
export function recordById(dataset: Dataset, id: string): Resource | null {
  const i = indexOfId(dataset, id);
  return i < 0 ? null : (dataset.resources[i] as Resource);
}

/** How many of the records are internal (內部資料). */
export function internalCountOf(resources: readonly Resource[]): number {
  let n = 0;
  for (const r of resources) if (r.visibility === 'internal') n++;
  return n;
}

/** Which records are samples (示範資料), by resource index (see Dataset.samples). */
export function samplesOf(resources: readonly Resource[]): Uint8Array {
  const out = new Uint8Array(resources.length);
  resources.forEach((r, i) => {
    if (isSampleRecord(r)) out[i] = 1;
  });
  return out;
}

function unionOfBounds(boxes: readonly (Bounds | null)[]): Bounds | null {
  let out: Bounds | null = null;
  for (const b of boxes) {
    if (!b) continue;
    out = out
      ? {
          south: Math.min(out.south, b.south),
          west: Math.min(out.west, b.west),
          north: Math.max(out.north, b.north),
          east: Math.max(out.east, b.east),
        }
      : b;
  }
  return out;
}
