import { describe, expect, it } from 'vitest';
import { readKmlFile } from '../../src/domain/files/import-kml.ts';
import { spreadsheetToTable } from '../../src/domain/files/import-spreadsheet.ts';
import { inflateZip, zipEntries } from '../../src/domain/files/zip-archive.ts';
import { previewImport } from '../../src/domain/loading/import-file.ts';
import {
  IMPORT_LIMITS,
  ImportLimitError,
  type LimitRefusal,
  readRefusal,
} from '../../src/domain/loading/import-limits.ts';
import { jsonDepthExceeds, xmlDepthExceeds } from '../../src/domain/loading/nesting-depth.ts';
import {
  deepGeoJson,
  deepKml,
  kmzBomb,
  manyEntries,
  odsRepeats,
  overlappingEntries,
  xlsxBomb,
  xlsxFarCell,
  xlsxWithRows,
  zipBomb,
} from '../hostile-files.ts';
import { importBytes, libraries } from './import-context.ts';

const MiB = 1024 * 1024;
const text = (value: string) => new TextEncoder().encode(value);
const sheetjs = libraries.sheetjs as NonNullable<typeof libraries.sheetjs>;

/** The refusal a call throws (failing the test when it returns, or throws anything else). */
function refusalOf(run: () => unknown): LimitRefusal {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportLimitError) return error.refusal;
    throw error;
  }
  throw new Error('not refused');
}

/** The refusal a preview reports (the page reads it from the preview's error, as the worker sends it). */
function previewRefusal(bytes: Uint8Array, file: string): LimitRefusal | null {
  const preview = previewImport(bytes, file, {}, libraries);
  return readRefusal(preview.error ?? '');
}

/** Runs and returns the milliseconds it took. */
function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe('ZIP limits, checked while inflating', () => {
  it('stops a KMZ bomb (64 MiB of zeros in doc.kml, ~64 KB) at the KML limit, in preview and import', () => {
    const bomb = kmzBomb(64);
    expect(bomb.length).toBeLessThan(200_000);
    const limit = Math.min(IMPORT_LIMITS.zip.inflatedBytes, IMPORT_LIMITS.fileBytes.kml);
    // The worker's step (readKmlFile) and the chain's own.
    expect(refusalOf(() => readKmlFile(bomb))).toEqual({ kind: 'zip-inflated', limit });
    expect(previewRefusal(bomb, 'bomb.kmz')).toEqual({ kind: 'zip-inflated', limit });
    expect(refusalOf(() => importBytes(bomb, { file: 'bomb.kmz' }))).toEqual({ kind: 'zip-inflated', limit });
  }, 30_000);

  it('stops an XLSX bomb (a 128 MiB sheet) at the ZIP limit before SheetJS reads it', () => {
    const bomb = xlsxBomb(128);
    expect(previewRefusal(bomb, 'bomb.xlsx')).toEqual({
      kind: 'zip-inflated',
      limit: IMPORT_LIMITS.zip.inflatedBytes,
    });
  }, 30_000);

  it('counts each entry the central directory lists, also when they all point at the same data', () => {
    // 40 MiB inflated once, listed 3 times: a reader by the central directory (SheetJS) inflates 120 MiB.
    const single = zipBomb('xl/worksheets/sheet1.xml', 40);
    const once = inflateZip(
      single,
      () => true,
      () => false,
    );
    expect(once.inflatedBytes).toBe(40 * MiB);
    const overlapping = overlappingEntries(single, 3, (i) => `xl/worksheets/sheet${i + 1}.xml`);
    expect(zipEntries(overlapping).map((e) => e.name)).toEqual([
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
    ]);
    expect(
      refusalOf(() =>
        inflateZip(
          overlapping,
          () => true,
          () => false,
        ),
      ),
    ).toEqual({
      kind: 'zip-inflated',
      limit: IMPORT_LIMITS.zip.inflatedBytes,
    });
  }, 30_000);

  it('inflates a deflated entry to the end of its stream, not to the size its headers state', () => {
    const honest = zipBomb('doc.kml', 2);
    const entry = zipEntries(honest)[0];
    if (!entry) throw new Error('no entry');
    // The stated compressed size says 10 bytes; the stream runs on (SheetJS would inflate all of it).
    const lying = honest.slice();
    const view = new DataView(lying.buffer);
    view.setUint32(entry.dataStart - 30 - 'doc.kml'.length + 18, 10, true);
    let end = lying.length - 22;
    while (view.getUint32(end, true) !== 0x06054b50) end--;
    view.setUint32(view.getUint32(end + 16, true) + 20, 10, true);
    expect(inflateZip(lying, () => true).files.get('doc.kml')?.length).toBe(2 * MiB);
  });

  it('refuses a ZIP of more entries than the limit from its central directory, before inflating', () => {
    const zip = manyEntries(IMPORT_LIMITS.zip.entries + 1);
    const expected = { kind: 'zip-entries', limit: IMPORT_LIMITS.zip.entries, found: 10_001 };
    expect(refusalOf(() => zipEntries(zip))).toEqual(expected);
    expect(previewRefusal(zip, 'many.zip')).toEqual(expected);
    expect(zipEntries(manyEntries(IMPORT_LIMITS.zip.entries))).toHaveLength(IMPORT_LIMITS.zip.entries);
  });
});

describe('sheet range limit, measured before the cells become rows', () => {
  const farCell: LimitRefusal = {
    kind: 'sheet-range',
    sheet: 'Sheet1',
    rows: 1_048_576,
    columns: 16_384,
    limitRows: IMPORT_LIMITS.sheet.rows,
    limitColumns: IMPORT_LIMITS.sheet.columns,
    limitCells: IMPORT_LIMITS.sheet.cells,
  };

  it.each([
    ['without a <dimension>', undefined],
    ['with a <dimension> that hides the far cell (A1:A2)', 'A1:A2'],
  ])('refuses a 1.5 KB XLSX with one cell at XFD1048576 %s, well under a second', (_, dimension) => {
    const bytes = xlsxFarCell(dimension);
    expect(bytes.length).toBeLessThan(2000);
    let refusal: LimitRefusal | null = null;
    const previewMs = timed(() => {
      refusal = previewRefusal(bytes, 'far.xlsx');
    });
    expect(refusal).toEqual(farCell);
    const importMs = timed(() => {
      refusal = refusalOf(() => importBytes(bytes, { file: 'far.xlsx' }));
    });
    expect(refusal).toEqual(farCell);
    expect(previewMs + importMs).toBeLessThan(1000);
  });

  it('refuses a sheet of more cells in all than the limit, though its rows and columns fit', () => {
    const rows = 30_000;
    const columns = 200;
    const refusal = refusalOf(() =>
      spreadsheetToTable(
        sheetjs,
        xlsxWithRows(
          `<row r="1"><c r="A1"><v>1</v></c></row><row r="${rows}"><c r="GR${rows}"><v>1</v></c></row>`,
        ),
      ),
    );
    expect(refusal).toMatchObject({ kind: 'sheet-range', rows, columns });
  });

  it('reads a sheet at the limits, and only as far as its cells go', () => {
    const bytes = xlsxWithRows(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>名稱</t></is></c></row><row r="${IMPORT_LIMITS.sheet.rows}"><c r="A${IMPORT_LIMITS.sheet.rows}" t="inlineStr"><is><t>末列</t></is></c></row>`,
      'A1:Z300000',
    );
    const { table } = spreadsheetToTable(sheetjs, bytes);
    expect(table.headers).toEqual(['名稱']);
    expect(table.rows).toEqual([['末列']]);
    expect(table.lineNumbers).toEqual([IMPORT_LIMITS.sheet.rows]);
  });

  it('refuses an ODS whose repeated rows and cells would make billions of cells, before SheetJS makes them', () => {
    const bytes = odsRepeats(1_000_000, 16_384);
    expect(bytes.length).toBeLessThan(2000);
    let refusal: LimitRefusal | null = null;
    const ms = timed(() => {
      refusal = previewRefusal(bytes, 'repeats.ods');
    });
    expect(refusal).toMatchObject({
      kind: 'sheet-range',
      sheet: '工作表1',
      rows: 1_000_001,
      columns: 16_384,
    });
    expect(ms).toBeLessThan(1000);
  });

  it('reads an ODS with LibreOffice’s trailing empty repeated rows, which hold nothing', () => {
    const { table, sheetName } = spreadsheetToTable(sheetjs, odsRepeats(3, 2));
    expect(sheetName).toBe('工作表1');
    expect(table.rows).toEqual([
      ['x', 'x'],
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });
});

describe('nesting limit, checked without recursion', () => {
  const limit = IMPORT_LIMITS.nestingDepth;

  it('refuses GeoJSON nested 100,000 deep with the limit named (today: Maximum call stack size exceeded)', () => {
    const bytes = text(deepGeoJson(100_000));
    const expected = { kind: 'nesting-depth', format: 'json', limit };
    expect(previewRefusal(bytes, 'deep.geojson')).toEqual(expected);
    expect(refusalOf(() => importBytes(bytes, { file: 'deep.geojson' }))).toEqual(expected);
  });

  it('refuses a JSON list nested 100,000 deep', () => {
    const bytes = text(`[{"Name":"a","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}]`);
    expect(previewRefusal(bytes, 'deep.json')).toEqual({ kind: 'nesting-depth', format: 'json', limit });
  });

  it('refuses KML nested 100,000 deep with the limit named (today: "not KML")', () => {
    const bytes = text(deepKml(100_000));
    const expected = { kind: 'nesting-depth', format: 'kml', limit };
    expect(refusalOf(() => readKmlFile(bytes))).toEqual(expected);
    expect(previewRefusal(bytes, 'deep.kml')).toEqual(expected);
  });

  it('reads files nested to the limit', () => {
    // The collection, its features, the feature and its geometry: 4 levels around the coordinates' arrays.
    const geojson = importBytes(text(deepGeoJson(limit - 4)), { file: 'ok.geojson' });
    expect(geojson.rows).toHaveLength(1);
    expect(previewRefusal(text(deepGeoJson(limit - 3)), 'deep.geojson')).toMatchObject({ limit });
    // kml, Document, the Folders, Placemark, name.
    expect(readKmlFile(text(deepKml(limit - 4)))?.format).toBe('kml');
    expect(refusalOf(() => readKmlFile(text(deepKml(limit - 3))))).toMatchObject({ limit });
  });

  it.each([
    ['{"a":[[1]]}', 2, true],
    ['{"a":[[1]]}', 3, false],
    ['{"a":"[[[[[[","b":"\\"[[[["}', 1, false],
    ['[1,{"x":[]},[]]', 2, true],
    ['[1,{"x":[]},[]]', 3, false],
  ] as const)('JSON %s deeper than %i: %s', (json, max, expected) => {
    expect(jsonDepthExceeds(json, max)).toBe(expected);
  });

  it.each([
    ['<kml><a><b/></a></kml>', 2, false],
    ['<kml><a><b></b></a></kml>', 2, true],
    ['<kml a=">x"><!-- <a><b><c> --><![CDATA[<a><b><c>]]><?pi <a>?></kml>', 1, false],
    ['<!DOCTYPE kml [<!ENTITY e "<a>">]><kml><a/></kml>', 1, false],
  ] as const)('XML %s deeper than %i: %s', (xml, max, expected) => {
    expect(xmlDepthExceeds(xml, max)).toBe(expected);
  });
});

describe('file size limit, by the format the content shows', () => {
  it('refuses a CSV one byte over its limit, naming CSV', () => {
    const limit = IMPORT_LIMITS.fileBytes.csv;
    const bytes = new Uint8Array(limit + 1).fill(0x61);
    bytes.set(text('名稱,地址\n'));
    expect(previewRefusal(bytes, 'big.csv')).toEqual({
      kind: 'file-size',
      format: 'csv',
      limit,
      found: limit + 1,
    });
  });

  it('refuses a KML over the KML limit though it is under the CSV one', () => {
    const limit = IMPORT_LIMITS.fileBytes.kml;
    const bytes = new Uint8Array(limit + 1).fill(0x20);
    bytes.set(text('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'));
    expect(refusalOf(() => readKmlFile(bytes))).toEqual({
      kind: 'file-size',
      format: 'kml',
      limit,
      found: limit + 1,
    });
  });

  it('reads the refusal back from the error message that crosses the worker boundary', () => {
    const refusal: LimitRefusal = { kind: 'zip-entries', limit: 10, found: 11 };
    expect(readRefusal(new ImportLimitError(refusal).message)).toEqual(refusal);
    expect(readRefusal('ZIP')).toBeNull();
    expect(readRefusal('limit:not json')).toBeNull();
  });
});
