/// <reference lib="webworker" />

import type { DatasetPack } from '../domain/dataset-pack.ts';
import type { Manifest } from '../domain/manifest.ts';
import { columnBuffers } from '../domain/search-columns.ts';
import type { DatasetMessage } from './dataset-protocol.ts';
import { fetchManifest, fetchPack } from './fetch-dataset.ts';

const post = (message: DatasetMessage, transfer: Transferable[] = []) => self.postMessage(message, transfer);

/** The build compiled the data: positions, record chunks and index parts are read, not computed. */
function sendPack(manifest: Manifest, pack: DatasetPack) {
  const { positions, order, columns } = pack.parts;
  post({ type: 'positions', positions }, [positions.lat.buffer, positions.lng.buffer]);
  for (const json of pack.chunks) post({ type: 'chunk', json }, [json.buffer]);
  post(
    {
      type: 'done',
      manifest,
      count: pack.count,
      issues: pack.issues,
      files: pack.files,
      order,
      columns,
      startYears: pack.startYears,
      hasInternal: pack.hasInternal,
    },
    [...columnBuffers(columns), pack.startYears.buffer],
  );
}

/** Everything heavy about loading runs here, off the main thread. */
self.onmessage = async (event: MessageEvent<{ baseUrl: string }>) => {
  const { baseUrl } = event.data;
  try {
    const manifest = await fetchManifest(baseUrl);
    const { pack, problem } = await fetchPack(baseUrl, manifest);
    if (pack) return sendPack(manifest, pack);
    if (problem) console.warn(`共生資源地圖: compiled data not used (${problem}); loading the data files.`);
    const { loadDataFiles } = await import('./load-data-files.ts');
    await loadDataFiles(baseUrl, manifest, post);
  } catch (error) {
    post({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
};
