import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  availableColumns,
  type ExportColumnId,
  type ExportContext,
  type ExportLanguage,
  markedColumns,
} from '../../src/domain/files/export-columns.ts';
import { exportCsv } from '../../src/domain/files/export-csv.ts';
import { exportGeoJson } from '../../src/domain/files/export-geojson.ts';
import { exportHsdsPackage } from '../../src/domain/files/export-hsds.ts';
import { exportKml } from '../../src/domain/files/export-kml.ts';
import { exportSpreadsheet } from '../../src/domain/files/export-spreadsheet.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { repoFile } from './fixture-paths.ts';
import { importBytes, libraries } from './import-context.ts';
import { manifest } from './load-context.ts';

const sheetjs =
  libraries.sheetjs ??
  (() => {
    throw new Error('SheetJS');
  })();

/** The embedded Chiayi welfare centres (the map's own data), and one record a link brought beside them. */
const official = importBytes(new Uint8Array(readFileSync(repoFile('data', 'chiayi-welfare-centers.csv'))), {
  file: 'chiayi-welfare-centers.csv',
  category: 'welfare-center',
  county: '嘉義縣',
}).resources.slice(0, 4);
const fake: Resource = { ...(official[0] as Resource), id: 'link-1', phones: ['0912-345-678'] };
const HOST = 'evil.example';
const mixed = [official[0] as Resource, fake, ...official.slice(1)];

const contextOf = (language: ExportLanguage, linkHosts?: ReadonlyMap<string, string>): ExportContext => ({
  language,
  categories: manifest.categories,
  serviceTags: manifest.serviceTags,
  ...(linkHosts ? { linkHosts } : {}),
});
const withLink = (language: ExportLanguage) => contextOf(language, new Map([[fake.id, HOST]]));

/** What a format writes, read back as a table: headers, then one row per record, as text. */
type Reader = (
  resources: readonly Resource[],
  columns: readonly ExportColumnId[],
  ctx: ExportContext,
) => { headers: string[]; rows: string[][] };

const readCsvText = (text: string) => {
  const { headers, rows } = parseDelimitedText(text.replace(/^\uFEFF/, ''));
  return { headers: [...headers], rows: rows.map((row) => [...row]) };
};
const readSheet = (bytes: Uint8Array) => {
  const workbook = sheetjs.read(bytes, { type: 'array' });
  const sheet = workbook.Sheets[workbook.SheetNames[0] as string];
  const [headers = [], ...rows] = sheetjs.utils.sheet_to_json<string[]>(sheet as never, {
    header: 1,
    raw: false,
    defval: '',
  });
  return { headers, rows };
};
const readGeoJson = (text: string) => {
  const features = (JSON.parse(text) as { features: { properties: Record<string, string> }[] }).features;
  const headers = Object.keys(features[0]?.properties ?? {});
  return { headers, rows: features.map((f) => headers.map((h) => f.properties[h] ?? '')) };
};
const readKml = (text: string) => {
  const placemarks = text.split('<Placemark>').slice(1);
  const pairs = placemarks.map((p) =>
    [...p.matchAll(/<Data name="([^"]*)"><value>([^<]*)<\/value><\/Data>/g)].map((m) => [
      m[1] as string,
      m[2] as string,
    ]),
  );
  const headers = (pairs[0] ?? []).map(([name]) => name as string);
  return { headers, rows: pairs.map((row) => row.map(([, value]) => value as string)) };
};
const readHsdsLocations = (zip: Uint8Array) =>
  readCsvText(strFromU8((unzipSync(zip)['locations.csv'] as Uint8Array) ?? new Uint8Array()));

const FORMATS: { format: string; read: Reader; header: Record<ExportLanguage, string> }[] = [
  {
    format: 'CSV',
    read: (r, c, ctx) => readCsvText(new TextDecoder().decode(exportCsv(r, c, ctx))),
    header: { 'zh-TW': '非官方來源', en: 'unofficial_source' },
  },
  {
    format: 'XLSX',
    read: (r, c, ctx) => readSheet(exportSpreadsheet(sheetjs, 'xlsx', r, c, ctx, 'x').bytes),
    header: { 'zh-TW': '非官方來源', en: 'unofficial_source' },
  },
  {
    format: 'ODS',
    read: (r, c, ctx) => readSheet(exportSpreadsheet(sheetjs, 'ods', r, c, ctx, 'x').bytes),
    header: { 'zh-TW': '非官方來源', en: 'unofficial_source' },
  },
  {
    format: 'GeoJSON',
    read: (r, c, ctx) => readGeoJson(exportGeoJson(r, c, ctx)),
    header: { 'zh-TW': '非官方來源', en: 'unofficial_source' },
  },
  {
    format: 'KML',
    read: (r, c, ctx) => readKml(exportKml(r, c, ctx, 'x')),
    header: { 'zh-TW': '非官方來源', en: 'unofficial_source' },
  },
  {
    format: 'HSDS (locations.csv)',
    read: (r, _c, ctx) => readHsdsLocations(exportHsdsPackage(r, ctx, 'x')),
    header: { 'zh-TW': 'x_unofficial_source', en: 'x_unofficial_source' },
  },
];

const MARK: Record<ExportLanguage, string> = {
  'zh-TW': `非官方連結：${HOST}`,
  en: `unofficial link: ${HOST}`,
};

describe.each(FORMATS)('$format export of a list with a link’s records', ({ read, header }) => {
  it.each(['zh-TW', 'en'] as const)('marks each of them, and only them (%s)', (language) => {
    // Only the name and the phone chosen: the mark is written whatever columns were chosen.
    const { headers, rows } = read(mixed, ['name', 'phone'], withLink(language));
    const column = headers.indexOf(header[language]);
    expect(column).toBeGreaterThanOrEqual(0);
    expect(rows.map((row) => row[column])).toEqual(mixed.map((r) => (r === fake ? MARK[language] : '')));
  });
});

describe('the mark as a column', () => {
  it.each([
    { chosen: ['name', 'phone'], expected: ['linkOrigin', 'name', 'phone'] },
    // Asked for already (never offered, but a caller may name it): led with once, not twice.
    { chosen: ['name', 'linkOrigin'], expected: ['linkOrigin', 'name'] },
    { chosen: [], expected: ['linkOrigin'] },
  ] as const)('leads the chosen columns $chosen', ({ chosen, expected }) => {
    expect(markedColumns(mixed, chosen, withLink('zh-TW'))).toEqual(expected);
  });

  it.each([
    { case: 'no hosts at all', ctx: contextOf('zh-TW') },
    { case: 'an empty map', ctx: contextOf('zh-TW', new Map()) },
    { case: 'hosts of records not exported', ctx: withLink('zh-TW') },
  ])('is left out when none of the records came from a link: $case', ({ ctx }) => {
    const columns = availableColumns(official);
    expect(markedColumns(official, columns, ctx)).toBe(columns);
  });
});

describe('a list without link records is unchanged byte for byte', () => {
  const columns = availableColumns(official);
  const withoutLinks = contextOf('zh-TW');
  // A link's records are on the map, but none of them in the exported list (filtered out).
  const linkElsewhere = withLink('zh-TW');
  const unzipped = (zip: Uint8Array) =>
    Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name, strFromU8(bytes)]));

  it.each([
    { format: 'CSV', write: (ctx: ExportContext) => exportCsv(official, columns, ctx) },
    { format: 'GeoJSON', write: (ctx: ExportContext) => exportGeoJson(official, columns, ctx) },
    { format: 'KML', write: (ctx: ExportContext) => exportKml(official, columns, ctx, 'x') },
  ])('$format', ({ write }) => {
    expect(write(linkElsewhere)).toEqual(write(withoutLinks));
  });

  // Zip archives carry the time they were written: their entries are compared, byte for byte.
  it.each([
    {
      format: 'XLSX',
      write: (ctx: ExportContext) => exportSpreadsheet(sheetjs, 'xlsx', official, columns, ctx, 'x').bytes,
    },
    {
      format: 'ODS',
      write: (ctx: ExportContext) => exportSpreadsheet(sheetjs, 'ods', official, columns, ctx, 'x').bytes,
    },
    { format: 'HSDS', write: (ctx: ExportContext) => exportHsdsPackage(official, ctx, 'x') },
  ])('$format (entry by entry)', ({ write }) => {
    const before = unzipped(write(withoutLinks));
    const after = unzipped(write(linkElsewhere));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before)) expect(after[name], name).toBe(before[name]);
  });

  it('the HSDS package describes the mark’s column only when it writes it', () => {
    const schemaOf = (zip: Uint8Array) =>
      JSON.parse(strFromU8(unzipSync(zip)['datapackage.json'] as Uint8Array)) as {
        resources: { name: string; schema: { fields: { name: string }[] } }[];
      };
    const fields = (zip: Uint8Array) =>
      schemaOf(zip)
        .resources.find((r) => r.name === 'locations')
        ?.schema.fields.map((f) => f.name);
    expect(fields(exportHsdsPackage(mixed, withLink('zh-TW'), 'x'))).toContain('x_unofficial_source');
    expect(fields(exportHsdsPackage(official, withLink('zh-TW'), 'x'))).not.toContain('x_unofficial_source');
  });
});
