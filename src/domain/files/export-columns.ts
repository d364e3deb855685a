import type { CategoryConfig, ServiceTagConfig } from '../model/categories.ts';
import type { Language } from '../model/language.ts';
import type { Resource } from '../model/resource.ts';
import { type ColumnId, FIELD_COLUMNS } from '../model/resource-fields.ts';

/**
 * The built-in columns of an export, in their default order: every column of the field table
 * (model/resource-fields.ts), the same the importer maps, so a round trip never drops one.
 */
export const BUILT_IN_COLUMNS: readonly ColumnId[] = FIELD_COLUMNS.map((column) => column.id);
export type BuiltInColumn = ColumnId;

/**
 * The column that marks each record a `?data=` link brought (not the map's own data). Never offered as a
 * choice: an export whose records include any such record always leads with it (markedColumns).
 */
export const LINK_ORIGIN_COLUMN = 'linkOrigin';

/**
 * A column of an export: a built-in field, one of the records' extra columns (by its name), or the link-origin
 * mark.
 */
export type ExportColumnId = BuiltInColumn | `extra:${string}` | typeof LINK_ORIGIN_COLUMN;

export type ExportLanguage = 'zh-TW' | 'en';

/**
 * The language an export is written in for a page language: files keep headers the importer reads (zh-TW or
 * English), so a page in Vietnamese, Indonesian or Thai exports with English headers.
 */
export function exportLanguageOf(language: Language): ExportLanguage {
  return language === 'zh-TW' ? 'zh-TW' : 'en';
}

/**
 * Header names per language, from the field table. Every one is a name the importer's column mapping
 * recognises, so an export re-imports without a mapping step (the precision column also marks the file as ours).
 */
const HEADERS = new Map(FIELD_COLUMNS.map((column) => [column.id as string, column.label]));

const PRECISION_WORDS: Record<ExportLanguage, Record<Resource['precision'], string>> = {
  'zh-TW': { exact: '精確', 'approximate-town': '約略位置', missing: '無位置' },
  en: { exact: 'exact', 'approximate-town': 'approximate-town', missing: 'missing' },
};

/** 內部資料 is written on every internal record, so a printed or forwarded file says what it is. */
export const INTERNAL_MARK = '內部資料';
const VISIBILITY_WORDS: Record<ExportLanguage, Record<Resource['visibility'], string>> = {
  'zh-TW': { public: '公開', internal: INTERNAL_MARK },
  en: { public: 'public', internal: 'internal' },
};

/**
 * Headers and words of the link-origin column: a header the importer does not know (a re-import keeps it as an
 * extra column, so the mark survives), and the link's host on every such row, e.g. 非官方連結：example.org.
 */
const LINK_ORIGIN_HEADER: Record<ExportLanguage, string> = { 'zh-TW': '非官方來源', en: 'unofficial_source' };
const LINK_ORIGIN_WORDS: Record<ExportLanguage, string> = {
  'zh-TW': '非官方連結：',
  en: 'unofficial link: ',
};

/**
 * The same mark in an HSDS package: an extension column of locations.csv, written only when the package holds
 * such a record, so that a package of the map's own data is as before.
 */
export const HSDS_LINK_ORIGIN_COLUMN = 'x_unofficial_source';

/** What an export needs besides the records: configuration labels and the language of headers and words. */
export interface ExportContext {
  readonly language: ExportLanguage;
  readonly categories: readonly CategoryConfig[];
  readonly serviceTags: readonly ServiceTagConfig[];
  /**
   * The host of each record a `?data=` link brought, by record id. Absent, or holding none of the exported
   * records, the export is written exactly as without it.
   */
  readonly linkHosts?: ReadonlyMap<string, string>;
}

/** The mark of a record a `?data=` link brought, in the export's language; '' for any other record. */
export function linkOriginText(resource: Resource, ctx: ExportContext): string {
  const host = ctx.linkHosts?.get(resource.id);
  return host === undefined ? '' : `${LINK_ORIGIN_WORDS[ctx.language]}${host}`;
}

/** Whether any of the records came from a `?data=` link (ctx.linkHosts). */
export function hasLinkRecords(resources: readonly Resource[], ctx: ExportContext): boolean {
  const hosts = ctx.linkHosts;
  if (!hosts || hosts.size === 0) return false;
  return resources.some((r) => hosts.has(r.id));
}

/**
 * The columns an export writes: the chosen ones, led by the link-origin column when any record came from a
 * link, whatever was chosen (a list that mixes a link's records with the map's own must say which is which);
 * the chosen ones unchanged otherwise.
 */
export function markedColumns(
  resources: readonly Resource[],
  columns: readonly ExportColumnId[],
  ctx: ExportContext,
): readonly ExportColumnId[] {
  if (!hasLinkRecords(resources, ctx)) return columns;
  return [LINK_ORIGIN_COLUMN, ...columns.filter((c) => c !== LINK_ORIGIN_COLUMN)];
}

/** Every column the records can fill: the built-ins, then each extra column name in first-seen order. */
export function availableColumns(resources: readonly Resource[]): ExportColumnId[] {
  const extra = new Set<string>();
  for (const r of resources) for (const key of Object.keys(r.extra)) extra.add(key);
  return [...BUILT_IN_COLUMNS, ...[...extra].map((key): ExportColumnId => `extra:${key}`)];
}

/** The header of a column in the export's language (an extra column keeps its own name). */
export function columnHeader(column: ExportColumnId, language: ExportLanguage): string {
  if (column === LINK_ORIGIN_COLUMN) return LINK_ORIGIN_HEADER[language];
  return column.startsWith('extra:')
    ? column.slice('extra:'.length)
    : (HEADERS.get(column)?.[language] ?? column);
}

/**
 * The headers of the chosen columns, each once: an extra column named like a built-in one (a second 網址 kept
 * as written) is written 網址 (2), so that no spreadsheet, GeoJSON property or re-import mixes the two up.
 */
export function columnHeaders(columns: readonly ExportColumnId[], language: ExportLanguage): string[] {
  const seen = new Set<string>();
  return columns.map((column) => {
    const header = columnHeader(column, language);
    let unique = header;
    for (let n = 2; seen.has(unique); n++) unique = `${header} (${n})`;
    seen.add(unique);
    return unique;
  });
}

type CellText = (resource: Resource, ctx: ExportContext) => string;

const pick = (label: { zh: string; en: string }, ctx: ExportContext) =>
  ctx.language === 'en' ? label.en : label.zh;

/** How each built-in column is written: labels for categories and services, ; between phones, '' for none. */
const CELL_TEXT: Record<BuiltInColumn, CellText> = {
  id: (r) => r.id,
  name: (r) => r.name,
  category: (r, ctx) => {
    const category = ctx.categories.find((c) => c.id === r.category);
    return category ? pick(category.label, ctx) : r.category;
  },
  services: (r, ctx) =>
    r.services
      .map((id) => {
        const tag = ctx.serviceTags.find((t) => t.id === id);
        return tag ? pick(tag.label, ctx) : id;
      })
      .join('、'),
  address: (r) => r.address,
  county: (r) => r.county,
  town: (r) => r.town,
  village: (r) => r.village ?? '',
  lat: (r) => (r.position ? String(r.position[0]) : ''),
  lng: (r) => (r.position ? String(r.position[1]) : ''),
  precision: (r, ctx) => PRECISION_WORDS[ctx.language][r.precision],
  phone: (r) => r.phones.join('；'),
  openingHours: (r) => r.openingHours ?? '',
  website: (r) => r.website ?? '',
  description: (r) => r.description ?? '',
  source: (r) => r.source,
  lastVerified: (r) => r.lastVerified ?? '',
  visibility: (r, ctx) => VISIBILITY_WORDS[ctx.language][r.visibility],
};

/** How one column is written: a built-in's CELL_TEXT, an extra column's own text; '' for a column not known. */
function cellOf(column: ExportColumnId): CellText {
  if (column === LINK_ORIGIN_COLUMN) return linkOriginText;
  if (column.startsWith('extra:')) {
    const key = column.slice('extra:'.length);
    return (r) => (Object.hasOwn(r.extra, key) ? (r.extra[key] ?? '') : '');
  }
  return Object.hasOwn(CELL_TEXT, column) ? CELL_TEXT[column as BuiltInColumn] : () => '';
}

/** The text of one cell: labels for categories and services, ; between phones, empty for what is not there. */
export function cellText(resource: Resource, column: ExportColumnId, ctx: ExportContext): string {
  return cellOf(column)(resource, ctx);
}

/**
 * The records as a table of text: headers, then one row per record, in the chosen columns and order (led by
 * the link-origin column when a link's records are among them: `columns` says what was written).
 */
export function exportTable(
  resources: readonly Resource[],
  chosen: readonly ExportColumnId[],
  ctx: ExportContext,
): { columns: readonly ExportColumnId[]; headers: string[]; rows: string[][] } {
  const columns = markedColumns(resources, chosen, ctx);
  const cells = columns.map(cellOf);
  return {
    columns,
    headers: columnHeaders(columns, ctx.language),
    rows: resources.map((r) => cells.map((cell) => cell(r, ctx))),
  };
}
