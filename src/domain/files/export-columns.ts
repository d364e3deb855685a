import type { MappableField } from '../loading/column-mapping.ts';
import type { CategoryConfig, ServiceTagConfig } from '../model/categories.ts';
import type { Resource } from '../model/resource.ts';

/**
 * The built-in columns of an export, in their default order: every field the importer maps (MAPPABLE_FIELDS),
 * ordered for people (coordinates next to their precision). The type check below keeps the two lists equal.
 */
export const BUILT_IN_COLUMNS = [
  'id',
  'name',
  'category',
  'services',
  'address',
  'county',
  'town',
  'village',
  'lat',
  'lng',
  'precision',
  'phone',
  'openingHours',
  'website',
  'description',
  'source',
  'lastVerified',
  'visibility',
] as const satisfies readonly MappableField[];
export type BuiltInColumn = (typeof BUILT_IN_COLUMNS)[number];
// Fails to compile when a mappable field is missing from the export columns, so a round trip never drops one.
const everyFieldExported: Record<Exclude<MappableField, BuiltInColumn>, never> = {};
void everyFieldExported;

/** A column of an export: a built-in field, or one of the records' extra columns (by its name). */
export type ExportColumnId = BuiltInColumn | `extra:${string}`;

export type ExportLanguage = 'zh-TW' | 'en';

/**
 * Header names per language. Every one is a name the importer's column mapping recognises, so an export
 * re-imports without a mapping step (the precision column also marks the file as one of ours).
 */
const HEADERS: Record<ExportLanguage, Record<BuiltInColumn, string>> = {
  'zh-TW': {
    id: '識別碼',
    name: '名稱',
    category: '類別',
    services: '服務項目',
    address: '地址',
    county: '縣市',
    town: '鄉鎮市區',
    village: '村里',
    lat: '緯度',
    lng: '經度',
    precision: '定位精確度',
    phone: '電話',
    openingHours: '開放時間',
    website: '網址',
    description: '說明',
    source: '資料來源',
    lastVerified: '最後確認日期',
    visibility: '公開狀態',
  },
  en: {
    id: 'id',
    name: 'name',
    category: 'category',
    services: 'services',
    address: 'address',
    county: 'county',
    town: 'town',
    village: 'village',
    lat: 'lat',
    lng: 'lng',
    precision: 'precision',
    phone: 'phone',
    openingHours: 'opening_hours',
    website: 'website',
    description: 'description',
    source: 'source',
    lastVerified: 'last_verified',
    visibility: 'visibility',
  },
};

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

/** What an export needs besides the records: configuration labels and the language of headers and words. */
export interface ExportContext {
  readonly language: ExportLanguage;
  readonly categories: readonly CategoryConfig[];
  readonly serviceTags: readonly ServiceTagConfig[];
}

/** Every column the records can fill: the built-ins, then each extra column name in first-seen order. */
export function availableColumns(resources: readonly Resource[]): ExportColumnId[] {
  const extra = new Set<string>();
  for (const r of resources) for (const key of Object.keys(r.extra)) extra.add(key);
  return [...BUILT_IN_COLUMNS, ...[...extra].map((key): ExportColumnId => `extra:${key}`)];
}

/** The header of a column in the export's language (an extra column keeps its own name). */
export function columnHeader(column: ExportColumnId, language: ExportLanguage): string {
  return column.startsWith('extra:')
    ? column.slice('extra:'.length)
    : HEADERS[language][column as BuiltInColumn];
}

/** The text of one cell: labels for categories and services, ; between phones, empty for what is not there. */
export function cellText(resource: Resource, column: ExportColumnId, ctx: ExportContext): string {
  const pick = (label: { zh: string; en: string }) => (ctx.language === 'en' ? label.en : label.zh);
  switch (column) {
    case 'id':
      return resource.id;
    case 'name':
      return resource.name;
    case 'category': {
      const category = ctx.categories.find((c) => c.id === resource.category);
      return category ? pick(category.label) : resource.category;
    }
    case 'services':
      return resource.services
        .map((id) => {
          const tag = ctx.serviceTags.find((t) => t.id === id);
          return tag ? pick(tag.label) : id;
        })
        .join('、');
    case 'address':
      return resource.address;
    case 'county':
      return resource.county;
    case 'town':
      return resource.town;
    case 'village':
      return resource.village ?? '';
    case 'lat':
      return resource.position ? String(resource.position[0]) : '';
    case 'lng':
      return resource.position ? String(resource.position[1]) : '';
    case 'precision':
      return PRECISION_WORDS[ctx.language][resource.precision];
    case 'phone':
      return resource.phones.join('；');
    case 'openingHours':
      return resource.openingHours ?? '';
    case 'website':
      return resource.website ?? '';
    case 'description':
      return resource.description ?? '';
    case 'source':
      return resource.source;
    case 'lastVerified':
      return resource.lastVerified ?? '';
    case 'visibility':
      return VISIBILITY_WORDS[ctx.language][resource.visibility];
    default:
      return Object.hasOwn(resource.extra, column.slice('extra:'.length))
        ? (resource.extra[column.slice('extra:'.length)] ?? '')
        : '';
  }
}

/** The records as a table of text: headers, then one row per record, in the chosen columns and order. */
export function exportTable(
  resources: readonly Resource[],
  columns: readonly ExportColumnId[],
  ctx: ExportContext,
): { headers: string[]; rows: string[][] } {
  return {
    headers: columns.map((c) => columnHeader(c, ctx.language)),
    rows: resources.map((r) => columns.map((c) => cellText(r, c, ctx))),
  };
}
