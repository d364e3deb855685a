import { toCsvText } from '../loading/parse-csv.ts';

/**
 * What a spreadsheet may run as a formula: =, +, - or @ (also full-width ＝＋－＠, which Excel's IME input turns
 * into formulas) after any leading blanks (" =1+1" is a formula in LibreOffice's CSV import), or a leading tab,
 * CR or LF that hides one; a leading ' is guarded too, so the importer can tell our guard from a quote in the data.
 */
const FORMULA_START = /^(?:[\s\u00A0\u3000\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r\n'])/;
/** A cell our guard wrote: ' then what it guarded. */
const GUARDED = /^'(?:[\s\u00A0\u3000\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r\n'])/;

/**
 * The one formula guard of every export: a cell a spreadsheet would run as a formula gets a leading ', e.g.
 * =HYPERLINK("http://evil") → '=HYPERLINK("http://evil"), " =1+1" → "' =1+1", "＝1+1" → "'＝1+1".
 */
export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Whether a cell is one our guard wrote ('=1+1, '' for a leading quote). */
export function isGuardedFormula(cell: string): boolean {
  return GUARDED.test(cell);
}

/** Undoes guardFormula (for reading the app's own exports back): "'=1+1" → "=1+1"; other cells as written. */
export function unguardFormula(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}

/** CSV text for spreadsheets: every cell, headers included, through guardFormula. */
export function guardedCsvText(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: { quoteAll?: boolean } = {},
): string {
  return toCsvText(
    headers.map(guardFormula),
    rows.map((row) => row.map(guardFormula)),
    options,
  );
}
