import { type Bounds, boundsOf } from '../geo/bounds.ts';
import type { PositionColumns } from '../geo/position-columns.ts';
import { zhHantCollator } from '../model/collation.ts';
import type { Resource } from '../model/resource.ts';
import { isSampleRecord } from '../model/sample-data.ts';
import { areaOptionsOf } from './area-options.ts';
import { type Dataset, type DatasetConfig, indexOfId } from './dataset.ts';
import { columnsReplaced, columnsWith, columnsWithout, searchEntryOf } from './search-columns-change.ts';
import { startYearOf } from './start-year.ts';

/**
 * The dataset with this record added, or put in place of the record with its id. The index is updated, not
 * rebuilt: a binary search finds the record's display position, and each column is copied once, so that one
 * change on a 100,000-record map stays a few milliseconds of work. The dataset given is left as it was.
 */
export function putRecord(dataset: Dataset, record: Resource, config: DatasetConfig): Dataset {
  const at = indexOfId(dataset, record.id);
  return at < 0 ? withAdded(dataset, record, config) : withReplaced(dataset, at, record, config);
}

/** The dataset without the record of this id (the same dataset when there is none). */
export function removeRecord(dataset: Dataset, id: string): Dataset {
  const i = indexOfId(dataset, id);
  if (i < 0) return dataset;
  const record = dataset.resources[i] as Resource;
  const k = dataset.order.indexOf(i);
  // The records after i move down one index, in the order as everywhere else.
  const order: number[] = new Array(dataset.order.length - 1);
  for (let m = 0, out = 0; m < dataset.order.length; m++) {
    if (m === k) continue;
    const j = dataset.order[m] as number;
    order[out++] = j > i ? j - 1 : j;
  }
  const columns = columnsWithout(dataset.columns, k);
  const positions = {
    lat: withoutItem(dataset.positions.lat, i),
    lng: withoutItem(dataset.positions.lng, i),
  };
  return {
    resources: dataset.resources.toSpliced(i, 1),
    order,
    columns,
    positions,
    startYears: withoutItem(dataset.startYears, i),
    categoryTotals: countedDown(dataset.categoryTotals, dataset.columns.category[k] as number),
    bounds: onEdge(dataset.bounds, record) ? boundsOfAll(positions) : dataset.bounds,
    areaOptions: placeStillThere(columns, record) ? dataset.areaOptions : areaOptionsOf(columns),
    internalCount: dataset.internalCount - (record.visibility === 'internal' ? 1 : 0),
    samples: withoutItem(dataset.samples, i),
  };
}

/** A new record: the last resource index, at its display position. */
function withAdded(dataset: Dataset, record: Resource, config: DatasetConfig): Dataset {
  const i = dataset.resources.length;
  const k = displayPositionFor(dataset, record, i, -1);
  const columns = columnsWith(dataset.columns, k, searchEntryOf(record, config), config);
  return {
    resources: [...dataset.resources, record],
    order: dataset.order.toSpliced(k, 0, i),
    columns,
    positions: {
      lat: withItem(dataset.positions.lat, record.position ? record.position[0] : Number.NaN),
      lng: withItem(dataset.positions.lng, record.position ? record.position[1] : Number.NaN),
    },
    startYears: withItem(dataset.startYears, startYearOf(record) ?? 0),
    categoryTotals: countedUp(dataset.categoryTotals, columns, k),
    bounds: extended(dataset.bounds, record),
    areaOptions: placeKnown(dataset, record) ? dataset.areaOptions : areaOptionsOf(columns),
    internalCount: dataset.internalCount + (record.visibility === 'internal' ? 1 : 0),
    samples: withItem(dataset.samples, isSampleRecord(record) ? 1 : 0),
  };
}

/** The record at resource index i replaced: it keeps its index, and moves in display order if it must. */
function withReplaced(dataset: Dataset, i: number, record: Resource, config: DatasetConfig): Dataset {
  const old = dataset.resources[i] as Resource;
  const from = dataset.order.indexOf(i);
  const to = displayPositionFor(dataset, record, i, from);
  const entry = searchEntryOf(record, config);
  // Most corrections leave a record where it is in the list: its entry is replaced in place.
  const columns =
    from === to
      ? columnsReplaced(dataset.columns, from, entry, config)
      : columnsWith(columnsWithout(dataset.columns, from), to, entry, config);
  const resources = dataset.resources.slice();
  resources[i] = record;
  const moved = old.position?.[0] !== record.position?.[0] || old.position?.[1] !== record.position?.[1];
  // What stays is kept as it is: the map's clustering need not hear of a record that did not move.
  const positions = moved
    ? {
        lat: withValueAt(dataset.positions.lat, i, record.position ? record.position[0] : Number.NaN),
        lng: withValueAt(dataset.positions.lng, i, record.position ? record.position[1] : Number.NaN),
      }
    : dataset.positions;
  const startYears = withValueAt(dataset.startYears, i, startYearOf(record) ?? 0);
  return {
    resources,
    order: from === to ? dataset.order : reordered(dataset.order, from, to),
    columns,
    positions,
    startYears,
    categoryTotals: countedUp(
      countedDown(dataset.categoryTotals, dataset.columns.category[from] as number),
      columns,
      to,
    ),
    bounds: !moved
      ? dataset.bounds
      : onEdge(dataset.bounds, old)
        ? boundsOfAll(positions)
        : extended(dataset.bounds, record),
    areaOptions:
      old.county === record.county && old.town === record.town
        ? dataset.areaOptions
        : placeKnown(dataset, record) && placeStillThere(columns, old)
          ? dataset.areaOptions
          : areaOptionsOf(columns),
    internalCount:
      dataset.internalCount +
      (record.visibility === 'internal' ? 1 : 0) -
      (old.visibility === 'internal' ? 1 : 0),
    samples: withValueAt(dataset.samples, i, isSampleRecord(record) ? 1 : 0),
  };
}

/** The order with the entry at display position `from` moved to `to` (positions between shift by one). */
function reordered(order: readonly number[], from: number, to: number): number[] {
  const out = order.slice();
  const value = out[from] as number;
  if (to < from) out.copyWithin(to + 1, to, from);
  else out.copyWithin(from, from + 1, to + 1);
  out[to] = value;
  return out;
}

/**
 * Where the record goes in display order: after every record that comes before it by county and town (zh-Hant
 * collation), then name (code points), then resource index — the rule displayOrder sorts by. A binary search
 * over the display positions, leaving out `skip` (the record's own, when it is replaced; -1 for none).
 */
function displayPositionFor(dataset: Dataset, record: Resource, i: number, skip: number): number {
  const { order, resources } = dataset;
  const collator = zhHantCollator();
  const at = (m: number) => (skip >= 0 && m >= skip ? m + 1 : m);
  const before = (m: number): boolean => {
    const j = order[at(m)] as number;
    const other = resources[j] as Resource;
    if (other.county !== record.county) return collator.compare(other.county, record.county) < 0;
    if (other.town !== record.town) return collator.compare(other.town, record.town) < 0;
    if (other.name !== record.name) return other.name < record.name;
    return j < i;
  };
  let low = 0;
  let high = order.length - (skip >= 0 ? 1 : 0);
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The category totals with one less of this code. */
function countedDown(totals: Int32Array, code: number): Int32Array {
  const out = totals.slice();
  out[code] = (out[code] as number) - 1;
  return out;
}

/** The category totals with one more of the category at display position k (its code may be new). */
function countedUp(totals: Int32Array, columns: Dataset['columns'], k: number): Int32Array {
  const out = new Int32Array(columns.categoryIds.length);
  out.set(totals.subarray(0, out.length));
  const code = columns.category[k] as number;
  out[code] = (out[code] as number) + 1;
  return out;
}

/** Whether the record's county and town are among the area options already. */
function placeKnown(dataset: Dataset, record: Resource): boolean {
  if (!record.county) return true;
  const county = dataset.areaOptions.find((o) => o.county === record.county);
  return county !== undefined && (!record.town || county.towns.includes(record.town));
}

/** Whether a record of the columns still has this record's county and town. */
function placeStillThere(columns: Dataset['columns'], record: Resource): boolean {
  const county = columns.counties.indexOf(record.county);
  const town = columns.towns.indexOf(record.town);
  if (county < 0 || town < 0) return false;
  for (let k = 0; k < columns.county.length; k++)
    if (columns.county[k] === county && columns.town[k] === town) return true;
  return false;
}

/** Whether the record's position lies on the box (then the box may shrink without it). */
function onEdge(bounds: Bounds | null, record: Resource): boolean {
  if (!bounds || !record.position) return false;
  const [lat, lng] = record.position;
  return lat === bounds.south || lat === bounds.north || lng === bounds.west || lng === bounds.east;
}

function boundsOfAll(positions: PositionColumns): Bounds | null {
  const all = new Int32Array(positions.lat.length);
  for (let i = 0; i < all.length; i++) all[i] = i;
  return boundsOf(positions, all);
}

function extended(bounds: Bounds | null, record: Resource): Bounds | null {
  if (!record.position) return bounds;
  const [lat, lng] = record.position;
  if (!bounds) return { south: lat, west: lng, north: lat, east: lng };
  return {
    south: Math.min(bounds.south, lat),
    west: Math.min(bounds.west, lng),
    north: Math.max(bounds.north, lat),
    east: Math.max(bounds.east, lng),
  };
}

type NumberArray = Float64Array | Int32Array | Uint8Array;

function withItem<T extends NumberArray>(array: T, value: number): T {
  const out = new (array.constructor as new (n: number) => T)(array.length + 1);
  out.set(array);
  out[array.length] = value;
  return out;
}

/** The array with `value` at i: the same array when it holds it already. */
function withValueAt<T extends NumberArray>(array: T, i: number, value: number): T {
  if (Object.is(array[i], value)) return array;
  const out = array.slice() as T;
  out[i] = value;
  return out;
}

function withoutItem<T extends NumberArray>(array: T, i: number): T {
  const out = new (array.constructor as new (n: number) => T)(array.length - 1);
  out.set(array.subarray(0, i));
  out.set(array.subarray(i + 1), i);
  return out;
}
