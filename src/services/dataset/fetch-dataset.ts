import type { PositionColumns } from '../../domain/geo/position-columns.ts';
import type { FetchedFile } from '../../domain/loading/load-dataset.ts';
import { type Manifest, parseManifest } from '../../domain/model/manifest.ts';
import {
  compressedSections,
  type DatasetPack,
  type InflatedSections,
  manifestKey,
  type PackSource,
  readDatasetPack,
  readPackStart,
} from '../../domain/publish/dataset-pack.ts';

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
 * The compressed sections of a pack or positions file, inflated by the browser's own zlib (DecompressionStream),
 * all at once: in Chromium this takes half the time fflate does in a fresh worker, and leaves no JavaScript for
 * the engine to compile while the page loads. Undefined where that fails ('deflate-raw' is newer than
 * DecompressionStream itself; or damaged bytes): the pack reader then inflates them, and reports damage.
 */
async function inflateNatively(bytes: Uint8Array): Promise<InflatedSections | undefined> {
  if (typeof DecompressionStream !== 'function') return undefined;
  try {
    const sections = await Promise.all(
      compressedSections(bytes).map(async ({ name, stored }) => [name, await inflateRaw(stored)] as const),
    );
    return new Map(sections);
  } catch {
    return undefined;
  }
}

/** Raw DEFLATE bytes inflated by the browser (DecompressionStream); throws where it cannot. */
export async function inflateRaw(stored: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([stored as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The build's compiled dataset, when the manifest names one and it still matches the data folder; otherwise
 * (none, unreadable, compiled for another manifest, or a data file replaced on the server after the build)
 * undefined and why, and the page loads the files themselves. Sizes are checked with HEAD requests while the
 * pack downloads. `onPositions` gets the positions as soon as they are known to be current: from the small
 * positions file fetched beside the pack, so that clustering starts while the records download, with the cluster
 * levels shipped in that file (or from the pack, without levels, when that file cannot be had).
 */
export async function fetchPack(
  baseUrl: string,
  manifest: Manifest,
  onPositions?: (positions: PositionColumns, clusterLevels?: unknown) => void,
): Promise<{ pack?: DatasetPack; problem?: string }> {
  if (!manifest.pack) return {};
  const name = manifest.pack;
  const paths = manifest.files.map((f) => f.path).concat(manifest.gazetteer);
  const sizes = Promise.all(paths.map((path) => servedSize(new URL(path, baseUrl).href)));
  const staleness = async (compiled: { manifestKey: string; sources: readonly PackSource[] }) => {
    if (compiled.manifestKey !== manifestKey(manifest)) return `${name} was built for another manifest`;
    const compiledSize = new Map(compiled.sources.map((s) => [s.path, s.bytes] as const));
    for (const [i, size] of (await sizes).entries()) {
      if (size === undefined || size === compiledSize.get(paths[i] as string)) continue;
      return `${paths[i]} ${size === 'missing' ? 'is missing' : 'changed since the build'}`;
    }
    return undefined;
  };
  let positionsSent = false;
  const early = manifest.packPositions
    ? fetchBytes(new URL(manifest.packPositions, baseUrl).href)
        .then(async (bytes) => {
          const start = readPackStart(bytes, await inflateNatively(bytes));
          if ('needed' in start || (await staleness(start))) return;
          positionsSent = true;
          onPositions?.(start.positions, start.clusterLevels);
        })
        .catch(() => undefined)
    : undefined;
  try {
    const bytes = await fetchBytes(new URL(name, baseUrl).href);
    const pack = readDatasetPack(bytes, await inflateNatively(bytes));
    const problem = await staleness(pack);
    if (problem) return { problem };
    await early;
    // Copies: the pack's own arrays are views of one buffer, which goes to the page whole.
    const { lat, lng } = pack.positions;
    if (!positionsSent) onPositions?.({ lat: lat.slice(), lng: lng.slice() });
    return { pack };
  } catch (error) {
    return { problem: `${name}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
