/// <reference lib="webworker" />

import type { PositionColumns } from '../../domain/geo/position-columns.ts';
import type { Manifest } from '../../domain/model/manifest.ts';
import { type DatasetPack, packBuffers } from '../../domain/publish/dataset-pack.ts';
import { CHUNKS_PER_MESSAGE } from '../../domain/publish/record-chunks.ts';
import { categoryTotalsOf } from '../../domain/query/search-columns.ts';
import type { ClusterRequest } from '../cluster/cluster-protocol.ts';
import { type DatasetMessage, type DatasetRequest, positionsMessage } from './dataset-protocol.ts';
import { fetchManifest, fetchPack, inflateRaw } from './fetch-dataset.ts';

let clusterPort: MessagePort | undefined;

/**
 * To the page; positions also (copied, first) straight to the cluster worker, which starts indexing them, with
 * the cluster levels shipped beside them (if any).
 */
const post = (message: DatasetMessage, transfer: Transferable[] = [], clusterLevels?: unknown) => {
  if (message.type === 'positions') {
    clusterPort?.postMessage({
      type: 'prepare',
      columns: message.positions,
      clusterLevels,
    } satisfies ClusterRequest);
  }
  self.postMessage(message, transfer);
};

/**
 * The build compiled the data: record chunks and index parts are read, not computed (positions went first). The
 * record chunks are inflated here and sent a few at a time, so that the page parses each batch in a short task of
 * its own while the rest are still on their way.
 */
async function sendPack(manifest: Manifest, pack: DatasetPack) {
  const { areaOptions, issueCounts } = pack.summaries;
  const { issuesJson, issueCount, files } = pack;
  post({ type: 'report', issuesJson, issueCount, counts: issueCounts, files });
  // Every chunk's inflation starts at once (the browser's zlib works them side by side); they are sent in order.
  const texts = pack.chunks.map(async (stored) => utf8.decode(await inflateRaw(stored)));
  for (let c = 0; c < texts.length; c += CHUNKS_PER_MESSAGE) {
    post({ type: 'chunks', json: await Promise.all(texts.slice(c, c + CHUNKS_PER_MESSAGE)) });
  }
  post(
    {
      type: 'done',
      manifest,
      count: pack.count,
      // The search text as the pack's bytes, transferred (packBuffers): the page decodes it as it lands.
      columns: pack.columns,
      categoryTotals: categoryTotalsOf(pack.columns),
      startYears: pack.startYears,
      internalCount: pack.internalCount,
      areaOptions,
    },
    packBuffers(pack),
  );
}

const utf8 = new TextDecoder();

/** Everything heavy about loading runs here, off the main thread. */
self.onmessage = async (event: MessageEvent<DatasetRequest>) => {
  const { baseUrl } = event.data;
  clusterPort = event.data.clusterPort;
  try {
    const manifest = await fetchManifest(baseUrl);
    post({ type: 'manifest', manifest });
    const sendPositions = (positions: PositionColumns, clusterLevels?: unknown) =>
      post(positionsMessage(positions), [positions.lat.buffer, positions.lng.buffer], clusterLevels);
    const { pack, problem } = await fetchPack(baseUrl, manifest, sendPositions);
    if (pack) return await sendPack(manifest, pack);
    if (problem) console.warn(`共生資源地圖: compiled data not used (${problem}); loading the data files.`);
    const { loadDataFiles } = await import('./load-data-files.ts');
    await loadDataFiles(baseUrl, manifest, post);
  } catch (error) {
    post({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
};
