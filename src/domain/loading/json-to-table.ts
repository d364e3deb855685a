import type { RawTable } from './parse-csv.ts';

/** How deep a wrapper may hold its list: {"data":[…]}, {"result":{"records":[…]}} (data.gov.tw's API). */
const WRAPPER_DEPTH = 3;

const GEOJSON_TYPES = new Set([
  'FeatureCollection',
  'Feature',
  'GeometryCollection',
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
]);

/** Whether a JSON value is GeoJSON of any kind (read by geojson-to-records.ts, which says what it holds). */
export function isGeoJson(data: unknown): boolean {
  const type = (data as { type?: unknown } | null)?.type;
  return typeof type === 'string' && GEOJSON_TYPES.has(type);
}

/**
 * A JSON array of objects, or an object that wraps one ({"data": […]}, {"result": {"records": […]}}), as a
 * table: the keys in first-seen order are the headers, each object a row. Values that are objects are written
 * as JSON, arrays joined with 、 (as GeoJSON properties are). Null when the JSON holds no list of objects.
 * e.g. [{"Name":"健保藥局","Tel":"02-1234"},{"Name":"乙","Lat":25.03}] → headers Name, Tel, Lat; 2 rows.
 */
export function jsonToTable(data: unknown): RawTable | null {
  const list = listOfObjects(data, WRAPPER_DEPTH);
  if (!list) return null;
  const columns = new Map<string, number>();
  for (const item of list)
    for (const key of Object.keys(item)) if (!columns.has(key)) columns.set(key, columns.size);
  const headers = [...columns.keys()];
  const rows = list.map((item) => {
    const row = new Array<string>(headers.length).fill('');
    for (const [key, value] of Object.entries(item)) row[columns.get(key) as number] = cellText(value);
    return row;
  });
  // Rows are numbered as items, 1 for the first (a JSON file has no header line).
  return { headers, rows, lineNumbers: rows.map((_, i) => i + 1), headerRowCount: 0, delimiter: '' };
}

/** The longest list of objects in the value itself or in its properties, a few levels down. */
function listOfObjects(data: unknown, depth: number): Record<string, unknown>[] | null {
  if (Array.isArray(data)) {
    const objects = data.filter(isPlainObject);
    return objects.length > 0 && objects.length >= data.length / 2 ? objects : null;
  }
  if (!isPlainObject(data) || depth === 0 || isGeoJson(data)) return null;
  let best: Record<string, unknown>[] | null = null;
  for (const value of Object.values(data)) {
    const found = listOfObjects(value, depth - 1);
    if (found && found.length > (best?.length ?? 0)) best = found;
  }
  return best;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
