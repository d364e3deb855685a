import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDataPack } from '../../src/build/compile-data-pack.ts';
import { CLUSTER_INDEX_KIND } from '../../src/domain/geo/cluster-index.ts';
import { parseClusterLevels } from '../../src/domain/geo/cluster-levels.ts';
import type { PositionColumns } from '../../src/domain/geo/position-columns.ts';
import { parseManifest } from '../../src/domain/model/manifest.ts';
import { readDatasetPack } from '../../src/domain/publish/dataset-pack.ts';
import { fetchPack } from '../../src/services/dataset/fetch-dataset.ts';
import { readBytes, repoFile } from './fixture-paths.ts';

// A real HTTP server holding a built data folder, as a static host serves it; each test says what differs.
const manifestJson = JSON.parse(readFileSync(repoFile('data', 'manifest.json'), 'utf8')) as Record<
  string,
  unknown
>;
const compiled = (() => {
  const result = compileDataPack(manifestJson, (name) => readBytes(repoFile('data', name)));
  if ('problem' in result) throw new Error(result.problem);
  return result;
})();
const shipped = { ...manifestJson, pack: compiled.pack.fileName, packPositions: compiled.positions.fileName };

interface Site {
  files: Map<string, Uint8Array>;
  /** Served without Content-Length (chunked), as hosts that compress on the fly do. */
  chunked: boolean;
}
let site: Site;
const requests: string[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.replace('/data/', ''));
    requests.push(`${req.method} ${name}`);
    const bytes = site.files.get(name);
    if (!bytes) {
      res.writeHead(404).end();
      return;
    }
    if (!site.chunked) res.setHeader('Content-Length', bytes.byteLength);
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The built folder, with changes. */
function serve(changes: Record<string, Uint8Array | null> = {}, chunked = false) {
  const files = new Map<string, Uint8Array>();
  for (const f of manifestJson.files as { path: string }[])
    files.set(f.path, readBytes(repoFile('data', f.path)));
  files.set('tw-township-centroids.csv', readBytes(repoFile('data', 'tw-township-centroids.csv')));
  files.set(compiled.pack.fileName, compiled.pack.bytes);
  files.set(compiled.positions.fileName, compiled.positions.bytes);
  for (const [name, bytes] of Object.entries(changes)) {
    if (bytes) files.set(name, bytes);
    else files.delete(name);
  }
  site = { files, chunked };
  requests.length = 0;
}

async function load(manifest: unknown = shipped) {
  const sent: PositionColumns[] = [];
  const levels: unknown[] = [];
  const result = await fetchPack(baseUrl, parseManifest(manifest), (p, l) => {
    sent.push(p);
    levels.push(l);
  });
  return { ...result, sent, levels };
}

const expected = readDatasetPack(compiled.pack.bytes);
const grown = (name: string) => new Uint8Array([...readBytes(repoFile('data', name)), 0x0a]);

describe('fetchPack: the compiled data, or why not', () => {
  it('reads a current pack, sends the positions once, and only asks the data files for their size', async () => {
    serve();
    const { pack, problem, sent, levels } = await load();
    expect(problem).toBeUndefined();
    expect(pack?.count).toBe(111);
    // Inflated natively here (DecompressionStream), the same as the pack reader's own fflate gives.
    expect(pack?.order).toEqual(expected.order);
    expect(pack?.columns).toEqual(expected.columns);
    expect(pack?.positions).toEqual(expected.positions);
    expect(pack?.startYears).toEqual(expected.startYears);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual(expected.positions);
    // With the cluster levels shipped beside them (domain/geo/cluster-levels.ts), as the positions file holds them.
    expect(parseClusterLevels(levels[0], CLUSTER_INDEX_KIND)?.zooms.length).toBeGreaterThan(8);
    expect(requests.filter((r) => r.startsWith('GET ')).sort()).toEqual(
      [`GET ${compiled.pack.fileName}`, `GET ${compiled.positions.fileName}`].sort(),
    );
    expect(requests.filter((r) => r.startsWith('HEAD '))).toHaveLength(5);
  });

  it.each([
    [
      'a manifest edited after the build',
      {},
      { ...shipped, title: { zh: '別的縣', en: 'Elsewhere' } },
      /built for another manifest/,
    ],
    [
      'a data file replaced by one of another size',
      { 'sample-community-resources.csv': grown('sample-community-resources.csv') },
      shipped,
      /sample-community-resources\.csv changed since the build/,
    ],
    [
      'a data file gone',
      { 'chiayi-welfare-centers.csv': null },
      shipped,
      /chiayi-welfare-centers\.csv is missing/,
    ],
  ])(
    'is not used for %s, and says why (its positions, stale, are not sent)',
    async (_, changes, manifest, why) => {
      serve(changes);
      const { pack, problem, sent } = await load(manifest);
      expect(pack).toBeUndefined();
      expect(problem).toMatch(why);
      expect(sent).toEqual([]);
    },
  );

  it('is not used when damaged, and says why (its positions, current, may have gone ahead)', async () => {
    serve({ [compiled.pack.fileName]: compiled.pack.bytes.slice(0, 200) });
    const { pack, problem, sent } = await load();
    expect(pack).toBeUndefined();
    expect(problem).toMatch(new RegExp(compiled.pack.fileName));
    // The positions file is intact and current: whether it was read before the pack failed is a race.
    expect(sent.length).toBeLessThanOrEqual(1);
    for (const positions of sent) expect(positions).toEqual(expected.positions);
  });

  it('is not used when it is not there (its positions, current, may have gone ahead: the files give the same)', async () => {
    serve({ [compiled.pack.fileName]: null });
    const { pack, problem, sent } = await load();
    expect(pack).toBeUndefined();
    expect(problem).toMatch(/HTTP 404/);
    for (const positions of sent) expect(positions).toEqual(expected.positions);
  });

  it('takes the positions from the pack when their own file cannot be had (copies, to transfer)', async () => {
    serve({ [compiled.positions.fileName]: null });
    const { pack, sent, levels } = await load();
    expect(pack).toBeDefined();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual(expected.positions);
    // The pack has no cluster levels: the cluster worker builds the index for the first view.
    expect(levels).toEqual([undefined]);
    expect(sent[0]?.lat.buffer).not.toBe(pack?.positions.lat.buffer);
    expect(sent[0]?.lat.buffer).not.toBe(sent[0]?.lng.buffer);
  });

  it('trusts the pack when the host gives no sizes (compressing on the fly)', async () => {
    serve({ 'sample-community-resources.csv': grown('sample-community-resources.csv') }, true);
    const { pack, problem } = await load();
    expect(problem).toBeUndefined();
    expect(pack?.count).toBe(111);
  });

  it('is not asked for when the manifest names no pack (development)', async () => {
    serve();
    const { pack, problem } = await load(manifestJson);
    expect(pack).toBeUndefined();
    expect(problem).toBeUndefined();
    expect(requests).toEqual([]);
  });
});
