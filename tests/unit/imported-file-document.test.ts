import { describe, expect, it } from 'vitest';
import { storedDataset } from '../../src/services/import/import-database.ts';
import { duplicateCandidates, landImport } from '../../src/services/import/import-landing.ts';
import {
  decodeStoredDataset,
  encodeStoredDataset,
} from '../../src/services/import/imported-file-document.ts';
import { readBytes, repoFile, sharedDataFile } from './fixture-paths.ts';
import { importBytes } from './import-context.ts';
import { manifest } from './load-context.ts';

const config = { categories: manifest.categories, serviceTags: manifest.serviceTags };

/** A real file imported and landed as the import worker does, in the form it is kept in. */
function keptFormOf(path: string, file: string) {
  const result = importBytes(readBytes(path), { file });
  const landed = landImport(
    result,
    {
      datasetId: `import-${file}`,
      fileName: file,
      importedAt: '2026-12-07T08:00:00.000Z',
      visibility: 'internal',
      origin: 'file',
      existing: duplicateCandidates([]),
      reservedIds: [],
    },
    config,
  );
  return storedDataset(landed.dataset, landed.resources);
}

describe('an imported file kept as JSON bytes in its document', () => {
  it.each([
    { file: 'tainan-building-committees.csv', path: sharedDataFile('tainan-building-committees.csv') },
    {
      file: 'tainan-building-committees.geojson',
      path: sharedDataFile('tainan-building-committees.geojson'),
    },
    { file: 'taipei-community-care-points.csv', path: sharedDataFile('taipei-community-care-points.csv') },
    { file: 'my-maps-export.kml', path: repoFile('tests/fixtures/import/my-maps-export.kml') },
  ])('$file reads back equal to what was kept (report, issues, records)', ({ file, path }) => {
    const kept = keptFormOf(path, file);
    expect(kept.resources.length).toBeGreaterThan(0);
    expect(decodeStoredDataset(encodeStoredDataset(kept))).toEqual(kept);
  });

  it.each([
    { what: 'bytes that are not UTF-8 JSON', bytes: new Uint8Array([0xff, 0xfe, 0x00]) },
    {
      what: 'JSON of another version',
      bytes: new TextEncoder().encode('{"version":2,"id":"x","resources":[]}'),
    },
    { what: 'JSON without records', bytes: new TextEncoder().encode('{"version":1,"id":"x"}') },
    { what: 'empty bytes', bytes: new Uint8Array() },
  ])('$what read back as no file', ({ bytes }) => {
    expect(decodeStoredDataset(bytes)).toBeNull();
  });
});
