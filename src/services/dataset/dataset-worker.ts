/// <reference lib="webworker" />

import type { PositionColumns } from '../../domain/geo/position-columns.ts';
import type { Manifest } from '../../domain/model/manifest.ts';
import { type DatasetPack, packBuffers } from '../../domain/publish/dataset-pack.ts';
import { categoryTotalsOf, packedSearchColumns } from '../../domain/query/search-columns.ts';
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
 * records stay compressed until the page reads them, but for the first chunk: the top of the list, which the page
 * shows as soon as the data lands, is inflated here, so that the page's own inflater starts later, while it is idle.
 */
async function sendPack(manifest: Manifest, pack: DatasetPack) {
  const { areaOptions, issueCounts, startYearRange } = pack.summaries;
  const [first, ...rest] = pack.chunks;
  const chunks: (string | Uint8Array)[] = first ? [await chunkText(first), ...rest] : [];
  const { issuesJson, issueCount, files } = pack;
  post({ type: 'report', issuesJson, issueCount, counts: issueCounts, files });
  post(
    {
      type: 'done',
      manifest,
      chunks,
      count: pack.count,
      ids: pack.ids,
      // The search text as the pack's bytes, transferred (packBuffers): the page decodes it when it needs it.
      columns: packedSearchColumns(pack.parts.columns),
      categoryTotals: categoryTotalsOf(pack.parts.columns),
      startYears: pack.startYears,
      hasInternal: pack.hasInternal,
      areaOptions,
      startYearRange,
    },
    packBuffers(pack),
  );
}

/** A compressed record chunk as text: inflated by the browser where it can, else left compressed for the page. */
async function chunkText(stored: Uint8Array): Promise<string | Uint8Array> {
  try {
    return new TextDecoder().decode(await inflateRaw(stored));
  } catch {
    return stored;
  }
}

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
