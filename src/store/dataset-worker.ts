/// <reference lib="webworker" />

import { type DatasetPack, packBuffers } from '../domain/dataset-pack.ts';
import type { Manifest } from '../domain/manifest.ts';
import type { PositionColumns } from '../domain/position-columns.ts';
import type { ClusterRequest } from './cluster-protocol.ts';
import type { DatasetMessage, DatasetRequest } from './dataset-protocol.ts';
import { fetchManifest, fetchPack } from './fetch-dataset.ts';

let clusterPort: MessagePort | undefined;

/** To the page; positions also (copied, first) straight to the cluster worker, which starts indexing them. */
const post = (message: DatasetMessage, transfer: Transferable[] = []) => {
  if (message.type === 'positions') {
    clusterPort?.postMessage({ type: 'prepare', columns: message.positions } satisfies ClusterRequest);
  }
  self.postMessage(message, transfer);
};

/** The build compiled the data: record chunks and index parts are read, not computed (positions went first). */
function sendPack(manifest: Manifest, pack: DatasetPack) {
  const { areaOptions, issueCounts, startYearRange } = pack.summaries;
  const { issuesJson, issueCount, files } = pack;
  post({ type: 'report', issuesJson, issueCount, counts: issueCounts, files });
  post(
    {
      type: 'done',
      manifest,
      chunks: pack.chunks,
      count: pack.count,
      ids: pack.ids,
      columns: pack.parts.columns,
      startYears: pack.startYears,
      hasInternal: pack.hasInternal,
      areaOptions,
      startYearRange,
    },
    packBuffers(pack),
  );
}

/** Everything heavy about loading runs here, off the main thread. */
self.onmessage = async (event: MessageEvent<DatasetRequest>) => {
  const { baseUrl } = event.data;
  clusterPort = event.data.clusterPort;
  try {
    const manifest = await fetchManifest(baseUrl);
    post({ type: 'manifest', manifest });
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
