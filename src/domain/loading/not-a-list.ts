import type { RawRecord } from './raw-record.ts';

/**
 * Files that are not lists of places, said once for the whole file instead of row by row: boundaries (district
 * or village polygons: for the coverage analysis), a statistics table (numbers per district), and bytes that are
 * not text at all (a shapefile's .shx decoded as 262 rows of garbage).
 */
export type NotAList = 'boundaries' | 'statistics' | 'binary';

/**
 * Share of control characters in a text's start above which it is not text (tabs, line ends and a cell of
 * hostile test strings are): a shapefile index is half zeros. Texts shorter than MIN_LENGTH are never binary.
 */
const CONTROL_SHARE = 0.1;
const SAMPLE = 4096;
const MIN_LENGTH = 512;

/**
 * Whether decoded text is really binary: control characters other than tab, line feed and carriage return in
 * more than 10% of its first 4,096 characters. (U+FFFD does not count: Big5 read as UTF-8 is garbled, not binary.)
 */
export function looksBinary(text: string): boolean {
  const start = text.slice(0, SAMPLE);
  if (start.length < MIN_LENGTH) return false;
  let control = 0;
  for (let i = 0; i < start.length; i++) {
    const code = start.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 13) control++;
  }
  return control > CONTROL_SHARE * start.length;
}

/**
 * Whether most features of a GeoJSON file are areas (Polygon, MultiPolygon), not points: at least two of them
 * (one polygon alone is reported on its row, as a feature that is not a point).
 */
export function looksLikeBoundaries(records: readonly Pick<RawRecord, 'otherGeometry'>[]): boolean {
  if (records.length < 2) return false;
  const areas = records.filter((r) => r.otherGeometry === 'Polygon' || r.otherGeometry === 'MultiPolygon');
  return areas.length >= 0.8 * records.length;
}

const NUMBER = /^[+-]?[\d,]+(?:\.\d+)?%?$/;

/**
 * Whether a table without a name column is a statistics table: at least two columns hold numbers in most rows,
 * and numbers are at least 40% of its filled cells (戶數, 人口數 per district: 97Y06M,10021,臺南市,…,68784,194307).
 */
export function looksLikeStatistics(rows: readonly (readonly string[])[], columnCount: number): boolean {
  const sample = rows.slice(0, 200);
  if (sample.length === 0) return false;
  let filled = 0;
  let numbers = 0;
  let numericColumns = 0;
  for (let column = 0; column < columnCount; column++) {
    let columnNumbers = 0;
    for (const row of sample) {
      const cell = (row[column] ?? '').trim();
      if (cell === '') continue;
      filled++;
      if (NUMBER.test(cell)) {
        numbers++;
        columnNumbers++;
      }
    }
    if (columnNumbers >= 0.8 * sample.length) numericColumns++;
  }
  return numericColumns >= 2 && numbers >= 0.4 * filled;
}
