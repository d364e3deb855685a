import { toCsvText } from '../loading/parse-csv.ts';
import type { Resource } from '../model/resource.ts';
import { type ExportColumnId, type ExportContext, exportTable } from './export-columns.ts';

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, or a leading tab/CR that hides one) gets a
 * leading ', e.g. =HYPERLINK("http://evil") → '=HYPERLINK("http://evil"), so Excel and LibreOffice show text.
 * A cell already starting with ' gets another, so the importer can tell our guard from a quote in the data.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r']/.test(cell) ? `'${cell}` : cell;
}

/**
 * CSV for Excel in Traditional Chinese: UTF-8 with a BOM (without it Excel reads Big5), CRLF line ends,
 * every cell quoted, formulas neutralised. Returns the bytes as they go into the file.
 */
export function exportCsv(
  resources: readonly Resource[],
  columns: readonly ExportColumnId[],
  ctx: ExportContext,
): Uint8Array {
  const { headers, rows } = exportTable(resources, columns, ctx);
  const text = toCsvText(
    headers.map(neutraliseFormula),
    rows.map((row) => row.map(neutraliseFormula)),
    { quoteAll: true },
  );
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}
