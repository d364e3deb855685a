import type { Resource } from './resource.ts';

// The one table of a Resource's fields (house style 18). The column mapping (loading/column-mapping.ts), the
// exports (files/export-columns.ts), the compiled pack's records (publish/record-chunks.ts) and HSDS
// (files/export-hsds.ts, files/import-hsds.ts) read it instead of listing the fields themselves.

/** The HSDS 1.1 tables a field can live in (Open Referral names). */
export type HsdsTable = 'locations' | 'organizations' | 'phones' | 'physical_addresses';

/** One column of a file of resources: what people call it, what an export writes, where HSDS keeps it. */
export interface FieldColumn {
  /** The column's id in a column mapping and an export. */
  readonly id: string;
  /** Header names the column mapping recognises, compared after normalising case, spaces and 台/臺. */
  readonly headers: readonly string[];
  /** The header an export writes, per language: one of `headers`, so an export re-imports without a mapping step. */
  readonly label: { readonly 'zh-TW': string; readonly en: string };
  /**
   * Where an HSDS package keeps it. x_ columns of locations.csv are this app's extensions: HSDS has no field for
   * them, and HSDS consumers ignore columns they do not know.
   */
  readonly hsds: { readonly table: HsdsTable; readonly column: string };
}

/** One field of a Resource and the columns it is written as. */
export interface ResourceField {
  readonly key: keyof Resource;
  /** The Resource may lack it (`village?:`): a pack writes null for it, and its reader leaves the field out. */
  readonly optional: boolean;
  /** Its columns, in export order: one for most fields, lat and lng for position; none for extra (see below). */
  readonly columns: readonly FieldColumn[];
}

/**
 * Every field of a Resource, once. The order is the export's column order and the compiled pack's record
 * layout (a record is the list of its fields in this order): reordering the table changes the pack format,
 * so bump PACK_FORMAT (publish/dataset-pack.ts) if you do. `extra` has no column of its own: it holds every
 * column that no other field claims (an export's extra:… columns, HSDS's x_extra as JSON).
 */
export const RESOURCE_FIELDS = [
  {
    key: 'id',
    optional: false,
    columns: [
      {
        id: 'id',
        headers: ['id', '編號', '識別碼', 'uid', 'resource_id'],
        label: { 'zh-TW': '識別碼', en: 'id' },
        hsds: { table: 'locations', column: 'id' },
      },
    ],
  },
  {
    key: 'name',
    optional: false,
    columns: [
      {
        id: 'name',
        headers: [
          '名稱',
          '機構名稱',
          '據點名稱',
          '單位名稱',
          '商店名稱',
          '店名',
          '協會名稱',
          '管理委員會',
          // Registers of offices and ministries (issue 17: 10 files, 8,953 rows were rejected without them).
          '申請單位名稱',
          '醫事機構名稱',
          '醫療院所',
          '醫療院所名稱',
          '醫院名稱',
          '診所名稱',
          '藥局名稱',
          '分公司名稱',
          '公司名稱',
          '服務單位名稱',
          '服務單位',
          '服務據點',
          '服務據點名稱',
          '機關名稱',
          '機關',
          '機關構名稱',
          '家托機構名稱',
          '托嬰中心名稱',
          '幼兒園名稱',
          '學校名稱',
          '文健站',
          '文健站名稱',
          '關懷據點',
          '關懷據點名稱',
          '社區名稱',
          '團體名稱',
          '組織名稱',
          '中心名稱',
          '場所名稱',
          '事業名稱',
          '商號名稱',
          '機構',
          'name',
          'title',
          'orgname',
          'organization',
          'organisation',
          'facility',
          'facilityname',
        ],
        label: { 'zh-TW': '名稱', en: 'name' },
        hsds: { table: 'locations', column: 'name' },
      },
    ],
  },
  {
    key: 'category',
    optional: false,
    columns: [
      {
        id: 'category',
        headers: ['類別', '分類', '類型', '資源類別', 'category', 'type'],
        label: { 'zh-TW': '類別', en: 'category' },
        hsds: { table: 'locations', column: 'x_category' },
      },
    ],
  },
  {
    key: 'services',
    optional: false,
    columns: [
      {
        id: 'services',
        headers: ['服務項目', '服務', '服務內容', '服務標籤', 'services', 'service', 'tags'],
        label: { 'zh-TW': '服務項目', en: 'services' },
        hsds: { table: 'locations', column: 'x_services' },
      },
    ],
  },
  {
    key: 'address',
    optional: false,
    columns: [
      {
        id: 'address',
        headers: [
          '地址',
          '據點地址',
          '機構地址',
          '服務地址',
          '建築物地址',
          '住址',
          // 機構(服務)地址 is compared as 機構服務地址 (brackets are dropped).
          '機構服務地址',
          '立案地址',
          '分公司地址',
          '公司地址',
          '所在地',
          '所在地址',
          '地點',
          '據點位置',
          '營業地址',
          '醫事機構地址',
          '服務據點地址',
          '通訊地址',
          '聯絡地址',
          '會址',
          '設立地址',
          '門牌地址',
          '完整地址',
          'address',
          'addr',
          'fulladdress',
          'location_address',
        ],
        label: { 'zh-TW': '地址', en: 'address' },
        hsds: { table: 'physical_addresses', column: 'address_1' },
      },
    ],
  },
  {
    key: 'county',
    optional: false,
    columns: [
      {
        id: 'county',
        headers: ['縣市', '縣市名稱', '縣市別', 'county', 'city'],
        label: { 'zh-TW': '縣市', en: 'county' },
        hsds: { table: 'locations', column: 'x_county' },
      },
    ],
  },
  {
    key: 'town',
    optional: false,
    columns: [
      {
        id: 'town',
        headers: [
          '鄉鎮市區',
          '鄉鎮市區名稱',
          '行政區',
          '鄉鎮',
          '鄉鎮市',
          '區',
          'town',
          'township',
          'district',
        ],
        label: { 'zh-TW': '鄉鎮市區', en: 'town' },
        hsds: { table: 'locations', column: 'x_town' },
      },
    ],
  },
  {
    key: 'village',
    optional: true,
    columns: [
      {
        id: 'village',
        headers: ['村里', '里別', '村里別', '村里名稱', '里', 'village'],
        label: { 'zh-TW': '村里', en: 'village' },
        hsds: { table: 'locations', column: 'x_village' },
      },
    ],
  },
  {
    key: 'position',
    optional: false,
    columns: [
      {
        id: 'lat',
        headers: [
          '緯度',
          'lat',
          'latitude',
          'y',
          'wgs84緯度',
          'wgs84lat',
          'y坐標',
          'y座標',
          '坐標y',
          '座標y',
          '縱坐標',
          '縱座標',
          'twd97y',
          'twd97縱坐標',
          'twd67y',
          'twd97tm2y',
          'tm2y',
          'northing',
        ],
        label: { 'zh-TW': '緯度', en: 'lat' },
        hsds: { table: 'locations', column: 'latitude' },
      },
      {
        id: 'lng',
        headers: [
          '經度',
          'lng',
          'lon',
          'long',
          'longitude',
          'x',
          'wgs84經度',
          'wgs84lon',
          'x坐標',
          'x座標',
          '坐標x',
          '座標x',
          '橫坐標',
          '橫座標',
          'twd97x',
          'twd97橫坐標',
          'twd67x',
          'twd97tm2x',
          'tm2x',
          'easting',
        ],
        label: { 'zh-TW': '經度', en: 'lng' },
        hsds: { table: 'locations', column: 'longitude' },
      },
    ],
  },
  {
    key: 'precision',
    optional: false,
    columns: [
      {
        id: 'precision',
        // The precision column also marks a file as one of this app's exports.
        headers: ['precision', '定位精確度', '位置精確度', '定位方式'],
        label: { 'zh-TW': '定位精確度', en: 'precision' },
        hsds: { table: 'locations', column: 'x_precision' },
      },
    ],
  },
  {
    key: 'phones',
    optional: false,
    columns: [
      {
        id: 'phone',
        headers: [
          '電話',
          '聯絡電話',
          '連絡電話',
          '服務電話',
          '電話號碼',
          '據點電話',
          '聯絡方式',
          '連絡方式',
          '機構電話',
          '醫事機構電話',
          '公司電話',
          '市話',
          '專線',
          'phone',
          'tel',
          'telephone',
          'phone_number',
        ],
        label: { 'zh-TW': '電話', en: 'phone' },
        hsds: { table: 'phones', column: 'number' },
      },
    ],
  },
  {
    key: 'openingHours',
    optional: true,
    columns: [
      {
        id: 'openingHours',
        headers: ['開放時間', '服務時間', '營業時間', 'opening_hours', 'openinghours', 'hours'],
        label: { 'zh-TW': '開放時間', en: 'opening_hours' },
        hsds: { table: 'locations', column: 'x_opening_hours' },
      },
    ],
  },
  {
    key: 'website',
    optional: true,
    columns: [
      {
        id: 'website',
        headers: ['網址', '網站', '網頁', 'website', 'url', 'web'],
        label: { 'zh-TW': '網址', en: 'website' },
        hsds: { table: 'organizations', column: 'url' },
      },
    ],
  },
  {
    key: 'description',
    optional: true,
    columns: [
      {
        id: 'description',
        headers: ['說明', '描述', '備註', '簡介', 'description', 'note', 'notes'],
        label: { 'zh-TW': '說明', en: 'description' },
        hsds: { table: 'locations', column: 'description' },
      },
    ],
  },
  {
    key: 'source',
    optional: false,
    columns: [
      {
        id: 'source',
        headers: ['資料來源', '來源', 'source'],
        label: { 'zh-TW': '資料來源', en: 'source' },
        hsds: { table: 'locations', column: 'x_source' },
      },
    ],
  },
  {
    key: 'lastVerified',
    optional: true,
    columns: [
      {
        id: 'lastVerified',
        headers: [
          '最後確認日期',
          '更新日期',
          '資料更新日期',
          '查核日期',
          'last_verified',
          'lastverified',
          'updated',
        ],
        label: { 'zh-TW': '最後確認日期', en: 'last_verified' },
        hsds: { table: 'locations', column: 'x_last_verified' },
      },
    ],
  },
  {
    key: 'visibility',
    optional: false,
    columns: [
      {
        id: 'visibility',
        headers: [
          '公開',
          '是否公開',
          '公開狀態',
          '公開與否',
          '可見性',
          '對外公開',
          'visibility',
          'public',
          'is_public',
          'published',
        ],
        label: { 'zh-TW': '公開狀態', en: 'visibility' },
        hsds: { table: 'locations', column: 'x_visibility' },
      },
    ],
  },
  { key: 'extra', optional: false, columns: [] },
] as const satisfies readonly ResourceField[];

type Entry = (typeof RESOURCE_FIELDS)[number];

/** The id of a column: a field key, or lat / lng (position) and phone (phones). */
export type ColumnId = Entry['columns'][number]['id'];

/** Where HSDS keeps `extra`: the record's extra columns as one JSON object, an extension of locations.csv. */
export const HSDS_EXTRA_COLUMN = 'x_extra';

/** A column of the table, its id typed. */
export type TableColumn = FieldColumn & { readonly id: ColumnId };

/** Every column of the table, in export order. */
export const FIELD_COLUMNS: readonly TableColumn[] = RESOURCE_FIELDS.flatMap(
  (field): readonly TableColumn[] => field.columns,
);

// Compile-time checks, so that the table and the Resource type cannot drift apart. A field added to Resource
// and not here would be lost on the way to the page and in every export; `optional` must say what the type says.
type OptionalKeys<T> = { [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? K : never }[keyof T];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everyFieldListed: Same<Entry['key'], keyof Resource> = true;
const optionalAsTyped: Same<Extract<Entry, { optional: true }>['key'], OptionalKeys<Resource>> = true;
void everyFieldListed;
void optionalAsTyped;
