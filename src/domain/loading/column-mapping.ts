/** The Resource fields a column can feed. */
export const MAPPABLE_FIELDS = [
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
  'phone',
  'openingHours',
  'website',
  'description',
  'source',
  'lastVerified',
  'visibility',
  'precision',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** Column index of each recognised field; unrecognised columns are kept as extra. */
export type ColumnMapping = Partial<Record<MappableField, number>>;

/** Header names recognised per field, compared after normalising case, spaces and 台/臺. */
const HEADER_NAMES: Record<MappableField, readonly string[]> = {
  id: ['id', '編號', '識別碼', 'uid', 'resource_id'],
  name: [
    '名稱',
    '機構名稱',
    '據點名稱',
    '單位名稱',
    '商店名稱',
    '店名',
    '協會名稱',
    '管理委員會',
    'name',
    'title',
  ],
  category: ['類別', '分類', '類型', '資源類別', 'category', 'type'],
  services: ['服務項目', '服務', '服務內容', '服務標籤', 'services', 'service', 'tags'],
  address: ['地址', '據點地址', '機構地址', '服務地址', '建築物地址', '住址', 'address', 'addr'],
  county: ['縣市', '縣市名稱', '縣市別', 'county', 'city'],
  town: ['鄉鎮市區', '鄉鎮市區名稱', '行政區', '鄉鎮', '鄉鎮市', '區', 'town', 'township', 'district'],
  village: ['村里', '里別', '村里別', '村里名稱', '里', 'village'],
  lat: [
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
  lng: [
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
  phone: ['電話', '聯絡電話', '連絡電話', '服務電話', '電話號碼', 'phone', 'tel', 'telephone'],
  openingHours: ['開放時間', '服務時間', '營業時間', 'opening_hours', 'openinghours', 'hours'],
  website: ['網址', '網站', '網頁', 'website', 'url', 'web'],
  description: ['說明', '描述', '備註', '簡介', 'description', 'note', 'notes'],
  source: ['資料來源', '來源', 'source'],
  lastVerified: [
    '最後確認日期',
    '更新日期',
    '資料更新日期',
    '查核日期',
    'last_verified',
    'lastverified',
    'updated',
  ],
  visibility: ['公開', '公開狀態', '可見性', 'visibility'],
  precision: ['precision', '定位精確度', '位置精確度', '定位方式'],
};

function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[\s_\-()（）]/g, '')
    .replace(/台/g, '臺')
    .toLowerCase();
}

const LOOKUP: ReadonlyMap<string, MappableField> = new Map(
  (Object.entries(HEADER_NAMES) as [MappableField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((n) => [headerKey(n), field] as const),
  ),
);

/** Recognises the field a header names, or undefined. */
export function recogniseHeader(header: string): MappableField | undefined {
  return LOOKUP.get(headerKey(header));
}

/** A confirmed mapping by header text (field → header as written), as a person corrects and the app remembers it. */
export type HeaderMapping = Partial<Record<MappableField, string>>;

/** Resolves a header mapping to column indexes; a header that is not in the table maps nothing. */
export function columnMappingFromHeaders(headers: readonly string[], byHeader: HeaderMapping): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const field of MAPPABLE_FIELDS) {
    const header = byHeader[field];
    const index = header === undefined ? -1 : headers.indexOf(header);
    if (index >= 0) mapping[field] = index;
  }
  return mapping;
}

/** The detected mapping as header text, for the confirmation dialog. */
export function detectHeaderMapping(headers: readonly string[]): HeaderMapping {
  const byHeader: HeaderMapping = {};
  for (const [field, index] of Object.entries(detectColumnMapping(headers)) as [MappableField, number][]) {
    const header = headers[index];
    if (header !== undefined) byHeader[field] = header;
  }
  return byHeader;
}

/** Maps headers to fields; the first column naming a field wins. */
export function detectColumnMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((header, index) => {
    const field = recogniseHeader(header);
    if (field !== undefined && mapping[field] === undefined) mapping[field] = index;
  });
  return mapping;
}

/**
 * A second header row, as in government files with Chinese then English headers
 * (統計期,縣市名稱,… then INFO_TIME,COUNTY,…): at least two cells name known fields, and every other cell
 * is a Latin column name, not data. A data row such as 甲,x,y names two fields (x, y) but holds 甲, so it stays.
 */
export function looksLikeSecondHeaderRow(row: readonly string[]): boolean {
  const cells = row.map((cell) => cell.trim()).filter((cell) => cell !== '');
  const named = cells.filter((cell) => recogniseHeader(cell) !== undefined).length;
  return named >= 2 && cells.every((cell) => recogniseHeader(cell) !== undefined || COLUMN_NAME.test(cell));
}

/** A Latin column name such as H_CNT or Opening hours: a letter first, no digits-only cell. */
const COLUMN_NAME = /^[A-Za-z][\w .()/-]*$/;
