import { createHash } from 'node:crypto';
import { clusterLevelsOf } from '../domain/geo/cluster-index.ts';
import { loadDataset } from '../domain/loading/load-dataset.ts';
import { parseManifest } from '../domain/model/manifest.ts';
import { manifestKey, writeDatasetPack, writePositionsFile } from '../domain/publish/dataset-pack.ts';
import { internalCountOf } from '../domain/query/dataset.ts';
import { inDisplayOrder } from '../domain/query/display-order.ts';
import { buildIndexParts } from '../domain/query/index-parts.ts';
import { startYears } from '../domain/query/start-year.ts';

/**
 * At most this many markers of the cluster index's farthest zooms are shipped with the positions (see
 * domain/geo/cluster-levels.ts): for 100,000 points across Taiwan, zooms 0–12, enough for the whole island, a county
 * or a city, in about 60 KB compressed.
 */
const SHIPPED_CLUSTER_MARKERS = 3000;

/** A file the build writes into data/. */
export interface CompiledFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export type CompiledPack =
  | {
      readonly pack: CompiledFile;
      /** The positions alone (the page fetches them beside the pack, to start clustering sooner). */
      readonly positions: CompiledFile;
      readonly resourceCount: number;
    }
  | { readonly problem: string };

/**
 * Runs the loading chain at build time over the files a public build ships (`read` gives a file's public bytes,
 * undefined when it is missing or left out), and compiles the result (domain/publish/dataset-pack.ts). The pack is named
 * by its content, so caches never serve an old one. No pack is made when the manifest is invalid or a listed
 * file is missing: the page then loads the files and reports what is wrong, as it does in development.
 * Records are stored in display order (see inDisplayOrder). Both files are compressed section by section (see
 * domain/publish/dataset-pack.ts), so hosts need not compress them.
 */
export function compileDataPack(
  manifestJson: unknown,
  read: (name: string) => Uint8Array | undefined,
): CompiledPack {
  let manifest: ReturnType<typeof parseManifest>;
  try {
    // Any pack entries already in it are the build's own and left out of the key (manifestKey).
    manifest = parseManifest(manifestJson);
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  const gazetteer = read(manifest.gazetteer);
  if (!gazetteer) return { problem: `${manifest.gazetteer} is missing` };
  const files: { path: string; bytes: Uint8Array }[] = [];
  for (const spec of manifest.files) {
    const bytes = read(spec.path);
    if (!bytes) return { problem: `${spec.path} is missing` };
    files.push({ path: spec.path, bytes });
  }
  const loaded = loadDataset(manifest, new TextDecoder().decode(gazetteer), files);
  const dataset = { ...loaded, resources: inDisplayOrder(loaded.resources) };
  const key = manifestKey(manifest);
  const sources = [
    { path: manifest.gazetteer, bytes: gazetteer.byteLength },
    ...files.map((f) => ({ path: f.path, bytes: f.bytes.byteLength })),
  ];
  const parts = buildIndexParts(dataset.resources, manifest.categories, manifest.serviceTags);
  const raw = writeDatasetPack({
    manifestKey: key,
    sources,
    dataset,
    parts,
    startYears: startYears(dataset.resources),
    internalCount: internalCountOf(dataset.resources),
  });
  const pack = named(raw, 'pack');
  return {
    pack,
    positions: named(
      writePositionsFile({
        manifestKey: key,
        sources,
        positions: parts.positions,
        clusterLevels: clusterLevelsOf(parts.positions, SHIPPED_CLUSTER_MARKERS),
      }),
      'positions',
      pack.fileName,
    ),
    resourceCount: dataset.resources.length,
  };
}

/** Named by content (the positions file after its pack, so the two always go together). */
function named(bytes: Uint8Array, kind: 'pack' | 'positions', packName?: string): CompiledFile {
  const hash = packName
    ? (/^dataset-([0-9a-f]+)\./.exec(packName)?.[1] ?? '')
    : createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  return { fileName: `dataset-${hash}.${kind}`, bytes };
}
