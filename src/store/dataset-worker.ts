/// <reference lib="webworker" />

import { CHUNKS_PER_MESSAGE, type DatasetPack } from '../domain/dataset-pack.ts';
import type { Manifest } from '../domain/manifest.ts';
import type { PositionColumns } from '../domain/position-columns.ts';
import { columnBuffers } from '../domain/search-columns.ts';
import type { DatasetMessage, DatasetRequest } from './dataset-protocol.ts';
import { fetchManifest, fetchPack } from './fetch-dataset.ts';

const post = (message: DatasetMessage, transfer: Transferable[] = []) => self.postMessage(message, transfer);

/** The build compiled the data: record chunks and index parts are read, not computed (positions went first). */
function sendPack(manifest: Manifest, pack: DatasetPack) {
  const { columns } = pack.parts;
  for (let c = 0; c < pack.chunks.length; c += CHUNKS_PER_MESSAGE) {
    const json = pack.chunks.slice(c, c + CHUNKS_PER_MESSAGE);
    post(
      { type: 'chunks', json },
      json.map((bytes) => bytes.buffer),
    );
  }
  post(
    {
      type: 'done',
      manifest,
      count: pack.count,
      ids: pack.ids,
      issues: pack.issues,
      files: pack.files,
      columns,
      startYears: pack.startYears,
      hasInternal: pack.hasInternal,
    },
    [...columnBuffers(columns), pack.startYears.buffer, pack.ids.buffer],
  );
}

/** Everything heavy about loading runs here, off the main thread. */
self.onmessage = async (event: MessageEvent<DatasetRequest>) => {
  const { baseUrl } = event.data;
  try {
    const manifest = await fetchManifest(baseUrl);
    const sendPositions = (positions: PositionColumns) =>
      post({ type: 'positions', positions }, [positions.lat.buffer, positions.lng.buffer]);
    const { pack, problem } = await fetchPack(baseUrl, manifest, sendPositions);
    if (pack) return sendPack(manifest, pack);
    if (problem) console.warn(`共生資源地圖: compiled data not used (${problem}); loading the data files.`);
    const { loadDataFiles } = await import('./load-data-files.ts');
    await loadDataFiles(baseUrl, manifest, post);
  } catch (error) {
    post({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
};
