import type { Resource } from '../model/resource.ts';
import { type ExportColumnId, type ExportContext, exportTable } from './export-columns.ts';
import type { SheetJsModule } from './import-spreadsheet.ts';
import { odsPackage, type SheetCell } from './ods-package.ts';
import { escapeCellText } from './spreadsheet-text-escape.ts';

export type SpreadsheetFormat = 'xlsx' | 'ods';

/** Excel's limit on one cell's text (SheetJS refuses to write more, and Excel would not open it). */
export const XLSX_CELL_LIMIT = 32_767;
/** Written at the end of a cell cut to Excel's limit, so the reader sees that text is missing. */
export const TRUNCATED_MARK = '…［已截斷 truncated］';

export interface SpreadsheetExport {
  readonly bytes: Uint8Array;
  /** How many cells were longer than Excel's limit and written cut, ending in TRUNCATED_MARK (XLSX only). */
  readonly truncatedCells: number;
}

/**
 * An XLSX (Excel) or ODS (ODF, Taiwan's government document standard) workbook with one sheet. Every cell is
 * text, so nothing is evaluated as a formula and ids such as 007 keep their zeros; coordinates are numbers.
 * The header row is frozen-free and plain: the importer reads it back as column names. Text comes back
 * exactly, control characters and CR included (see spreadsheet-text-escape.ts).
 */
export function exportSpreadsheet(
  xlsx: SheetJsModule,
  format: SpreadsheetFormat,
  resources: readonly Resource[],
  columns: readonly ExportColumnId[],
  ctx: ExportContext,
  sheetName: string,
): SpreadsheetExport {
  const { columns: written, headers, rows } = exportTable(resources, columns, ctx);
  const numeric = new Set(written.flatMap((c, i) => (c === 'lat' || c === 'lng' ? [i] : [])));
  const cell = (value: string, isNumber: boolean): SheetCell => {
    if (value === '') return null;
    const number = isNumber ? Number(value) : Number.NaN;
    return Number.isFinite(number) ? { number } : { text: value };
  };
  const table = [
    headers.map((h) => cell(h, false)),
    ...rows.map((row) => row.map((value, c) => cell(value, numeric.has(c)))),
  ];
  const widths = headers.map((h) => Math.min(40, Math.max(8, h.length * 2)));
  const name = safeSheetName(sheetName);
  if (format === 'ods')
    return { bytes: odsPackage({ name, columnWidths: widths, rows: table }), truncatedCells: 0 };
  let truncatedCells = 0;
  const fitted = table.map((row) =>
    row.map((c): SheetCell => {
      if (!c || 'number' in c) return c;
      const text = escapeCellText(c.text, 'xlsx');
      if (text.length <= XLSX_CELL_LIMIT) return { text };
      truncatedCells++;
      return { text: cutToLimit(c.text) };
    }),
  );
  return { bytes: xlsxWorkbook(xlsx, name, widths, fitted), truncatedCells };
}

/** The cell's text cut so that, escaped and marked, it fits Excel's limit (escapes can be longer than text). */
function cutToLimit(text: string): string {
  let keep = XLSX_CELL_LIMIT - TRUNCATED_MARK.length;
  for (;;) {
    const escaped = escapeCellText(text.slice(0, keep), 'xlsx') + TRUNCATED_MARK;
    if (escaped.length <= XLSX_CELL_LIMIT) return escaped;
    keep -= escaped.length - XLSX_CELL_LIMIT;
  }
}

/** `table`'s text is escaped already (see exportSpreadsheet). */
function xlsxWorkbook(
  xlsx: SheetJsModule,
  sheetName: string,
  widths: readonly number[],
  table: readonly (readonly SheetCell[])[],
): Uint8Array {
  const sheet: Record<string, unknown> = {};
  table.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell) return;
      sheet[xlsx.utils.encode_cell({ r, c })] =
        'number' in cell ? { t: 'n', v: cell.number } : { t: 's', v: cell.text };
    });
  });
  sheet['!ref'] = xlsx.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(0, table.length - 1), c: Math.max(0, widths.length - 1) },
  });
  sheet['!cols'] = widths.map((wch) => ({ wch }));
  const workbook = xlsx.utils.book_new();
  xlsx.utils.book_append_sheet(workbook, sheet as never, sheetName);
  // Shared strings (as Excel writes them): SheetJS reads inline string cells with entities decoded twice.
  const out: ArrayBuffer = xlsx.write(workbook, {
    type: 'array',
    bookType: 'xlsx',
    compression: true,
    bookSST: true,
  });
  return new Uint8Array(out);
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  return (
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet1'
  );
}
