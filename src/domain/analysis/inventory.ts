import type { Gazetteer } from '../geo/gazetteer.ts';
import type { Resource } from '../model/resource.ts';

/** One township's line of the resource inventory (資源盤點): counts per category. */
export interface InventoryRow {
  readonly county: string;
  /** Empty for records whose township is not known. */
  readonly town: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly total: number;
}

/** Township × category counts for a set of resources. */
export interface Inventory {
  readonly categories: readonly string[];
  readonly rows: readonly InventoryRow[];
  /** Per category, over all rows. */
  readonly totals: Readonly<Record<string, number>>;
  readonly total: number;
  /** Per category, how many rows have none of it (the gaps). */
  readonly gaps: Readonly<Record<string, number>>;
}

/**
 * Counts the resources at `indexes` by township and category. The rows are every township of the counties in
 * view or with data (from the gazetteer, in its order: zipcode order), so townships with nothing still show up as gaps;
 * with a town filter, only that township. Records with an unknown township get a row of their own.
 */
export function buildInventory(
  resources: readonly Resource[],
  indexes: readonly number[],
  categories: readonly string[],
  area: {
    gazetteer: Gazetteer | null;
    county: string;
    town: string;
    /** Counties that have data at all (before filters): their townships are listed even when a filter leaves none. */
    countiesWithData?: readonly string[];
  },
): Inventory {
  // county → town → counts per category (by position in `categories`); one pass, no per-record strings.
  const column = new Map(categories.map((c, i) => [c, i]));
  const counts = new Map<string, Map<string, Int32Array>>();
  for (const i of indexes) {
    const r = resources[i];
    if (!r) continue;
    let towns = counts.get(r.county);
    if (!towns) {
      towns = new Map();
      counts.set(r.county, towns);
    }
    let row = towns.get(r.town);
    if (!row) {
      row = new Int32Array(categories.length);
      towns.set(r.town, row);
    }
    const c = column.get(r.category);
    if (c !== undefined) row[c] = (row[c] ?? 0) + 1;
  }
  const places: { county: string; town: string }[] = [];
  const listed = new Set<string>();
  const addPlace = (county: string, town: string) => {
    const key = `${county}|${town}`;
    if (listed.has(key)) return;
    listed.add(key);
    places.push({ county, town });
  };
  // Without a county filter, every county that has data keeps all its townships: ticking only 鄉鎮市公所 must
  // still list the townships that have none, not only the counties the filtered records fall in.
  const counties = area.county
    ? [area.county]
    : [...new Set([...(area.countiesWithData ?? []), ...counts.keys()])].filter((c) => c !== '');
  for (const t of area.gazetteer?.townships ?? []) {
    if (!counties.includes(t.county)) continue;
    if (area.town && t.town !== area.town) continue;
    addPlace(t.county, t.town);
  }
  // Places the gazetteer does not know (or records without a township) still get their counts.
  for (const [county, towns] of counts) for (const town of towns.keys()) addPlace(county, town);
  const totals: Record<string, number> = Object.fromEntries(categories.map((c) => [c, 0]));
  const gaps: Record<string, number> = Object.fromEntries(categories.map((c) => [c, 0]));
  let total = 0;
  const rows = places.map(({ county, town }): InventoryRow => {
    const found = counts.get(county)?.get(town);
    const rowCounts: Record<string, number> = {};
    let rowTotal = 0;
    categories.forEach((category, c) => {
      const n = found?.[c] ?? 0;
      rowCounts[category] = n;
      rowTotal += n;
      totals[category] = (totals[category] ?? 0) + n;
      if (n === 0 && town !== '') gaps[category] = (gaps[category] ?? 0) + 1;
    });
    total += rowTotal;
    return { county, town, counts: rowCounts, total: rowTotal };
  });
  return { categories, rows, totals, total, gaps };
}

/** What the table is sorted by: the place (gazetteer order), the total, or a category's count. */
export type InventorySortKey =
  | { readonly kind: 'place' }
  | { readonly kind: 'total' }
  | { readonly kind: 'category'; readonly id: string };

/** Sorts rows (stable: ties keep gazetteer order); `descending` flips the order. */
export function sortInventoryRows(
  rows: readonly InventoryRow[],
  key: InventorySortKey,
  descending: boolean,
): InventoryRow[] {
  const value = (row: InventoryRow) =>
    key.kind === 'total' ? row.total : key.kind === 'category' ? (row.counts[key.id] ?? 0) : 0;
  const indexed = rows.map((row, i) => ({ row, i }));
  indexed.sort((a, b) => {
    const diff = key.kind === 'place' ? a.i - b.i : value(a.row) - value(b.row);
    return (descending ? -diff : diff) || a.i - b.i;
  });
  return indexed.map(({ row }) => row);
}
