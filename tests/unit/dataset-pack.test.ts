import { readFileSync } from 'node:fs';
import { inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compileDataPack } from '../../src/build/compile-data-pack.ts';
import { clusterLevelsOf } from '../../src/domain/geo/cluster-index.ts';
import { loadDataset } from '../../src/domain/loading/load-dataset.ts';
import { countIssuesByCode } from '../../src/domain/model/load-issues.ts';
import { parseManifest } from '../../src/domain/model/manifest.ts';
import {
  compressedSections,
  manifestKey,
  PackFormatError,
  packBuffers,
  readDatasetPack,
  readPackStart,
} from '../../src/domain/publish/dataset-pack.ts';
import { recordChunkText } from '../../src/domain/publish/record-chunk-text.ts';
import { PACK_CHUNK, parseRecordChunk } from '../../src/domain/publish/record-chunks.ts';
import { areaOptionsOf } from '../../src/domain/query/area-options.ts';
import { internalCountOf } from '../../src/domain/query/dataset.ts';
import { identityOrder, inDisplayOrder } from '../../src/domain/query/display-order.ts';
import { buildIndexParts } from '../../src/domain/query/index-parts.ts';
import { unpackSearchColumns } from '../../src/domain/query/search-columns.ts';
import { startYears } from '../../src/domain/query/start-year.ts';
import { joinedText } from '../../src/domain/query/text-pieces.ts';
import { readBytes, repoFile, sharedDataFile } from './fixture-paths.ts';

const manifestJson = JSON.parse(readFileSync(repoFile('data', 'manifest.json'), 'utf8')) as Record<
  string,
  unknown
>;
const readData = (name: string) => readBytes(repoFile('data', name));

/** The build's pack and positions file, as the page reads them (decompressed). */
function compiled(json: unknown, read: (name: string) => Uint8Array | undefined) {
  const result = compileDataPack(json, read);
  if ('problem' in result) throw new Error(result.problem);
  return {
    fileName: result.pack.fileName,
    bytes: result.pack.bytes,
    positionsName: result.positions.fileName,
    positions: result.positions.bytes,
  };
}

/**
 * What the page gets without a pack: the loading chain over the files, its records in display order (as the
 * worker sends them), and the parts the worker builds.
 */
function loadedAtRuntime(json: unknown, read: (name: string) => Uint8Array) {
  const manifest = parseManifest(json);
  const files = manifest.files.map((f) => ({ path: f.path, bytes: read(f.path) }));
  const loaded = loadDataset(manifest, new TextDecoder().decode(read(manifest.gazetteer)), files);
  const dataset = { ...loaded, resources: inDisplayOrder(loaded.resources) };
  return {
    manifest,
    dataset,
    parts: buildIndexParts(dataset.resources, manifest.categories, manifest.serviceTags),
    startYears: startYears(dataset.resources),
    internalCount: internalCountOf(dataset.resources),
  };
}

/** A read pack's index parts, its search text decoded (as the page decodes it). */
const partsOf = (pack: ReturnType<typeof readDatasetPack>) => ({
  order: pack.order,
  columns: unpackSearchColumns(pack.columns),
  positions: pack.positions,
});

const recordsOf = (chunks: readonly Uint8Array[]) =>
  chunks.flatMap((stored) => parseRecordChunk(recordChunkText(stored)));

describe('the dataset compiled at build time', () => {
  it('gives the page exactly what loading the embedded data/ files gives', () => {
    const pack = readDatasetPack(compiled(manifestJson, readData).bytes);
    const runtime = loadedAtRuntime(manifestJson, readData);
    expect(pack.count).toBe(111);
    expect(recordsOf(pack.chunks)).toEqual(runtime.dataset.resources);
    expect(JSON.parse(pack.issuesJson)).toEqual(runtime.dataset.issues);
    expect(pack.issueCount).toBe(runtime.dataset.issues.length);
    expect(pack.files).toEqual(runtime.dataset.files);
    expect(partsOf(pack)).toEqual(runtime.parts);
    expect(pack.startYears).toEqual(runtime.startYears);
    expect(pack.internalCount).toBe(runtime.internalCount);
    expect(pack.order).toEqual(identityOrder(111));
    // What the page would otherwise work out as the data lands.
    expect(pack.summaries).toEqual({
      areaOptions: areaOptionsOf(runtime.parts.columns),
      issueCounts: countIssuesByCode(runtime.dataset.issues),
    });
    expect(pack.summaries.areaOptions.map((o) => o.county)).toEqual(['金門縣', '嘉義縣']);
  });

  it('keeps hostile and lone-surrogate text exact, in records and in the search text, over several chunks', () => {
    const names = [
      '<img src=x onerror=alert(1)>',
      '\uD800 孤立代理',
      'a\u0000b',
      '\u2028行\u2029',
      '"\\',
      '__proto__',
    ];
    // GeoJSON, so that a lone surrogate (a JSON escape) reaches the records: UTF-8 bytes cannot carry one.
    const geojson = {
      type: 'FeatureCollection',
      features: Array.from({ length: PACK_CHUNK + 7 }, (_, i) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [120.4 + i / 1e5, 23.5] },
        properties: {
          名稱: `${names[i % names.length]} ${i}`,
          地址: `嘉義縣民雄鄉江厝店${i}號`,
          ['__proto__']: names[(i + 1) % names.length],
        },
      })),
    };
    const bytes = new TextEncoder().encode(JSON.stringify(geojson));
    const json = { ...manifestJson, files: [{ path: 'hostile.geojson', category: 'community-association' }] };
    const read = (name: string) => (name === 'hostile.geojson' ? bytes : readData(name));
    const pack = readDatasetPack(compiled(json, read).bytes);
    const runtime = loadedAtRuntime(json, read);
    const records = recordsOf(pack.chunks) as { name: string }[];
    expect(pack.chunks).toHaveLength(2);
    expect(records).toEqual(runtime.dataset.resources);
    expect(records.some((r) => r.name.includes('\uD800'))).toBe(true);
    // (not toBe: a failure would print two 100 kB strings)
    expect(joinedText(partsOf(pack).columns).joined === joinedText(runtime.parts.columns).joined).toBe(true);
    expect(joinedText(partsOf(pack).columns).joined.includes('\uD800')).toBe(true);
    // Sent to the page as bytes (stored as JSON: a decoder would replace the lone surrogate), and exact there.
    const sent = structuredClone(readDatasetPack(compiled(json, read).bytes).columns);
    expect(sent).toHaveProperty('joinedAsJson', true);
    expect(joinedText(unpackSearchColumns(sent)).joined === joinedText(runtime.parts.columns).joined).toBe(
      true,
    );
    expect(JSON.parse(pack.issuesJson)).toEqual(runtime.dataset.issues);
    expect(pack.issueCount).toBe(runtime.dataset.issues.length);
  });

  it.each([
    ['taipei-community-care-points.csv', 'care-point', '臺北市'],
    ['tainan-building-committees.geojson', 'community-association', '臺南市'],
  ])('loads the real messy public file %s the same way as at runtime', (file, category, county) => {
    const bytes = readBytes(sharedDataFile(file));
    const json = { ...manifestJson, files: [{ path: file, category, county }] };
    const read = (name: string) => (name === file ? bytes : readData(name));
    const pack = readDatasetPack(compiled(json, read).bytes);
    const runtime = loadedAtRuntime(json, read);
    expect(pack.count).toBeGreaterThan(0);
    expect(recordsOf(pack.chunks)).toEqual(runtime.dataset.resources);
    expect(JSON.parse(pack.issuesJson)).toEqual(runtime.dataset.issues);
    expect(pack.issueCount).toBe(runtime.dataset.issues.length);
    expect(pack.files).toEqual(runtime.dataset.files);
    expect(partsOf(pack)).toEqual(runtime.parts);
  });

  it('is recognised as compiled for the shipped manifest, and as stale for any other', () => {
    const { bytes, fileName } = compiled(manifestJson, readData);
    const pack = readDatasetPack(bytes);
    const shipped = parseManifest({ ...manifestJson, pack: fileName });
    expect(shipped.pack).toBe(fileName);
    expect(manifestKey(shipped)).toBe(pack.manifestKey);
    const retitled = parseManifest({
      ...manifestJson,
      title: { zh: '別的縣', en: 'Elsewhere' },
      pack: fileName,
    });
    expect(manifestKey(retitled)).not.toBe(pack.manifestKey);
  });

  it('is named by its content', () => {
    const a = compiled(manifestJson, readData);
    const b = compiled(manifestJson, readData);
    expect(a.fileName).toMatch(/^dataset-[0-9a-f]{12}\.pack$/);
    expect(a.positionsName).toBe(a.fileName.replace('.pack', '.positions'));
    expect(b.fileName).toBe(a.fileName);
    const other = compiled({ ...manifestJson, title: { zh: '別的縣', en: 'Elsewhere' } }, readData);
    expect(other.fileName).not.toBe(a.fileName);
  });

  it.each([
    ['an invalid manifest', { ...manifestJson, files: 'none' }, readData, /files must be a list/],
    [
      'a listed file that is missing',
      manifestJson,
      (name: string) => (name.endsWith('.geojson') ? undefined : readData(name)),
      /kinmen-social-services\.geojson is missing/,
    ],
    [
      'a missing gazetteer',
      manifestJson,
      (name: string) => (name === 'tw-township-centroids.csv' ? undefined : readData(name)),
      /tw-township-centroids\.csv is missing/,
    ],
  ])('is not made for %s (the page then loads the files and reports it)', (_, json, read, problem) => {
    const result = compileDataPack(json, read);
    expect('problem' in result && result.problem).toMatch(problem);
  });

  it.each([
    ['bytes that are not a pack', new TextEncoder().encode('名稱,地址\n')],
    ['an empty file', new Uint8Array(0)],
    ['a truncated pack', compiled(manifestJson, readData).bytes.slice(0, 5_000)],
  ])('rejects %s with a clear error', (_, bytes) => {
    expect(() => readDatasetPack(bytes)).toThrow(PackFormatError);
  });

  it('is compressed section by section, and hands the page its buffers once each', () => {
    const { bytes } = compiled(manifestJson, readData);
    const pack = readDatasetPack(bytes);
    const inflated = pack.chunks.reduce((n, c) => n + recordChunkText(c).length, 0);
    // The whole pack, index included, is smaller than its records' JSON alone.
    expect(bytes.byteLength).toBeLessThan(inflated);
    const buffers = packBuffers(pack);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toContain(pack.chunks[0]?.buffer);
    expect(buffers).toContain(pack.columns.starts.buffer);
  });

  it('sends its search text to the page as the bytes it stores, which the page decodes as they land', () => {
    const { bytes } = compiled(manifestJson, readData);
    const runtime = loadedAtRuntime(manifestJson, readData);
    const pack = readDatasetPack(bytes);
    const packed = pack.columns;
    // UTF-16LE, two bytes a code unit, in a buffer of its own that the worker transfers with the rest.
    expect(packed.joinedAsJson).toBe(false);
    expect(packBuffers(pack)).toContain(packed.joinedUtf16.buffer);
    const onThePage = unpackSearchColumns(structuredClone(packed));
    expect(onThePage).toEqual(runtime.parts.columns);
    expect(packed.joinedUtf16.byteLength).toBe(2 * joinedText(onThePage).joined.length);
  });

  it('reads the sections its caller inflated, and says one of the wrong length is damaged', () => {
    const { bytes } = compiled(manifestJson, readData);
    const sections = compressedSections(bytes);
    expect(sections.map((s) => s.name)).toEqual(expect.arrayContaining(['lat', 'lng', 'joined', 'issues']));
    const inflated = new Map(sections.map((s) => [s.name, inflateSync(s.stored)] as const));
    expect(readDatasetPack(bytes, inflated)).toEqual(readDatasetPack(bytes));
    const short = new Map(inflated).set('joined', inflated.get('joined')?.subarray(2) ?? new Uint8Array(0));
    expect(() => readDatasetPack(bytes, short)).toThrow(PackFormatError);
    expect(compressedSections(bytes.slice(0, 6))).toEqual([]);
  });

  it('says a damaged pack is damaged', () => {
    const { bytes } = compiled(manifestJson, readData);
    const damaged = new Uint8Array(bytes);
    damaged.fill(0x55, 8, 40);
    expect(() => readDatasetPack(damaged)).toThrow();
  });

  it('has its positions in a small file of their own, read like the start of the pack', () => {
    const { bytes, positions } = compiled(manifestJson, readData);
    const pack = readDatasetPack(bytes);
    const alone = readPackStart(positions);
    const fromPack = readPackStart(bytes);
    for (const start of [alone, fromPack]) {
      if ('needed' in start) throw new Error(`needs ${start.needed} bytes`);
      expect(start.positions).toEqual(pack.positions);
      expect(start.manifestKey).toBe(pack.manifestKey);
      expect(start.sources).toEqual(pack.sources);
    }
    // Smaller than the pack it is read before (for 111 records, just over half of it).
    expect(positions.byteLength).toBeLessThan(bytes.byteLength);
    // The positions file alone carries the cluster index's farthest zooms, made from the same positions (here
    // every zoom of the overview: the 111 resources make fewer markers than the budget).
    if ('needed' in alone || 'needed' in fromPack) throw new Error('unread');
    expect(alone.clusterLevels).toEqual(clusterLevelsOf(pack.positions, 3000));
    expect(fromPack.clusterLevels).toBeUndefined();
    expect(readPackStart(bytes.slice(0, 6))).toEqual({ needed: 8 });
    expect(readPackStart(bytes.slice(0, 100))).toEqual({ needed: expect.any(Number) });
    expect(() => readPackStart(new TextEncoder().encode('名稱,地址\n'))).toThrow(PackFormatError);
  });

  it('records the size of every file it was compiled from, as shipped', () => {
    const pack = readDatasetPack(compiled(manifestJson, readData).bytes);
    const files = [
      ...(manifestJson.files as { path: string }[]).map((f) => f.path),
      'tw-township-centroids.csv',
    ];
    expect(pack.sources.map((s) => s.path).sort()).toEqual(files.sort());
    for (const s of pack.sources) expect(s.bytes).toBe(readData(s.path).byteLength);
  });
});
