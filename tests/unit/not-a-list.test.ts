import { describe, expect, it } from 'vitest';
import { previewImport } from '../../src/domain/loading/import-file.ts';
import { villageBoundariesGeoJson } from './atlas-boundaries.ts';
import { readBytes, sharedDataFile } from './fixture-paths.ts';
import { importBytes, libraries } from './import-context.ts';

/** A shapefile index (.shx): a 100-byte header (file code 9994, version 1000, points) and 8-byte records. */
function shapefileIndex(records: number): Uint8Array {
  const bytes = new Uint8Array(100 + 8 * records);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, 9994);
  view.setInt32(24, bytes.length / 2);
  view.setInt32(28, 1000, true);
  view.setInt32(32, 1, true);
  view.setFloat64(36, 120.1, true);
  view.setFloat64(44, 22.9, true);
  for (let i = 0; i < records; i++) {
    view.setInt32(100 + 8 * i, 50 + 14 * i);
    view.setInt32(104 + 8 * i, 10);
  }
  return bytes;
}

describe('files that are not lists of places', () => {
  it.each([
    {
      what: 'a statistics table (Tainan population by district, Big5)',
      bytes: () => readBytes(sharedDataFile('tainan-area-population-big5.csv')),
      file: 'population.csv',
      notAList: 'statistics',
      error: undefined,
      imported: 0,
      issue: 'no-name-column',
    },
    {
      what: 'village boundaries (polygons)',
      bytes: villageBoundariesGeoJson,
      file: 'villages.geojson',
      notAList: 'boundaries',
      error: undefined,
      imported: 0,
      issue: 'boundaries-file',
    },
    {
      what: 'a shapefile’s .shx (binary)',
      bytes: () => shapefileIndex(262),
      file: 'points.shx',
      notAList: undefined,
      error: 'binary-file',
      imported: 0,
      issue: 'binary-file',
    },
    {
      what: 'a register of places (Tainan committees) is none of them',
      bytes: () => readBytes(sharedDataFile('tainan-building-committees.csv')),
      file: 'committees.csv',
      notAList: undefined,
      error: undefined,
      imported: 2919,
      issue: 'county-inferred',
    },
  ])('$what', ({ bytes, file, notAList, error, imported, issue }) => {
    const preview = previewImport(bytes(), file, {}, libraries);
    expect([preview.notAList, preview.error]).toEqual([notAList, error]);
    const result = importBytes(bytes(), { file });
    expect(result.resources).toHaveLength(imported);
    expect(result.issues.filter((i) => i.row === undefined).map((i) => i.code)).toContain(issue);
    // One file-level message, not a row-level issue per row.
    if (imported === 0) expect(result.issues.filter((i) => i.code === issue)).toHaveLength(1);
  });
});
