import type { ImportFormat } from './import-format-list.ts';

const MB = 1024 * 1024;

/**
 * Every limit an imported file must keep, in one table (the import panel states them; each refusal names the
 * one it broke). Sized so that the import worker stays well under a browser tab's memory: a file at its limit
 * parses in a few hundred megabytes at most.
 */
export const IMPORT_LIMITS = {
  /** Bytes of the file itself, by the format its content shows (never by its name). */
  fileBytes: {
    csv: 50 * MB,
    geojson: 50 * MB,
    json: 50 * MB,
    // KML is turned into a DOM on the page (workers have no XML parser): kept smaller.
    kml: 30 * MB,
    kmz: 10 * MB,
    xlsx: 20 * MB,
    ods: 20 * MB,
    xls: 20 * MB,
    hsds: 20 * MB,
  } satisfies Record<ImportFormat, number>,
  /** A ZIP (XLSX, ODS, KMZ, HSDS package): bytes inflated in all, checked while inflating, and entries. */
  zip: { inflatedBytes: 100 * MB, entries: 10_000 },
  /**
   * A worksheet's range, from its first to its last cell that holds something: rows, columns, and cells in
   * all (rows × columns; every one becomes a cell of the table, filled or not).
   */
  sheet: { rows: 200_000, columns: 200, cells: 5_000_000 },
  /** Levels of arrays and objects in JSON, of elements in KML. */
  nestingDepth: 100,
} as const;

/** The largest file any format accepts: a larger one is refused before it is read at all. */
export const LARGEST_FILE_BYTES = Math.max(...Object.values(IMPORT_LIMITS.fileBytes));

/** Which limit a file broke, with what the message needs to say so. */
export type LimitRefusal =
  | {
      readonly kind: 'file-size';
      /** Null when the file was refused before its format was known (larger than any format allows). */
      readonly format: ImportFormat | null;
      readonly limit: number;
      readonly found: number;
    }
  | { readonly kind: 'zip-inflated'; readonly limit: number }
  | { readonly kind: 'zip-entries'; readonly limit: number; readonly found: number }
  | {
      readonly kind: 'sheet-range';
      readonly sheet: string;
      readonly rows: number;
      readonly columns: number;
      readonly limitRows: number;
      readonly limitColumns: number;
      readonly limitCells: number;
    }
  | { readonly kind: 'nesting-depth'; readonly format: 'json' | 'kml'; readonly limit: number };

const PREFIX = 'limit:';

/**
 * A refused file, thrown by the chain: its message is the refusal as text (`limit:{…}`), so it crosses the
 * worker boundary as an ordinary error and the page reads it back with readRefusal.
 */
export class ImportLimitError extends Error {
  readonly refusal: LimitRefusal;
  constructor(refusal: LimitRefusal) {
    super(`${PREFIX}${JSON.stringify(refusal)}`);
    this.refusal = refusal;
  }
}

/** The refusal an error message carries, or null for any other reason. */
export function readRefusal(reason: string): LimitRefusal | null {
  if (!reason.startsWith(PREFIX)) return null;
  try {
    const value = JSON.parse(reason.slice(PREFIX.length)) as LimitRefusal;
    return typeof value === 'object' && value !== null && typeof value.kind === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** The refusal of a file larger than its format allows (null: than any format allows), or null when it fits. */
export function fileSizeRefusal(format: ImportFormat | null, size: number): ImportLimitError | null {
  const limit = format ? IMPORT_LIMITS.fileBytes[format] : LARGEST_FILE_BYTES;
  return size > limit ? new ImportLimitError({ kind: 'file-size', format, limit, found: size }) : null;
}

/** Throws when a file is larger than its format allows (null: than any format allows). */
export function checkFileSize(format: ImportFormat | null, size: number): void {
  const refusal = fileSizeRefusal(format, size);
  if (refusal) throw refusal;
}
