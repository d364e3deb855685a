import { type ExportColumnId, type ExportContext, exportTable } from './export-columns.ts';
import type { SheetJsModule } from './import-spreadsheet.ts';
import type { Resource } from './resource.ts';

export type SpreadsheetFormat = 'xlsx' | 'ods';

/**
 * An XLSX (Excel) or ODS (ODF, Taiwan's government document standard) workbook with one sheet. Every cell is
 * text (t: 's'), so nothing is evaluated as a formula and ids such as 007 keep their zeros; coordinates are
 * numbers. The header row is frozen-free and plain: the importer reads it back as column names.
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
  const sheet: Record<string, unknown> = {};
  const put = (r: number, c: number, value: string, isNumber: boolean) => {
    if (value === '') return;
    const address = xlsx.utils.encode_cell({ r, c });
    sheet[address] = isNumber ? { t: 'n', v: Number(value) } : { t: 's', v: value };
  };
  headers.forEach((h, c) => {
    put(0, c, h, false);
  });
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      put(r + 1, c, value, numeric.has(c));
    });
  });
  sheet['!ref'] = xlsx.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: rows.length, c: Math.max(0, headers.length - 1) },
  });
  sheet['!cols'] = headers.map((h) => ({ wch: Math.min(40, Math.max(8, h.length * 2)) }));
  const workbook = xlsx.utils.book_new();
  xlsx.utils.book_append_sheet(workbook, sheet as never, safeSheetName(sheetName));
  // Shared strings (as Excel writes them): SheetJS reads inline string cells with entities decoded twice.
  const out: ArrayBuffer = xlsx.write(workbook, {
    type: 'array',
    bookType: format,
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
