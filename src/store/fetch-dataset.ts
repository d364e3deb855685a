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

/** Fetches the manifest, the gazetteer and every listed file; a file that fails is recorded, not thrown. */
export async function fetchDataset(baseUrl: string): Promise<FetchedDataset> {
  const manifestResponse = await fetch(new URL('manifest.json', baseUrl));
  if (!manifestResponse.ok) throw new Error(`manifest.json: HTTP ${manifestResponse.status}`);
  const manifest = parseManifest(await manifestResponse.json());
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
