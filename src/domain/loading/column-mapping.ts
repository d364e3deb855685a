import { type ColumnId, FIELD_COLUMNS } from '../model/resource-fields.ts';

/** The Resource fields a column can feed: the columns of the field table (model/resource-fields.ts). */
export type MappableField = ColumnId;
export const MAPPABLE_FIELDS: readonly MappableField[] = FIELD_COLUMNS.map((column) => column.id);

/** Column index of each recognised field; unrecognised columns are kept as extra. */
export type ColumnMapping = Partial<Record<MappableField, number>>;

function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[\s_\-()（）]/g, '')
    .replace(/台/g, '臺')
    .toLowerCase();
}

/** Header names recognised per field, compared after normalising case, spaces and 台/臺. */
const LOOKUP: ReadonlyMap<string, MappableField> = new Map(
  FIELD_COLUMNS.flatMap((column) => column.headers.map((name) => [headerKey(name), column.id] as const)),
);

/**
 * Recognises the field a header names, or undefined. A header that names two fields (服務地址/聯絡電話,
 * 地址及電話) is taken for the first one it names: the cell is split later (build-resource.ts).
 */
export function recogniseHeader(header: string): MappableField | undefined {
  const field = LOOKUP.get(headerKey(header));
  if (field !== undefined || !COMBINED.test(header)) return field;
  for (const part of header.split(COMBINED)) {
    const named = LOOKUP.get(headerKey(part));
    if (named !== undefined) return named;
  }
  return undefined;
}

/** What joins two field names in one header: 服務地址/聯絡電話, 地址、電話, 地址及電話, 地址與電話. */
const COMBINED = /[/／、&＆+＋]|及|與|暨/;

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
