import type { Resource } from '../model/resource.ts';
import { type ExportColumnId, type ExportContext, exportTable } from './export-columns.ts';
import { guardedCsvText } from './formula-guard.ts';

/**
 * CSV for Excel in Traditional Chinese: UTF-8 with a BOM (without it Excel reads Big5), CRLF line ends,
 * every cell quoted, formulas guarded (formula-guard.ts). Returns the bytes as they go into the file.
 */
export function exportCsv(
  resources: readonly Resource[],
  columns: readonly ExportColumnId[],
  ctx: ExportContext,
): Uint8Array {
  const { headers, rows } = exportTable(resources, columns, ctx);
  const text = guardedCsvText(headers, rows, { quoteAll: true });
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}
