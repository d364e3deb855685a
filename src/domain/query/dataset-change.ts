import { type Bounds, boundsOf } from '../geo/bounds.ts';
import { everyIndex } from '../geo/position-columns.ts';
import { zhHantCollator } from '../model/collation.ts';
import type { Resource } from '../model/resource.ts';
import { areaOptionsOf } from './area-options.ts';
import { type Dataset, type DatasetConfig, indexOfId } from './dataset.ts';
import { columnsWith, columnsWithout, searchEntryOf } from './search-columns-change.ts';
import { startYearOf } from './start-year.ts';

/**
 * The dataset with this record added, or put in place of the record with its id: the index is updated, not
 * rebuilt (one binary search for its display position, then a copy of each column), so that a single change on
 * a 100,000-record map stays a few milliseconds of work.
 */
export function putRecord(dataset: Dataset, record: Resource, config: DatasetConfig): Dataset {
  const at = indexOfId(dataset, record.id);
  const base = at < 0 ? dataset : removeAt(dataset, at, false);
  // A replaced record keeps its resource index; an added one goes last.
  const i = at < 0 ? dataset.resources.length : at;
  return insertAt(base, i, record, config, at >= 0);
}

/** The dataset without the record of this id (the same dataset when there is none). */
export function removeRecord(dataset: Dataset, id: string): Dataset {
  const at = indexOfId(dataset, id);
  return at < 0 ? dataset : removeAt(dataset, at, true);
}

/**
 * Removes resource index i. `compact`: the records after it move down one index (a removal); otherwise its
 * slot stays, empty, for insertAt to fill (a replacement), and the order, positions and years keep their length.
 */
function removeAt(dataset: Dataset, i: number, compact: boolean): Dataset {
  const record = dataset.resources[i] as Resource;
  const k = dataset.order.indexOf(i);
  const order: number[] = [];
  for (let m = 0; m < dataset.order.length; m++) {
    if (m === k) continue;
    const j = dataset.order[m] as number;
    order.push(compact && j > i ? j - 1 : j);
  }
  const columns = columnsWithout(dataset.columns, k);
  const categoryTotals = columns.categoryIds.map((_, code) => dataset.categoryTotals[code] ?? 0);
  const code = dataset.columns.category[k] as number;
  categoryTotals[code] = (categoryTotals[code] ?? 1) - 1;
  const internalCount = dataset.internalCount - (record.visibility === 'internal' ? 1 : 0);
  const areaOptions = placeStillThere(columns, record) ? dataset.areaOptions : areaOptionsOf(columns);
  if (!compact) {
    return {
      ...dataset,
      order,
      columns,
      categoryTotals: Int32Array.from(categoryTotals),
      areaOptions,
      internalCount,
    };
  }
  const resources = dataset.resources.filter((_, j) => j !== i);
  const positions = {
    lat: withoutItem(dataset.positions.lat, i),
    lng: withoutItem(dataset.positions.lng, i),
  };
  return {
    resources,
    order,
    columns,
    positions,
    startYears: withoutItem(dataset.startYears, i),
    categoryTotals: Int32Array.from(categoryTotals),
    bounds: boundsOf(positions, everyIndex(positions)),
    areaOptions,
    internalCount,
  };
}

/** Puts `record` at resource index i (a new last index, or the empty slot of a replacement). */
function insertAt(
  dataset: Dataset,
  i: number,
  record: Resource,
  config: DatasetConfig,
  replacing: boolean,
): Dataset {
  const entry = searchEntryOf(record, config);
  const k = displayPositionFor(dataset, record, i);
  const order = [...dataset.order.slice(0, k), i, ...dataset.order.slice(k)];
  const resources = replacing
    ? dataset.resources.map((r, j) => (j === i ? record : r))
    : [...dataset.resources, record];
  const lat = replacing ? dataset.positions.lat.slice() : withItem(dataset.positions.lat, Number.NaN);
  const lng = replacing ? dataset.positions.lng.slice() : withItem(dataset.positions.lng, Number.NaN);
  lat[i] = record.position ? record.position[0] : Number.NaN;
  lng[i] = record.position ? record.position[1] : Number.NaN;
  const years = replacing ? dataset.startYears.slice() : withItem(dataset.startYears, 0);
  years[i] = startYearOf(record) ?? 0;
  const columns = columnsWith(dataset.columns, k, entry, config);
  const categoryTotals = new Int32Array(columns.categoryIds.length);
  categoryTotals.set(dataset.categoryTotals.subarray(0, categoryTotals.length));
  const code = columns.category[k] as number;
  categoryTotals[code] = (categoryTotals[code] as number) + 1;
  return {
    resources,
    order,
    columns,
    positions: { lat, lng },
    startYears: years,
    categoryTotals,
    bounds: replacing ? boundsOf({ lat, lng }, everyIndex({ lat, lng })) : extended(dataset.bounds, record),
    areaOptions: placeKnown(dataset, record) ? dataset.areaOptions : areaOptionsOf(columns),
    internalCount: dataset.internalCount + (record.visibility === 'internal' ? 1 : 0),
  };
}

/**
 * Where the record goes in display order: after every record that comes before it by county and town (zh-Hant
 * collation), then name (code points), then resource index — the rule displayOrder sorts by. Binary search.
 */
function displayPositionFor(dataset: Dataset, record: Resource, i: number): number {
  const { order, columns, resources } = dataset;
  const collator = zhHantCollator();
  const before = (k: number): boolean => {
    const other = resources[order[k] as number] as Resource;
    const byCounty = collator.compare(other.county, record.county);
    if (byCounty !== 0) return byCounty < 0;
    const byTown = collator.compare(other.town, record.town);
    if (byTown !== 0) return byTown < 0;
    if (other.name !== record.name) return other.name < record.name;
    return (order[k] as number) < i;
  };
  let low = 0;
  let high = columns.category.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether the record's county and town are among the area options already. */
function placeKnown(dataset: Dataset, record: Resource): boolean {
  if (!record.county) return true;
  const county = dataset.areaOptions.find((o) => o.county === record.county);
  return county !== undefined && (!record.town || county.towns.includes(record.town));
}

/** Whether another record still has the removed record's county and town. */
function placeStillThere(columns: Dataset['columns'], record: Resource): boolean {
  const county = columns.counties.indexOf(record.county);
  const town = columns.towns.indexOf(record.town);
  if (county < 0 || town < 0) return false;
  for (let k = 0; k < columns.county.length; k++)
    if (columns.county[k] === county && columns.town[k] === town) return true;
  return false;
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

type NumberArray = Float64Array | Int32Array;

function withItem<T extends NumberArray>(array: T, value: number): T {
  const out = new (array.constructor as new (n: number) => T)(array.length + 1);
  out.set(array);
  out[array.length] = value;
  return out;
}

function withoutItem<T extends NumberArray>(array: T, i: number): T {
  const out = new (array.constructor as new (n: number) => T)(array.length - 1);
  out.set(array.subarray(0, i));
  out.set(array.subarray(i + 1), i);
  return out;
}
