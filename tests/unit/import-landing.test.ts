import { describe, expect, it } from 'vitest';
import type { ImportedDataset } from '../../src/domain/loading/imported-dataset.ts';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import { buildIndexParts } from '../../src/domain/query/index-parts.ts';
import { startYears } from '../../src/domain/query/start-year.ts';
import { isStoredDataset, storedDataset } from '../../src/services/import/import-database.ts';
import {
  duplicateCandidates,
  type LandedImport,
  type LandingRequest,
  landedRecords,
  landImport,
  relandImport,
} from '../../src/services/import/import-landing.ts';
import { type ImportReply, partJoiner, splitDone } from '../../src/services/import/import-protocol.ts';
import { describeDataset } from '../dataset-view.ts';
import { importBytes } from './import-context.ts';
import { manifest } from './load-context.ts';

const config = { categories: manifest.categories, serviceTags: manifest.serviceTags };
const onShow: Resource = {
  id: 'care-1',
  name: '臺南市東區關懷據點',
  category: 'care-point',
  services: [],
  address: '臺南市東區大學路1號',
  county: '臺南市',
  town: '東區',
  position: toLatLng(22.9967, 120.2169),
  precision: 'exact',
  phones: [],
  source: '臺南市政府',
  visibility: 'public',
  extra: {},
};
const csv = [
  '識別碼,名稱,地址,緯度,經度',
  'care-1,台南市 東區 關懷據點,台南市東區大學路１號,22.9967,120.2169',
  'care-2,新的據點,臺南市東區長榮路100號,22.99,120.22',
  'care-2,同號的另一處,臺南市東區長榮路200號,22.98,120.22',
].join('\n');
const landing = (existing: readonly Resource[], reservedIds: readonly string[] = []): LandingRequest => ({
  datasetId: 'import-abc',
  fileName: 'points.csv',
  importedAt: '2025-03-14T08:00:00.000Z',
  visibility: 'internal',
  origin: 'file',
  existing: duplicateCandidates(existing),
  reservedIds,
});

describe('a file from which nothing could be imported', () => {
  it.each([
    { what: 'no name column', text: '代碼,備註\n1,週三休\n', failure: 'no-name-column' },
    {
      what: 'every row without a name',
      text: '名稱,地址\n,臺南市東區大學路1號\n  ,\n',
      failure: 'all-rows-rejected',
    },
    { what: 'no rows at all', text: '名稱,地址\n', failure: 'file-empty' },
  ])('$what: says why, and lands no dataset to save', ({ text, failure }) => {
    const empty = importBytes(new TextEncoder().encode(text), { file: 'empty.csv' });
    expect(landImport(empty, landing([onShow]), config).failure).toBe(failure);
  });
});

describe('landing an import in the worker', () => {
  const result = importBytes(new TextEncoder().encode(csv), { file: 'points.csv' });

  it('keeps ids unique against the records on show and within the file; report rows follow', () => {
    const landed = landImport(result, landing([onShow]), config);
    expect(landed.resources.map((r) => r.id)).toEqual(['care-1-2', 'care-2', 'care-2-2']);
    expect(landed.dataset.rows.map((r) => r.resourceId)).toEqual(['care-1-2', 'care-2', 'care-2-2']);
    expect(landed.dataset.rows[0]?.issues.map((i) => i.code)).toContain('duplicate-id');
    expect(landed.failure).toBeNull();
  });

  it('flags duplicates of the records on show, open for the person to resolve', () => {
    const landed = landImport(result, landing([onShow]), config);
    expect(landed.dataset.duplicates).toEqual([
      {
        keepId: 'care-1',
        duplicateId: 'care-1-2',
        reason: 'same-name-address',
        distance: 0,
        keepName: onShow.name,
        duplicateName: '台南市 東區 關懷據點',
        resolution: 'open',
      },
    ]);
  });

  it('describes the dataset as the list of datasets shows it, with search text per record', () => {
    const landed = landImport(result, { ...landing([]), format: 'kml' }, config);
    expect(landed.dataset).toMatchObject({
      id: 'import-abc',
      fileName: 'points.csv',
      format: 'kml',
      encoding: 'utf-8',
      importedAt: '2025-03-14T08:00:00.000Z',
      visibility: 'internal',
      origin: 'file',
    });
    expect(landImport(result, landing([]), config).dataset.format).toBe('csv');
    // The index parts the page will merge: built from the landed records, as the page would build them.
    expect(landed.parts).toEqual(
      buildIndexParts(landed.resources, manifest.categories, manifest.serviceTags),
    );
  });

  it('finds start years and internal records in the worker, and the page makes its dataset of what it built', () => {
    const landed = landImport(result, landing([]), config);
    const internal = landed.resources.filter((r) => r.visibility === 'internal').length;
    expect(landed.facts.internalCount).toBe(internal);
    expect(Array.from(landed.facts.startYears)).toEqual(Array.from(startYears([...landed.resources])));
    // Across the worker boundary: a structured clone, as the page receives it.
    const received = structuredClone(landed);
    const dataset = landedRecords(received, config);
    expect(dataset.startYears).toBe(received.facts.startYears);
    expect(dataset.internalCount).toBe(internal);
    expect(dataset.columns).toBe(received.parts?.columns);
    expect(describeDataset(dataset)).toEqual(describeDataset(buildDataset(received.resources, config)));
  });

  it('says why when the file gave no rows at all', () => {
    const empty = importBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), { file: 'broken.xlsx' });
    expect(landImport(empty, landing([]), config).failure).toBe('file-unreadable');
  });

  it('takes no id of a deleted record (an undo could bring it back), nor flags it as a duplicate', () => {
    const landed = landImport(result, landing([], ['care-1']), config);
    expect(landed.resources.map((r) => r.id)).toEqual(['care-1-2', 'care-2', 'care-2-2']);
    expect(landed.dataset.duplicates).toEqual([]);
    const again = relandImport(landed, [], ['care-2']).resources.map((r) => r.id);
    expect(again).toEqual(['care-1-2', 'care-2-2', 'care-2-2-2']);
    expect(again).not.toContain('care-2');
  });

  it('lands again on the page when the records on show changed meanwhile', () => {
    const landed = landImport(result, landing([]), config);
    expect(landed.resources.map((r) => r.id)).toEqual(['care-1', 'care-2', 'care-2-2']);
    const again = relandImport(landed, [onShow], []);
    expect(again.resources.map((r) => r.id)).toEqual(['care-1-2', 'care-2', 'care-2-2']);
    expect(again.dataset.rows.map((r) => r.resourceId)).toEqual(['care-1-2', 'care-2', 'care-2-2']);
    expect(again.dataset.duplicates.map((p) => p.duplicateId)).toEqual(['care-1-2']);
    // Renamed ids change neither the display order nor the search columns: the parts still fit.
    expect(again.parts).toBe(landed.parts);
    expect(again.parts).toEqual(buildIndexParts(again.resources, manifest.categories, manifest.serviceTags));
  });
});

describe('a finished import crossing from the worker in parts', () => {
  const result = importBytes(new TextEncoder().encode(csv), { file: 'points.csv' });
  const hostile: Resource = {
    ...onShow,
    id: 'odd',
    name: '\uD800 lone "quoted" \u2028',
    extra: Object.defineProperty({ constructor: 'c' }, '__proto__', {
      value: 'p',
      enumerable: true,
      writable: true,
      configurable: true,
    }) as Record<string, string>,
  };
  const base = landImport(result, landing([]), config);
  const landed: LandedImport = {
    ...base,
    resources: [...base.resources, hostile],
    parts: buildIndexParts([...base.resources, hostile], manifest.categories, manifest.serviceTags),
  };

  const send = (replies: Iterable<ImportReply>) => {
    const join = partJoiner();
    const whole = [...replies].map(join).filter((r) => r !== undefined);
    expect(whole).toHaveLength(1);
    const [done] = whole;
    if (done?.type !== 'done') throw new Error('no done');
    return done.landed;
  };

  it('comes back whole and equal, whatever the size of the parts', () => {
    for (const size of [1, 2, 3, 1000]) {
      const back = send(splitDone(landed, size));
      expect(back).toEqual(landed);
      expect(Object.hasOwn(back.resources.at(-1)?.extra ?? {}, '__proto__')).toBe(true);
    }
  });

  it('sends records as JSON text in parts, then the rest', () => {
    const replies = [...splitDone(landed, 2)];
    expect(replies.map((r) => r.type)).toEqual(['part', 'part', 'done']);
    expect(replies.every((r) => r.type !== 'part' || typeof r.json === 'string')).toBe(true);
  });

  it('passes other replies through, and an empty import still arrives', () => {
    const join = partJoiner();
    expect(join({ type: 'persisted' })).toEqual({ type: 'persisted' });
    const empty: LandedImport = {
      ...landed,
      resources: [],
      parts: null,
      dataset: { ...landed.dataset, rows: [] },
    };
    expect(send(splitDone(empty))).toEqual(empty);
  });
});

describe('saved imports on disk', () => {
  // What import-persistence.ts wrote before the worker wrote datasets: every saved import looks like this.
  const dataset: ImportedDataset = {
    id: 'import-test',
    fileName: 'points.csv',
    format: 'csv',
    encoding: 'utf-8',
    importedAt: '2025-03-14T08:00:00.000Z',
    visibility: 'internal',
    origin: 'file',
    mapping: { name: '名稱' },
    rows: [{ row: 2, outcome: 'imported', name: onShow.name, resourceId: onShow.id, issues: [] }],
    duplicates: [],
  };
  const savedBefore = { version: 1, id: 'import-test', dataset, resources: [onShow] };

  it('the worker writes the same record the page wrote', () => {
    expect(storedDataset(dataset, [onShow])).toEqual(savedBefore);
    expect(Object.keys(storedDataset(dataset, [onShow]))).toEqual(Object.keys(savedBefore));
  });

  it('records of version 1 are read back; anything else is left out', () => {
    expect(isStoredDataset(structuredClone(savedBefore))).toBe(true);
    expect(isStoredDataset({ ...savedBefore, version: 2 })).toBe(false);
    expect(isStoredDataset({ ...savedBefore, resources: 'x' })).toBe(false);
    expect(isStoredDataset(null)).toBe(false);
  });
});
