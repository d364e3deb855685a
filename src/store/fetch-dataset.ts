import { type DatasetPack, manifestKey, readDatasetPack } from '../domain/dataset-pack.ts';
import type { FetchedFile } from '../domain/load-dataset.ts';
import { type Manifest, parseManifest } from '../domain/manifest.ts';

/** Everything the loading chain needs, fetched from a data folder (default: ./data/). */
export interface FetchedDataset {
  readonly manifest: Manifest;
  readonly gazetteerText: string;
  readonly files: FetchedFile[];
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * A gzipped file's contents, decompressed natively (DecompressionStream). Bytes without the gzip signature are
 * returned as they are: a server that sends the file with Content-Encoding: gzip has had the browser do it.
 */
export async function gunzipped(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Fetches and validates data/manifest.json. */
export async function fetchManifest(baseUrl: string): Promise<Manifest> {
  const manifestResponse = await fetch(new URL('manifest.json', baseUrl));
  if (!manifestResponse.ok) throw new Error(`manifest.json: HTTP ${manifestResponse.status}`);
  return parseManifest(await manifestResponse.json());
}

/** Fetches the gazetteer and every listed file; a file that fails is recorded, not thrown. */
export async function fetchDataFiles(baseUrl: string, manifest: Manifest): Promise<FetchedDataset> {
  const gazetteerText = new TextDecoder().decode(await fetchBytes(new URL(manifest.gazetteer, baseUrl).href));
  const files = await Promise.all(
    manifest.files.map(async (spec): Promise<FetchedFile> => {
      try {
        return { path: spec.path, bytes: await fetchBytes(new URL(spec.path, baseUrl).href) };
      } catch (error) {
        return { path: spec.path, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  return { manifest, gazetteerText, files };
}

/** Fetches the manifest, the gazetteer and every listed file. */
export async function fetchDataset(baseUrl: string): Promise<FetchedDataset> {
  return fetchDataFiles(baseUrl, await fetchManifest(baseUrl));
}

/** The key a pack compiled for this manifest carries (the manifest without its pack entry). */
export function packKeyOf(manifest: Manifest): string {
  const { pack: _pack, ...compiledWith } = manifest;
  return manifestKey(compiledWith);
}

/**
 * The size a file is served at, without downloading it: 'missing' when the server says it is not there;
 * undefined when it cannot tell (no length, a compressed length, or no network — offline, the pack is trusted).
 */
async function servedSize(url: string): Promise<number | 'missing' | undefined> {
  try {
    const response = await fetch(url, { method: 'HEAD' });
    if (!response.ok) return 'missing';
    const length = response.headers.get('Content-Length');
    if (length === null || response.headers.get('Content-Encoding')) return undefined;
    return Number(length);
  } catch {
    return undefined;
  }
}

/**
 * The build's compiled dataset, when the manifest names one and it still matches the data folder; otherwise
 * (none, unreadable, compiled for another manifest, or a data file replaced on the server after the build)
 * undefined and why, and the page loads the files themselves. Sizes are checked with HEAD requests while the
 * pack downloads, so the check costs no extra time.
 */
export async function fetchPack(
  baseUrl: string,
  manifest: Manifest,
): Promise<{ pack?: DatasetPack; problem?: string }> {
  if (!manifest.pack) return {};
  const name = manifest.pack;
  try {
    const sources = manifest.files.map((f) => f.path).concat(manifest.gazetteer);
    const [bytes, sizes] = await Promise.all([
      fetchBytes(new URL(name, baseUrl).href),
      Promise.all(sources.map((path) => servedSize(new URL(path, baseUrl).href))),
    ]);
    const pack = readDatasetPack(await gunzipped(bytes));
    if (pack.manifestKey !== packKeyOf(manifest))
      return { problem: `${name} was built for another manifest` };
    const compiledSize = new Map(pack.sources.map((s) => [s.path, s.bytes] as const));
    for (const [i, size] of sizes.entries()) {
      if (size === undefined || size === compiledSize.get(sources[i] as string)) continue;
      return { problem: `${sources[i]} ${size === 'missing' ? 'is missing' : 'changed since the build'}` };
    }
    return { pack };
  } catch (error) {
    return { problem: `${name}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
