import type * as SheetJs from '@e965/xlsx';
import type { RawTable } from '../loading/parse-csv.ts';
import { restoreCarriageReturns } from './xlsx-shared-strings.ts';

/** The SheetJS module, passed in so that it is loaded only when a workbook arrives (it is large). */
export type SheetJsModule = typeof SheetJs;

/** A workbook sheet as the chain's table: the same shape parseDelimitedText gives for CSV. */
export interface SheetTable {
  readonly table: RawTable;
  readonly sheetName: string;
}

/**
 * XLSX, ODS or XLS bytes → the first sheet that holds data, as a table of strings. Row numbers are the
 * sheet's own (row 1 is the first row) so the report points at the row a person sees in Excel or Calc.
 * Numbers keep their full precision (121.5322353, not the cell format's 121.53); dates become YYYY-MM-DD;
 * text is exact (a CRLF inside an XLSX cell stays CRLF).
 */
export function spreadsheetToTable(xlsx: SheetJsModule, bytes: Uint8Array, maxRows?: number): SheetTable {
  const workbook = xlsx.read(bytes, {
    type: 'array',
    cellDates: true,
    cellFormula: false,
    cellHTML: false,
    ...(maxRows ? { sheetRows: maxRows } : {}),
  });
  restoreCarriageReturns(workbook);
  let fallback: SheetTable | undefined;
  for (const sheetName of workbook.SheetNames) {
    const sheet = workbook.Sheets[sheetName];
    if (!sheet) continue;
    const firstRow = sheet['!ref'] ? xlsx.utils.decode_range(sheet['!ref']).s.r + 1 : 1;
    const cells = xlsx.utils.sheet_to_json<unknown[]>(sheet, {
      header: 1,
      raw: true,
      defval: '',
      blankrows: true,
    });
    const rows = cells.map((row) => row.map(cellText));
    const table = tableFromRows(rows, firstRow);
    if (table.rows.length > 0) return { table, sheetName };
    fallback ??= { table, sheetName };
  }
  return fallback ?? { table: tableFromRows([], 1), sheetName: '' };
}

/** Rows of cells → a table: the first non-blank row is the header, blank rows are skipped. */
export function tableFromRows(rows: readonly (readonly string[])[], firstRowNumber = 1): RawTable {
  const blank = (row: readonly string[]) => row.every((cell) => cell.trim() === '');
  const headerAt = rows.findIndex((row) => !blank(row));
  if (headerAt < 0) return { headers: [], rows: [], lineNumbers: [], headerRowCount: 0, delimiter: '' };
  const headers = trimTrailingEmpty((rows[headerAt] ?? []).map((h) => h.replace(/\s+/g, ' ').trim()));
  const data: string[][] = [];
  const lineNumbers: number[] = [];
  for (let i = headerAt + 1; i < rows.length; i++) {
    const row = rows[i];
    if (!row || blank(row)) continue;
    data.push([...row]);
    lineNumbers.push(firstRowNumber + i);
  }
  return { headers, rows: data, lineNumbers, headerRowCount: headerAt + 1, delimiter: '' };
}

/** Spreadsheets pad rows to the widest one; empty header cells at the end are not columns. */
function trimTrailingEmpty(headers: string[]): string[] {
  let end = headers.length;
  while (end > 0 && headers[end - 1] === '') end--;
  return headers.slice(0, end);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
