import { IMPORT_LIMITS, ImportLimitError } from '../loading/import-limits.ts';

/** A block of cells, 0-based and inclusive, as SheetJS writes ranges ({ s: start, e: end }). */
export interface CellRange {
  readonly s: { readonly r: number; readonly c: number };
  readonly e: { readonly r: number; readonly c: number };
}

const A = 0x41;

/**
 * The range the cells a parsed sheet holds really span, from their keys (A1, XFD1048576…), not from the
 * range the file states (a <dimension> can say A1:A2 and hide a cell at XFD1048576, or be left out). It starts
 * where the stated range starts when that is above or left of the first cell, so leading empty columns stay
 * as SheetJS would read them. Null for a sheet without cells.
 */
export function usedRange(sheet: Readonly<Record<string, unknown>>, stated?: CellRange): CellRange | null {
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = -1;
  let right = -1;
  for (const key in sheet) {
    if (key.charCodeAt(0) === 0x21 /* ! */) continue;
    let c = 0;
    let i = 0;
    for (; i < key.length; i++) {
      const code = key.charCodeAt(i);
      if (code < A || code > 0x5a) break;
      c = c * 26 + (code - A + 1);
    }
    const r = Number(key.slice(i)) - 1;
    if (i === 0 || !Number.isInteger(r) || r < 0) continue;
    top = Math.min(top, r);
    bottom = Math.max(bottom, r);
    left = Math.min(left, c - 1);
    right = Math.max(right, c - 1);
  }
  if (bottom < 0) return null;
  return {
    s: { r: Math.min(top, stated?.s.r ?? top), c: Math.min(left, stated?.s.c ?? left) },
    e: { r: bottom, c: right },
  };
}

/** Throws when a sheet's range is past the limits: too many rows, columns, or cells in all. */
export function checkSheetRange(sheet: string, rows: number, columns: number): void {
  const limits = IMPORT_LIMITS.sheet;
  if (rows > limits.rows || columns > limits.columns || rows * columns > limits.cells) {
    throw new ImportLimitError({
      kind: 'sheet-range',
      sheet,
      rows,
      columns,
      limitRows: limits.rows,
      limitColumns: limits.columns,
      limitCells: limits.cells,
    });
  }
}

/** Throws when a parsed sheet's cells span more than the limits allow (usedRange). */
export function checkUsedRange(sheet: string, range: CellRange | null): void {
  if (range) checkSheetRange(sheet, range.e.r - range.s.r + 1, range.e.c - range.s.c + 1);
}

const ODS_TAG =
  /<(\/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])((?:"[^"]*"|'[^']*'|[^>"'])*)>/g;

const attribute = (attributes: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`).exec(attributes)?.[1];

/**
 * An ODS sheet's range before SheetJS reads it: its content.xml says "this row 1,048,576 times" and "this cell
 * 16,384 times" (table:number-rows-repeated, table:number-columns-repeated), and SheetJS makes every repeated
 * cell that holds something, so a 1 KB file would become billions of cells. Rows and columns are counted up to
 * the last that hold a value; LibreOffice's trailing empty rows and cells add nothing. Throws past the limits.
 */
export function checkOdsContent(contentXml: string): void {
  let sheet = '';
  let row = 0;
  let rows = 0;
  let columns = 0;
  let rowRepeat = 1;
  let column = 0;
  let rowEnd = 0;
  for (const match of contentXml.matchAll(ODS_TAG)) {
    const [, closing, tag, attributes = ''] = match;
    const selfClosing = attributes.endsWith('/');
    if (tag === 'table') {
      if (closing) checkSheetRange(sheet, rows, columns);
      else [sheet, row, rows, columns] = [attribute(attributes, 'table:name') ?? '', 0, 0, 0];
    } else if (tag === 'table-row') {
      if (!closing) {
        rowRepeat = Math.max(1, Number(attribute(attributes, 'table:number-rows-repeated') ?? 1) || 1);
        column = 0;
        rowEnd = 0;
      }
      if (closing || selfClosing) {
        if (rowEnd > 0) {
          rows = row + rowRepeat;
          columns = Math.max(columns, rowEnd);
        }
        row += rowRepeat;
      }
    } else if (!closing) {
      const repeat = Math.max(1, Number(attribute(attributes, 'table:number-columns-repeated') ?? 1) || 1);
      // A cell holds something when it has a value type or content; an empty one closes itself.
      if (!selfClosing || attribute(attributes, 'office:value-type') !== undefined) rowEnd = column + repeat;
      column += repeat;
    }
  }
}
