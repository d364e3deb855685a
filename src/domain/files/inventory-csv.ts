import type { Inventory, InventoryRow } from '../analysis/inventory.ts';
import { guardedCsvText } from './formula-guard.ts';

/** The inventory as CSV: 縣市, 鄉鎮市區, one column per category (by label), 合計, and a totals row; formulas guarded. */
export function inventoryToCsv(
  inventory: Inventory,
  rows: readonly InventoryRow[],
  labels: {
    category: (id: string) => string;
    county: string;
    town: string;
    total: string;
    unknownTown: string;
  },
): string {
  const headers = [labels.county, labels.town, ...inventory.categories.map(labels.category), labels.total];
  const body = rows.map((row) => [
    row.county,
    row.town || labels.unknownTown,
    ...inventory.categories.map((c) => String(row.counts[c] ?? 0)),
    String(row.total),
  ]);
  body.push([
    labels.total,
    '',
    ...inventory.categories.map((c) => String(inventory.totals[c] ?? 0)),
    String(inventory.total),
  ]);
  return guardedCsvText(headers, body);
}
