import { crsFromGeoJsonMember } from '../geo/projections.ts';
import { asLngLat } from '../model/coordinates.ts';
import { type LoadIssue, loadIssue } from '../model/load-issues.ts';
import { type HeaderMapping, type MappableField, recogniseHeader } from './column-mapping.ts';
import type { RawRecord } from './raw-record.ts';
import { type MappedRecords, setOwn } from './table-to-records.ts';

interface GeoJsonFeatureLike {
  type?: unknown;
  properties?: unknown;
  geometry?: unknown;
  id?: unknown;
}

/**
 * GeoJSON text → records. Point features carry their position; other geometries are reported. A `crs` member
 * naming a TM2 system is returned so that metre coordinates are converted with it. `mapping` is a person's
 * confirmed property mapping (field → property name); without it, property names are recognised.
 */
export function geojsonToRecords(
  text: string,
  file: string,
  options: { mapping?: HeaderMapping } = {},
): MappedRecords {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { records: [], issues: [loadIssue('file-unreadable', file, { value: 'JSON' })] };
  }
  const features = featuresOf(data);
  if (!features) return { records: [], issues: [loadIssue('file-unreadable', file, { value: 'GeoJSON' })] };
  const issues: LoadIssue[] = [];
  const confirmed = options.mapping;
  const byKey = confirmed
    ? new Map(Object.entries(confirmed).map(([field, key]) => [key, field as MappableField]))
    : undefined;
  const fieldOf = byKey ? (key: string) => byKey.get(key) : recogniseHeader;
  // A null or non-object entry still counts as a feature: it becomes a record without fields (missing name).
  const records = features.map((feature, i) =>
    featureToRecord(typeof feature === 'object' && feature !== null ? feature : {}, i + 1, fieldOf),
  );
  if (records.length === 0) issues.push(loadIssue('file-empty', file));
  const crs = crsFromGeoJsonMember((data as { crs?: unknown }).crs);
  return crs ? { records, issues, crs } : { records, issues };
}

function featuresOf(data: unknown): unknown[] | null {
  if (typeof data !== 'object' || data === null) return null;
  const obj = data as { type?: unknown; features?: unknown };
  if (obj.type === 'FeatureCollection' && Array.isArray(obj.features)) return obj.features;
  if (obj.type === 'Feature') return [obj];
  return null;
}

function featureToRecord(
  feature: GeoJsonFeatureLike,
  row: number,
  fieldOf: (key: string) => MappableField | undefined,
): RawRecord {
  const props =
    typeof feature.properties === 'object' && feature.properties !== null
      ? (feature.properties as Record<string, unknown>)
      : {};
  const fields: Partial<Record<MappableField, string>> = {};
  const headers: Partial<Record<MappableField, string>> = {};
  const extra: Record<string, string> = {};
  for (const [key, value] of Object.entries(props)) {
    const text = cellText(value);
    const field = fieldOf(key);
    const current = field ? fields[field] : undefined;
    if (field && (current === undefined || (isBlank(current) && !isBlank(text)))) {
      // Several properties may name one field: the first filled-in one wins, e.g. 名稱 "民雄關懷據點" over an
      // empty name written before it. The blank one it replaces goes to extra as any other property would:
      // only if it is not empty (spaces).
      const replaced = headers[field];
      if (replaced !== undefined && current !== undefined && current !== '') setOwn(extra, replaced, current);
      fields[field] = text;
      headers[field] = key;
    } else if (text !== '') {
      setOwn(extra, key, text);
    }
  }
  if (isBlank(fields.id ?? '') && (typeof feature.id === 'string' || typeof feature.id === 'number')) {
    fields.id = String(feature.id);
    headers.id = 'id';
  }
  const geometry = feature.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  if (!geometry) return { row, fields, headers, extra };
  if (geometry.type === 'Point' && Array.isArray(geometry.coordinates)) {
    const [lng, lat] = geometry.coordinates as unknown[];
    if (typeof lng === 'number' && typeof lat === 'number') {
      return { row, fields, headers, extra, point: asLngLat(lng, lat) };
    }
  }
  return { row, fields, headers, extra, otherGeometry: String(geometry.type ?? 'unknown') };
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
