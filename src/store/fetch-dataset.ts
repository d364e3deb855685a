import {
  type DatasetPack,
  manifestKey,
  type PackSource,
  readDatasetPack,
  readPackStart,
} from '../domain/dataset-pack.ts';
import type { FetchedFile } from '../domain/load-dataset.ts';
import { type Manifest, parseManifest } from '../domain/manifest.ts';
import type { PositionColumns } from '../domain/position-columns.ts';

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
 * A response body, decompressed when it is a gzip file sent as it is; a server that sent it with
 * Content-Encoding: gzip has had the browser decompress it already (no gzip signature left), and its body is
 * then read as it comes, with no stream in between.
 */
export async function decompressedBody(
  body: ReadableStream<Uint8Array>,
): Promise<ReadableStream<Uint8Array>> {
  const [peek, whole] = body.tee();
  const reader = peek.getReader();
  const first = await reader.read();
  void reader.cancel();
  const gzip = !first.done && first.value[0] === 0x1f && first.value[1] === 0x8b;
  return gzip
    ? whole.pipeThrough(new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>)
    : whole;
}

const joined = (parts: readonly Uint8Array[], total: number) => {
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
};

/**
 * Reads a stream to its end. Whenever `needed` bytes have come, `onPrefix` gets all the bytes so far and says
 * how many it needs next (undefined: no more), or 'stop' to cancel the download (the result is then undefined).
 */
export async function readStream(
  stream: ReadableStream<Uint8Array>,
  onPrefix?: (prefix: Uint8Array) => Promise<number | 'stop' | undefined>,
): Promise<Uint8Array | undefined> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  let needed = onPrefix ? 1 : Number.POSITIVE_INFINITY;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return joined(parts, total);
    parts.push(value);
    total += value.byteLength;
    if (total < needed || !onPrefix) continue;
    const next = await onPrefix(joined(parts, total));
    if (next === 'stop') {
      await reader.cancel();
      return undefined;
    }
    needed = next ?? Number.POSITIVE_INFINITY;
  }
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
 * pack downloads. The positions come first in a pack: `onPositions` gets them as soon as they are in (and the
 * pack is known to be current), so that clustering starts while the rest downloads.
 */
export async function fetchPack(
  baseUrl: string,
  manifest: Manifest,
  onPositions?: (positions: PositionColumns) => void,
): Promise<{ pack?: DatasetPack; problem?: string }> {
  if (!manifest.pack) return {};
  const name = manifest.pack;
  const paths = manifest.files.map((f) => f.path).concat(manifest.gazetteer);
  const sizes = Promise.all(paths.map((path) => servedSize(new URL(path, baseUrl).href)));
  const staleness = async (compiled: { manifestKey: string; sources: readonly PackSource[] }) => {
    if (compiled.manifestKey !== packKeyOf(manifest)) return `${name} was built for another manifest`;
    const compiledSize = new Map(compiled.sources.map((s) => [s.path, s.bytes] as const));
    for (const [i, size] of (await sizes).entries()) {
      if (size === undefined || size === compiledSize.get(paths[i] as string)) continue;
      return `${paths[i]} ${size === 'missing' ? 'is missing' : 'changed since the build'}`;
    }
    return undefined;
  };
  try {
    const response = await fetch(new URL(name, baseUrl));
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    let problem: string | undefined;
    const bytes = await readStream(await decompressedBody(response.body), async (prefix) => {
      const start = readPackStart(prefix);
      if ('needed' in start) return start.needed;
      problem = await staleness(start);
      if (problem) return 'stop';
      onPositions?.(start.positions);
      return undefined;
    });
    if (problem || !bytes) return { problem: problem ?? `${name}: download stopped` };
    const pack = readDatasetPack(bytes);
    problem = await staleness(pack);
    return problem ? { problem } : { pack };
  } catch (error) {
    return { problem: `${name}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
