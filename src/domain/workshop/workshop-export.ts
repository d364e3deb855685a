import { guardedCsvText } from '../files/formula-guard.ts';
import type { CategoryConfig, ServiceTagConfig } from '../model/categories.ts';
import { latLngToLngLat } from '../model/coordinates.ts';
import type { Resource } from '../model/resource.ts';
import { type ColumnId, FIELD_COLUMNS } from '../model/resource-fields.ts';
import type { WorkshopRow } from './workshop-doc.ts';
import { changeWord, WORKSHOP_COLUMNS, workshopMark } from './workshop-record.ts';

/** Labels for categories and service tags, so files carry words an office reads (and the importer maps back). */
export interface ExportVocabulary {
  readonly categories: readonly CategoryConfig[];
  readonly serviceTags: readonly ServiceTagConfig[];
}

/** Where the workshop file's headers differ from the office export's Chinese labels (the field table's). */
const WORKSHOP_HEADERS: Partial<Record<ColumnId, string>> = { id: 'id', visibility: '公開' };

/** Model columns, named as the importer's column mapping recognises them, so a re-import is lossless. */
const BASE = FIELD_COLUMNS.map((column) => ({
  id: column.id,
  header: WORKSHOP_HEADERS[column.id] ?? column.label['zh-TW'],
}));
const BASE_COLUMNS = BASE.map((column) => column.header);
/** GeoJSON carries the position as its geometry, not as properties. */
const POSITION_HEADERS = new Set(BASE.filter((c) => c.id === 'lat' || c.id === 'lng').map((c) => c.header));

/** As the office export writes precision, so its importer reads the file as one of the app's own. */
const PRECISION_WORDS: Record<Resource['precision'], string> = {
  exact: '精確',
  'approximate-town': '約略位置',
  missing: '無位置',
};

const MARK_COLUMNS = [WORKSHOP_COLUMNS.change, WORKSHOP_COLUMNS.date, WORKSHOP_COLUMNS.facilitator];

function labelOf(items: readonly { id: string; label: { zh: string } }[], id: string): string {
  return items.find((item) => item.id === id)?.label.zh ?? id;
}

/** A record's position when it is exact: a township centroid is a guess, so the file leaves it out. */
const exactPosition = (r: Resource) => (r.precision === 'exact' ? r.position : null);

/** How each model column is written: office words a person reads, and what the importer maps back. */
const CELLS: Record<ColumnId, (r: Resource, vocabulary: ExportVocabulary) => string> = {
  id: (r) => r.id,
  name: (r) => r.name,
  category: (r, v) => labelOf(v.categories, r.category),
  services: (r, v) => r.services.map((s) => labelOf(v.serviceTags, s)).join(';'),
  address: (r) => r.address,
  county: (r) => r.county,
  town: (r) => r.town,
  village: (r) => r.village ?? '',
  lat: (r) => exactPosition(r)?.[0].toFixed(6) ?? '',
  lng: (r) => exactPosition(r)?.[1].toFixed(6) ?? '',
  precision: (r) => PRECISION_WORDS[r.precision],
  phone: (r) => r.phones.join('；'),
  openingHours: (r) => r.openingHours ?? '',
  website: (r) => r.website ?? '',
  description: (r) => r.description ?? '',
  source: (r) => r.source,
  lastVerified: (r) => r.lastVerified ?? '',
  visibility: (r) => (r.visibility === 'internal' ? '內部' : '公開'),
};

/** The cells of a row by column name: its extra columns, the model columns, then the workshop's mark. */
function cells(row: WorkshopRow, vocabulary: ExportVocabulary): Record<string, string> {
  const r = row.resource;
  const mark = workshopMark(r);
  const byColumn: Record<string, string> = { ...r.extra };
  for (const { id, header } of BASE) byColumn[header] = CELLS[id](r, vocabulary);
  byColumn[WORKSHOP_COLUMNS.change] = changeWord(row.change);
  byColumn[WORKSHOP_COLUMNS.date] = mark?.date ?? '';
  byColumn[WORKSHOP_COLUMNS.facilitator] = mark?.facilitator ?? '';
  return byColumn;
}

function extraColumns(rows: readonly WorkshopRow[]): string[] {
  const known = new Set<string>([...BASE_COLUMNS, ...MARK_COLUMNS]);
  const extra = new Set<string>();
  for (const row of rows)
    for (const key of Object.keys(row.resource.extra)) if (!known.has(key)) extra.add(key);
  return [...extra];
}

/**
 * The workshop's records as CSV (text; the caller adds a BOM for Excel): change columns first, every cell
 * quoted, and a cell a spreadsheet would run as a formula guarded with ' (the importer takes it off again).
 */
export function workshopToCsv(rows: readonly WorkshopRow[], vocabulary: ExportVocabulary): string {
  const headers = [...MARK_COLUMNS, ...BASE_COLUMNS, ...extraColumns(rows)];
  return guardedCsvText(
    headers,
    rows.map((row) => {
      const byColumn = cells(row, vocabulary);
      return headers.map((h) => byColumn[h] ?? '');
    }),
    { quoteAll: true },
  );
}

/** The workshop's records as a GeoJSON FeatureCollection of Points ([lng, lat]); unplaced records get null. */
export function workshopToGeoJson(rows: readonly WorkshopRow[], vocabulary: ExportVocabulary): string {
  const columns = [...MARK_COLUMNS, ...BASE_COLUMNS, ...extraColumns(rows)].filter(
    (c) => !POSITION_HEADERS.has(c),
  );
  const features = rows.map((row) => {
    const byColumn = cells(row, vocabulary);
    const properties: Record<string, string> = {};
    for (const column of columns) if (byColumn[column]) properties[column] = byColumn[column];
    const position = row.resource.position;
    return {
      type: 'Feature',
      id: row.resource.id,
      properties,
      // A township centroid is not the place: like the CSV, only exact positions are written.
      geometry:
        position && row.resource.precision === 'exact'
          ? { type: 'Point', coordinates: [...latLngToLngLat(position)] }
          : null,
    };
  });
  return `${JSON.stringify({ type: 'FeatureCollection', features }, null, 2)}\n`;
}
