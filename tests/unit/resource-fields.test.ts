import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  availableColumns,
  BUILT_IN_COLUMNS,
  columnHeader,
  type ExportContext,
  type ExportLanguage,
} from '../../src/domain/files/export-columns.ts';
import { exportCsv } from '../../src/domain/files/export-csv.ts';
import { exportHsdsPackage, HSDS_EXTENSION_COLUMNS } from '../../src/domain/files/export-hsds.ts';
import { MAPPABLE_FIELDS, recogniseHeader } from '../../src/domain/loading/column-mapping.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { FIELD_COLUMNS, HSDS_EXTRA_COLUMN, RESOURCE_FIELDS } from '../../src/domain/model/resource-fields.ts';
import { PACK_FORMAT } from '../../src/domain/publish/dataset-pack.ts';
import { parseRecordChunk, recordChunks } from '../../src/domain/publish/record-chunks.ts';
import { importBytes } from './import-context.ts';
import { manifest } from './load-context.ts';

// The field table (domain/model/resource-fields.ts) is what the column mapping, the exports, the pack and HSDS
// read: these tests check the table itself, and that a record with every field set survives each reader.

/** Every field set, none to what the importer would guess without its column: what each reader must carry. */
const EVERY_FIELD: Resource = {
  id: 'chiayi-0042',
  name: '民雄鄉東榮社區發展協會',
  category: 'community-association',
  services: ['meals', 'home-visits'],
  address: '嘉義縣民雄鄉江厝店29之4號',
  county: '嘉義縣',
  town: '民雄鄉',
  village: '東榮村',
  position: toLatLng(23.5512, 120.4321),
  precision: 'approximate-town',
  phones: ['05-2201234', '0912-345678'],
  openingHours: 'Mo-Fr 08:00-17:00',
  website: 'https://example.org/east',
  description: '每週三共餐',
  source: '嘉義縣政府',
  lastVerified: '2026-11-01',
  visibility: 'internal',
  extra: { 聯絡人: '王小明', 備用欄: 'x' },
};

/**
 * The same record in a chunk of a format-3 pack, as the build wrote it: the table's order is the pack's record
 * layout. If this fails, the layout changed: bump PACK_FORMAT (publish/dataset-pack.ts) and update this text.
 */
const FORMAT_3_CHUNK =
  '[["chiayi-0042","民雄鄉東榮社區發展協會","community-association",["meals","home-visits"],' +
  '"嘉義縣民雄鄉江厝店29之4號","嘉義縣","民雄鄉","東榮村",[23.5512,120.4321],"approximate-town",' +
  '["05-2201234","0912-345678"],"Mo-Fr 08:00-17:00","https://example.org/east","每週三共餐","嘉義縣政府",' +
  '"2026-11-01","internal",{"聯絡人":"王小明","備用欄":"x"}]]';

const LANGUAGES: readonly ExportLanguage[] = ['zh-TW', 'en'];
const contextIn = (language: ExportLanguage): ExportContext => ({
  language,
  categories: manifest.categories,
  serviceTags: manifest.serviceTags,
});

/** The CSV tables of an HSDS package by file name. */
function hsdsTables(zip: Uint8Array): Map<string, ReturnType<typeof parseDelimitedText>> {
  const files = unzipSync(zip, { filter: (f) => f.name.endsWith('.csv') });
  return new Map(Object.entries(files).map(([name, bytes]) => [name, parseDelimitedText(strFromU8(bytes))]));
}

describe('the field table', () => {
  it('lists every field of a Resource once, and the sample record sets every one', () => {
    const keys = RESOURCE_FIELDS.map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(Object.keys(EVERY_FIELD).sort());
    for (const key of keys)
      expect([undefined, null, '', '[]', '{}']).not.toContain(emptyForm(EVERY_FIELD[key]));
  });

  it('has unique column ids and unique HSDS homes', () => {
    const ids = FIELD_COLUMNS.map((column) => column.id);
    expect(new Set(ids).size).toBe(ids.length);
    const homes = [
      ...FIELD_COLUMNS.map(({ hsds }) => `${hsds.table}.${hsds.column}`),
      `locations.${HSDS_EXTRA_COLUMN}`,
    ];
    expect(new Set(homes).size).toBe(homes.length);
  });

  it.each(FIELD_COLUMNS)('column $id: every header name and export label is recognised as it', (column) => {
    for (const header of column.headers) expect(recogniseHeader(header), header).toBe(column.id);
    for (const language of LANGUAGES) {
      expect(column.headers).toContain(column.label[language]);
      expect(columnHeader(column.id, language)).toBe(column.label[language]);
    }
  });

  it('is every column the mapping maps and the export writes, in its order', () => {
    const ids = FIELD_COLUMNS.map((column) => column.id);
    expect(MAPPABLE_FIELDS).toEqual(ids);
    expect(BUILT_IN_COLUMNS).toEqual(ids);
    expect(availableColumns([EVERY_FIELD])).toEqual([...ids, 'extra:聯絡人', 'extra:備用欄']);
  });

  it("names HSDS homes that are columns of the exported package's tables", () => {
    const tables = hsdsTables(exportHsdsPackage([EVERY_FIELD], contextIn('zh-TW'), 'fields'));
    for (const { id, hsds } of FIELD_COLUMNS) {
      expect(tables.get(`${hsds.table}.csv`)?.headers, id).toContain(hsds.column);
    }
    expect(tables.get('locations.csv')?.headers.slice(-HSDS_EXTENSION_COLUMNS.length)).toEqual(
      HSDS_EXTENSION_COLUMNS,
    );
    expect(HSDS_EXTENSION_COLUMNS.at(-1)).toBe(HSDS_EXTRA_COLUMN);
  });
});

describe('a record with every field', () => {
  it('is written to a pack chunk in the layout of formats 3 and 4 and read back equal', () => {
    // Format 4 changed the pack's header (no ids section, an internal count), not the record layout.
    expect(PACK_FORMAT).toBe(4);
    expect([...recordChunks([EVERY_FIELD])]).toEqual([FORMAT_3_CHUNK]);
    expect(parseRecordChunk(FORMAT_3_CHUNK)).toStrictEqual([EVERY_FIELD]);
  });

  const trips = LANGUAGES.flatMap((language) => [
    {
      format: 'csv',
      language,
      bytes: () => exportCsv([EVERY_FIELD], availableColumns([EVERY_FIELD]), contextIn(language)),
    },
    {
      format: 'hsds',
      language,
      bytes: () => exportHsdsPackage([EVERY_FIELD], contextIn(language), 'fields'),
    },
  ]);
  describe.each(trips)('comes back from a $format export in $language', ({ format, bytes }) => {
    const back = () => {
      const result = importBytes(bytes(), { file: `fields.${format === 'hsds' ? 'zip' : 'csv'}` });
      expect(result.resources).toHaveLength(1);
      return result.resources[0] as Resource;
    };
    it.each(RESOURCE_FIELDS)('$key', ({ key }) => {
      expect(back()[key]).toEqual(EVERY_FIELD[key]);
    });
  });
});

/** A value as a short text, so that empty strings, lists and objects compare as empty. */
function emptyForm(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
}
