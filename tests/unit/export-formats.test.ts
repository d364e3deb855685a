import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { availableColumns, type ExportContext } from '../../src/domain/files/export-columns.ts';
import { exportCsv } from '../../src/domain/files/export-csv.ts';
import { exportFileName } from '../../src/domain/files/export-filename.ts';
import { exportGeoJson } from '../../src/domain/files/export-geojson.ts';
import { exportHsdsPackage } from '../../src/domain/files/export-hsds.ts';
import { exportKml, xmlText } from '../../src/domain/files/export-kml.ts';
import {
  exportSpreadsheet,
  TRUNCATED_MARK,
  XLSX_CELL_LIMIT,
} from '../../src/domain/files/export-spreadsheet.ts';
import { guardFormula } from '../../src/domain/files/formula-guard.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { repoFile } from './fixture-paths.ts';
import { accountFor, importBytes, libraries } from './import-context.ts';
import { manifest } from './load-context.ts';

const ctx: ExportContext = {
  language: 'zh-TW',
  categories: manifest.categories,
  serviceTags: manifest.serviceTags,
};
const sheetjs =
  libraries.sheetjs ??
  (() => {
    throw new Error('SheetJS');
  })();

/** Real records: the embedded Chiayi welfare centres, through the importer. */
const chiayi = importBytes(new Uint8Array(readFileSync(repoFile('data', 'chiayi-welfare-centers.csv'))), {
  file: 'chiayi-welfare-centers.csv',
  category: 'welfare-center',
  county: '嘉義縣',
}).resources;
const hostile: Resource = {
  ...(chiayi[0] as Resource),
  id: 'h-1',
  name: '=HYPERLINK("http://evil.example","點我")',
  description: "+cmd|' /C calc'!A0",
  extra: { 備註: '@SUM(1+1)', 'tab key': '\t=1', 引號: "'leading quote" },
};

describe('CSV export', () => {
  const bytes = exportCsv([...chiayi, hostile], availableColumns([...chiayi, hostile]), ctx);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

  it('is UTF-8 with a BOM and CRLF line ends, so Excel opens the Chinese correctly', () => {
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.replace(/"[^"]*"/g, '').includes('\n')).toBe(text.replace(/"[^"]*"/g, '').includes('\r\n'));
    expect(text.split('\r\n')[0]).toContain('"名稱"');
    expect(text.match(/\r\n/g)?.length).toBe(chiayi.length + 2);
  });

  it('neutralises cells that start with =, +, -, @, tab or CR (and doubles a leading quote)', () => {
    expect(guardFormula('=1+1')).toBe("'=1+1");
    expect(guardFormula('+886 5 2201234')).toBe("'+886 5 2201234");
    expect(guardFormula('-2+3')).toBe("'-2+3");
    expect(guardFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(guardFormula('\t=1')).toBe("'\t=1");
    expect(guardFormula('\r=1')).toBe("'\r=1");
    expect(guardFormula("'x")).toBe("''x");
    expect(guardFormula('民雄 = 好')).toBe('民雄 = 好');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""點我"")"`);
    expect(text).not.toMatch(/(^|,)"[=+\-@]/m);
  });

  it('re-imports to the same records, formulas included', () => {
    const back = importBytes(bytes, { file: 'export.csv' });
    expect(accountFor(back)).toMatchObject({ rows: chiayi.length + 1, rejected: 0 });
    expect(back.resources.at(-1)).toEqual(hostile);
  });

  it('exports only the chosen columns, in the chosen order', () => {
    const only = new TextDecoder().decode(exportCsv(chiayi, ['phone', 'name'], ctx));
    expect(only.split('\r\n')[0]).toBe('"電話","名稱"');
    expect(only.split('\r\n')[1]).toBe(`"${chiayi[0]?.phones.join('；')}","${chiayi[0]?.name}"`);
  });

  it('writes English headers and words in English', () => {
    const en = new TextDecoder().decode(
      exportCsv([hostile], ['name', 'category', 'visibility'], { ...ctx, language: 'en' }),
    );
    expect(en.split('\r\n')[0]).toBe('"name","category","visibility"');
    expect(en).toContain('"Social welfare service center","public"');
  });

  it('labels internal records 內部資料', () => {
    const internal = new TextDecoder().decode(
      exportCsv([{ ...hostile, visibility: 'internal' }], ['name', 'visibility'], ctx),
    );
    expect(internal).toContain('"內部資料"');
  });
});

describe('XLSX and ODS export', () => {
  for (const format of ['xlsx', 'ods'] as const) {
    it(`${format}: one sheet, text cells (no formulas), numbers for coordinates, re-imports`, () => {
      const bytes = exportSpreadsheet(
        sheetjs,
        format,
        [...chiayi, hostile],
        availableColumns([...chiayi, hostile]),
        ctx,
        '嘉義縣',
      ).bytes;
      const workbook = sheetjs.read(bytes, { type: 'array' });
      expect(workbook.SheetNames).toEqual(['嘉義縣']);
      const sheet = workbook.Sheets.嘉義縣;
      const nameCell = sheet?.B1;
      expect(nameCell?.v).toBe('名稱');
      const formulaCells = Object.entries(sheet ?? {}).filter(
        ([k, cell]) => !k.startsWith('!') && (cell as { f?: string }).f,
      );
      expect(formulaCells).toEqual([]);
      expect(typeof sheet?.I2?.v).toBe('number');
      const back = importBytes(bytes, { file: `export.${format}` });
      expect(back.format).toBe(format);
      expect(accountFor(back)).toMatchObject({ rows: chiayi.length + 1, rejected: 0 });
      expect(back.resources.at(-1)).toEqual(hostile);
    });
  }

  it('XLSX: a cell over Excel’s 32,767-character limit is written cut, marked, and counted (it used to fail)', () => {
    const long: Resource = { ...hostile, id: 'long', description: `開頭${'長'.repeat(40_000)}\r結尾` };
    const out = exportSpreadsheet(
      sheetjs,
      'xlsx',
      [chiayi[0] as Resource, long],
      ['name', 'description'],
      ctx,
      'x',
    );
    expect(out.truncatedCells).toBe(1);
    const sheet = sheetjs.read(out.bytes, { type: 'array' }).Sheets.x;
    const cell = String(sheet?.B3?.v ?? '');
    expect(cell.startsWith('開頭長')).toBe(true);
    expect(cell.endsWith(TRUNCATED_MARK)).toBe(true);
    expect(cell.length).toBeLessThanOrEqual(XLSX_CELL_LIMIT);
    expect(exportSpreadsheet(sheetjs, 'xlsx', chiayi, ['name'], ctx, 'x').truncatedCells).toBe(0);
  });

  it('an ODS is an ODF package (mimetype first), as Taiwan’s government document standard expects', () => {
    const bytes = exportSpreadsheet(sheetjs, 'ods', chiayi, ['name'], ctx, 'x').bytes;
    const files = unzipSync(bytes);
    expect(strFromU8(files.mimetype ?? new Uint8Array())).toBe(
      'application/vnd.oasis.opendocument.spreadsheet',
    );
  });
});

describe('GeoJSON and KML export', () => {
  it('GeoJSON: RFC 7946 [lng, lat], properties by header, null geometry for records without a position', () => {
    const missing: Resource = { ...hostile, id: 'm-1', position: null, precision: 'missing' };
    const data = JSON.parse(exportGeoJson([chiayi[0] as Resource, missing], availableColumns(chiayi), ctx));
    expect(data.type).toBe('FeatureCollection');
    expect(data.features[0].geometry.coordinates).toEqual([
      chiayi[0]?.position?.[1],
      chiayi[0]?.position?.[0],
    ]);
    expect(data.features[0].properties.名稱).toBe(chiayi[0]?.name);
    expect(data.features[1].geometry).toBeNull();
  });

  it('KML: a Placemark per record with ExtendedData; text is escaped, CR kept as a character reference', () => {
    expect(xmlText('a<b>&"c"\r\n\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#13;&#10;');
    const kml = exportKml([hostile], availableColumns([hostile]), ctx, '匯出');
    const doc = libraries.parseXml?.(kml);
    expect(doc?.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc?.getElementsByTagName('Placemark')).toHaveLength(1);
    expect(doc?.getElementsByTagName('name')[1]?.textContent).toBe(hostile.name);
    const back = importBytes(new TextEncoder().encode(kml), { file: 'export.kml' });
    expect(back.format).toBe('kml');
    expect(back.resources[0]).toEqual(hostile);
  });

  it('KMZ: the same KML zipped as doc.kml imports the same', () => {
    const kml = exportKml(chiayi, availableColumns(chiayi), ctx, '匯出');
    const back = importBytes(zipSync({ 'doc.kml': new TextEncoder().encode(kml) }), { file: 'export.kmz' });
    expect(back.format).toBe('kmz');
    expect(back.resources).toEqual(chiayi);
  });
});

describe('HSDS package export', () => {
  it('writes the HSDS 1.1 tables and a datapackage.json, and re-imports to the same records', () => {
    const zip = exportHsdsPackage([...chiayi, hostile], ctx, '共生資源地圖');
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      'datapackage.json',
      'locations.csv',
      'organizations.csv',
      'phones.csv',
      'physical_addresses.csv',
      'services.csv',
      'services_at_location.csv',
    ]);
    const pkg = JSON.parse(strFromU8(files['datapackage.json'] ?? new Uint8Array()));
    expect(pkg.resources.map((r: { path: string }) => r.path)).toContain('locations.csv');
    const back = importBytes(zip, { file: 'hsds.zip' });
    expect(back.format).toBe('hsds');
    expect(back.resources).toEqual([...chiayi, hostile]);
  });
});

describe('file names', () => {
  it('carry the filter summary and the date, without characters file systems refuse', () => {
    expect(exportFileName(['共生資源地圖', '嘉義縣 民雄鄉', '搜尋「餐食/共餐」', '2025-03-14'], 'csv')).toBe(
      '共生資源地圖_嘉義縣_民雄鄉_搜尋「餐食_共餐」_2025-03-14.csv',
    );
    expect(exportFileName(['a:b*c?"d"<e>|f'], 'xlsx')).toBe('a_b_c_d_e_f.xlsx');
    expect([...exportFileName(['長'.repeat(500)], 'csv')].length).toBeLessThanOrEqual(124);
    expect(exportFileName([''], 'kml')).toBe('export.kml');
  });
});

describe('column names of an export', () => {
  // 網站 is the website (exported as 網址); the file's own 網址 column is kept as written in extra.
  const twoWebsites = importBytes(
    new TextEncoder().encode('名稱,網站,網址\r\n甲據點,https://a.example,https://b.example\r\n'),
    { file: 'two-websites.csv' },
  ).resources;
  const columns = availableColumns(twoWebsites);

  it.each([
    { format: 'CSV', headers: () => readCsvHeaders(exportCsv(twoWebsites, columns, ctx)) },
    {
      format: 'GeoJSON',
      headers: () =>
        Object.keys(
          (JSON.parse(exportGeoJson(twoWebsites, columns, ctx)) as { features: { properties: object }[] })
            .features[0]?.properties ?? {},
        ),
    },
  ])('are unique in $format, and both websites survive', ({ headers }) => {
    const names = headers();
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((h) => h.startsWith('網址'))).toEqual(['網址', '網址 (2)']);
  });

  function readCsvHeaders(bytes: Uint8Array): string[] {
    const line = new TextDecoder('utf-8', { ignoreBOM: true })
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0];
    return (line ?? '').split(',').map((cell) => cell.replace(/^"|"$/g, ''));
  }
});
