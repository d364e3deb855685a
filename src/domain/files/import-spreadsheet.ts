import type * as SheetJs from '@e965/xlsx';
import { isZip } from '../loading/import-formats.ts';
import type { RawTable } from '../loading/parse-csv.ts';
import { checkOdsContent, checkUsedRange, usedRange } from './sheet-range.ts';
import { restoreCarriageReturns } from './xlsx-shared-strings.ts';
import { inflateZip } from './zip-archive.ts';

/** The SheetJS module, passed in so that it is loaded only when a workbook arrives (it is large). */
export type SheetJsModule = typeof SheetJs;

/** A workbook sheet as the chain's table: the same shape parseDelimitedText gives for CSV. */
export interface SheetTable {
  readonly table: RawTable;
  readonly sheetName: string;
}

/** A workbook whose sheets inflate to less than this is read whole for its preview too (a far cell shows there). */
const WHOLE_PREVIEW_BYTES = 4 * 1024 * 1024;

/**
 * XLSX, ODS or XLS bytes → the first sheet that holds data, as a table of strings. Row numbers are the
 * sheet's own (row 1 is the first row) so the report points at the row a person sees in Excel or Calc.
 * Numbers keep their full precision (121.5322353, not the cell format's 121.53); dates become YYYY-MM-DD;
 * text is exact (a CRLF inside an XLSX cell stays CRLF). `previewRows` reads only the first rows of a large
 * workbook. Within the import limits only: the ZIP is inflated once, counted, before SheetJS sees it; an ODS
 * sheet's repeated rows and cells are counted before SheetJS makes them; every sheet's range is measured by
 * the cells it holds before it becomes rows.
 */
export function spreadsheetToTable(xlsx: SheetJsModule, bytes: Uint8Array, previewRows?: number): SheetTable {
  let size = bytes.length;
  if (isZip(bytes)) {
    const inflated = inflateZip(
      bytes,
      () => true,
      (name) => name === 'content.xml',
    );
    size = inflated.inflatedBytes;
    const content = inflated.files.get('content.xml');
    if (content) checkOdsContent(new TextDecoder().decode(content));
  }
  const workbook = xlsx.read(bytes, {
    type: 'array',
    cellDates: true,
    cellFormula: false,
    cellHTML: false,
    ...(previewRows && size > WHOLE_PREVIEW_BYTES ? { sheetRows: previewRows } : {}),
  });
  restoreCarriageReturns(workbook);
  let fallback: SheetTable | undefined;
  for (const sheetName of workbook.SheetNames) {
    const sheet = workbook.Sheets[sheetName];
    if (!sheet) continue;
    const stated = sheet['!ref'] ? xlsx.utils.decode_range(sheet['!ref']) : undefined;
    const range = usedRange(sheet, stated);
    checkUsedRange(sheetName, range);
    if (range) sheet['!ref'] = xlsx.utils.encode_range(range);
    else delete sheet['!ref'];
    const cells = xlsx.utils.sheet_to_json<unknown[]>(sheet, {
      header: 1,
      raw: true,
      defval: '',
      blankrows: true,
    });
    const rows = cells.map((row) => row.map(cellText));
    const table = tableFromRows(rows, (range?.s.r ?? 0) + 1);
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
