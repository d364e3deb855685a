/// <reference lib="webworker" />

import { type DatasetPack, recordChunks } from '../domain/dataset-pack.ts';
import { displayOrder } from '../domain/display-order.ts';
import { listHasInternal } from '../domain/internal-records.ts';
import { loadDataset } from '../domain/load-dataset.ts';
import type { Manifest } from '../domain/manifest.ts';
import { positionColumns } from '../domain/position-columns.ts';
import { buildSearchColumns, columnBuffers } from '../domain/search-columns.ts';
import { startYears } from '../domain/start-year.ts';
import type { DatasetMessage } from './dataset-protocol.ts';
import { fetchDataFiles, fetchManifest, fetchPack } from './fetch-dataset.ts';

const post = (message: DatasetMessage, transfer: Transferable[] = []) => self.postMessage(message, transfer);

/** The build compiled the data: positions, record chunks and index parts are read, not computed. */
function sendPack(manifest: Manifest, pack: DatasetPack) {
  const { positions, order, columns } = pack.parts;
  post({ type: 'positions', positions }, [positions.lat.buffer, positions.lng.buffer]);
  for (const json of pack.chunks) post({ type: 'chunk', json });
  post(
    {
      type: 'done',
      manifest,
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

/** Decoding, parsing, validating and indexing the files themselves (development, or a stale pack). */
async function loadFiles(baseUrl: string, manifest: Manifest) {
  const fetched = await fetchDataFiles(baseUrl, manifest);
  const dataset = loadDataset(manifest, fetched.gazetteerText, fetched.files);
  const positions = positionColumns(dataset.resources);
  post({ type: 'positions', positions }, [positions.lat.buffer, positions.lng.buffer]);
  // One chunk per message: each arrives as its own small task on the main thread instead of one long freeze.
  for (const json of recordChunks(dataset.resources)) post({ type: 'chunk', json });
  const order = displayOrder(dataset.resources);
  const columns = buildSearchColumns(dataset.resources, order, manifest.categories, manifest.serviceTags);
  const years = startYears(dataset.resources);
  post(
    {
      type: 'done',
      manifest,
      issues: dataset.issues,
      files: dataset.files,
      order,
      columns,
      startYears: years,
      hasInternal: listHasInternal(dataset.resources),
    },
    [...columnBuffers(columns), years.buffer],
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
    await loadFiles(baseUrl, manifest);
  } catch (error) {
    post({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
};
