import { neutraliseFormula } from '../files/export-csv.ts';
import { toCsvText } from '../loading/parse-csv.ts';
import type { CategoryConfig, ServiceTagConfig } from '../model/categories.ts';
import { latLngToLngLat } from '../model/coordinates.ts';
import type { Resource } from '../model/resource.ts';
import type { WorkshopRow } from './workshop-doc.ts';
import { changeWord, WORKSHOP_COLUMNS, workshopMark } from './workshop-record.ts';

/** Labels for categories and service tags, so files carry words an office reads (and the importer maps back). */
export interface ExportVocabulary {
  readonly categories: readonly CategoryConfig[];
  readonly serviceTags: readonly ServiceTagConfig[];
}

/** Model columns, named as the importer's column mapping recognises them, so a re-import is lossless. */
const BASE_COLUMNS = [
  'id',
  '名稱',
  '類別',
  '服務項目',
  '地址',
  '縣市',
  '鄉鎮市區',
  '村里',
  '緯度',
  '經度',
  '定位精確度',
  '電話',
  '開放時間',
  '網址',
  '說明',
  '資料來源',
  '最後確認日期',
  '公開',
] as const;

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

/** The cells of a row by column name. Coordinates only for exact positions: a township centroid is a guess. */
function cells(row: WorkshopRow, vocabulary: ExportVocabulary): Record<string, string> {
  const r = row.resource;
  const exact = r.precision === 'exact' && r.position;
  const mark = workshopMark(r);
  return {
    ...r.extra,
    id: r.id,
    名稱: r.name,
    類別: labelOf(vocabulary.categories, r.category),
    服務項目: r.services.map((s) => labelOf(vocabulary.serviceTags, s)).join(';'),
    地址: r.address,
    縣市: r.county,
    鄉鎮市區: r.town,
    村里: r.village ?? '',
    緯度: exact ? r.position[0].toFixed(6) : '',
    經度: exact ? r.position[1].toFixed(6) : '',
    定位精確度: PRECISION_WORDS[r.precision],
    電話: r.phones.join('；'),
    開放時間: r.openingHours ?? '',
    網址: r.website ?? '',
    說明: r.description ?? '',
    資料來源: r.source,
    最後確認日期: r.lastVerified ?? '',
    公開: r.visibility === 'internal' ? '內部' : '公開',
    [WORKSHOP_COLUMNS.change]: changeWord(row.change),
    [WORKSHOP_COLUMNS.date]: mark?.date ?? '',
    [WORKSHOP_COLUMNS.facilitator]: mark?.facilitator ?? '',
  };
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
  return toCsvText(
    headers.map(neutraliseFormula),
    rows.map((row) => {
      const byColumn = cells(row, vocabulary);
      return headers.map((h) => neutraliseFormula(byColumn[h] ?? ''));
    }),
    { quoteAll: true },
  );
}

/** The workshop's records as a GeoJSON FeatureCollection of Points ([lng, lat]); unplaced records get null. */
export function workshopToGeoJson(rows: readonly WorkshopRow[], vocabulary: ExportVocabulary): string {
  const columns = [...MARK_COLUMNS, ...BASE_COLUMNS, ...extraColumns(rows)].filter(
    (c) => c !== '緯度' && c !== '經度',
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
