import type { Resource } from '../model/resource.ts';
import { type ExportColumnId, type ExportContext, exportTable } from './export-columns.ts';
import type { SheetJsModule } from './import-spreadsheet.ts';
import { odsPackage, type SheetCell } from './ods-package.ts';
import { escapeCellText } from './spreadsheet-text-escape.ts';

export type SpreadsheetFormat = 'xlsx' | 'ods';

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
): Uint8Array {
  const { headers, rows } = exportTable(resources, columns, ctx);
  const numeric = new Set(columns.flatMap((c, i) => (c === 'lat' || c === 'lng' ? [i] : [])));
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
  return format === 'ods'
    ? odsPackage({ name, columnWidths: widths, rows: table })
    : xlsxWorkbook(xlsx, name, widths, table);
}

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
        'number' in cell ? { t: 'n', v: cell.number } : { t: 's', v: escapeCellText(cell.text, 'xlsx') };
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
