import { primeBoundsOfAll } from '../../domain/geo/bounds.ts';
import type { PositionColumns } from '../../domain/geo/position-columns.ts';
import type { FileReport } from '../../domain/loading/load-dataset.ts';
import { zhHantCollator } from '../../domain/model/collation.ts';
import { type LoadIssue, primeIssueCounts } from '../../domain/model/load-issues.ts';
import type { Manifest } from '../../domain/model/manifest.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { lazyList, makeNextChunk } from '../../domain/publish/lazy-list.ts';
import { PACK_CHUNK, parseRecordChunk } from '../../domain/publish/record-chunks.ts';
import { primeAreaOptions } from '../../domain/query/area-options.ts';
import { identityOrder } from '../../domain/query/display-order.ts';
import { primeHasInternal } from '../../domain/query/internal-records.ts';
import { primeCategoryTotals, primeIds, primeIndex } from '../../domain/query/resource-index.ts';
import { unpackSearchColumns } from '../../domain/query/search-columns.ts';
import { primeStartYearRange, primeStartYears } from '../../domain/query/start-year.ts';
import { sharedClusterClient } from '../../services/cluster/cluster-client.ts';
import { type DatasetMessage, sendDatasetRequest } from '../../services/dataset/dataset-protocol.ts';
import { takeDatasetWorker } from '../../services/dataset/dataset-worker-start.ts';
import { whenIdle } from '../../services/when-idle.ts';
import { useAppStore } from '../app-store.ts';

type DoneMessage = Extract<DatasetMessage, { type: 'done' }>;

interface Loaded {
  manifest: Manifest;
  resources: readonly Resource[];
  issues: readonly LoadIssue[];
  fileReports: FileReport[];
}

type ChunkInflater = typeof import('../../domain/publish/record-chunk-text.ts');
let chunkInflater: Promise<ChunkInflater> | undefined;
/**
 * The inflater of a pack's record chunks (fflate), loaded once the dataset is on its way: its module is evaluated
 * in a task of its own while the page waits, not with the app's first modules.
 */
const loadChunkInflater = () => {
  chunkInflater ??= import('../../domain/publish/record-chunk-text.ts');
  return chunkInflater;
};

function loadInWorker(baseUrl: string): Promise<Loaded> {
  return new Promise((resolve, reject) => {
    const started = takeDatasetWorker(baseUrl);
    const worker =
      started?.worker ??
      new Worker(new URL('../../services/dataset/dataset-worker.ts', import.meta.url), { type: 'module' });
    const chunks: (string | Uint8Array | undefined)[] = [];
    let positions: PositionColumns | undefined;
    /** The records' display order, 0, 1, 2… (they arrive in it): made while the page waits for them. */
    let order: number[] | undefined;
    let report: { issues: readonly LoadIssue[]; files: FileReport[] } = { issues: [], files: [] };
    const receive = (event: MessageEvent<DatasetMessage>) => {
      const message = event.data;
      if (message.type === 'positions') {
        performance.mark('crm:data-positions');
        positions = message.positions;
        primeBoundsOfAll(positions, message.bounds);
        sharedClusterClient().prepareAll(positions);
        const count = positions.lat.length;
        whenIdle(() => {
          order ??= identityOrder(count);
        });
        return;
      }
      if (message.type === 'manifest') {
        useAppStore.getState().showManifest(message.manifest);
        if (message.manifest.pack) void loadChunkInflater();
        // Without a compiled pack, the page sorts the county/town options itself when the data lands: the zh-Hant
        // collator loads the browser's locale data (10–50 ms) while the page waits for the data instead.
        else whenIdle(() => zhHantCollator());
        return;
      }
      if (message.type === 'report') {
        // Parsed when first read (the report, opened); the counts by kind are primed for the summary.
        const { issuesJson, issueCount } = message;
        const issues = lazyList(
          issueCount,
          Math.max(1, issueCount),
          () => JSON.parse(issuesJson) as LoadIssue[],
        );
        primeIssueCounts(issues, message.counts);
        report = { issues, files: message.files };
        return;
      }
      if (message.type === 'chunks') {
        if (chunks.length === 0) performance.mark('crm:data-first-chunk');
        for (const json of message.json) chunks.push(json);
        return;
      }
      worker.terminate();
      if (message.type === 'failed') {
        reject(new Error(message.error));
        return;
      }
      performance.mark('crm:data-done');
      if (message.chunks) for (const json of message.chunks) chunks.push(json);
      if (chunks.some((json) => json instanceof Uint8Array)) {
        loadChunkInflater().then(({ recordChunkText }) => land(message, recordChunkText), reject);
      } else land(message);
    };
    const land = (message: DoneMessage, recordChunkText?: (stored: Uint8Array) => string) => {
      const resources = lazyList(message.count, PACK_CHUNK, (c) => {
        const json = chunks[c];
        chunks[c] = undefined;
        if (json === undefined) throw new Error(`dataset: record chunk ${c} never arrived`);
        if (typeof json === 'string') return parseRecordChunk(json);
        if (!recordChunkText) throw new Error(`dataset: record chunk ${c} is compressed`);
        return parseRecordChunk(recordChunkText(json));
      });
      const columns = unpackSearchColumns(message.columns);
      // A compiled pack's search text is decoded once the page is idle (or by the first search before that).
      whenIdle(() => columns.joined);
      if (positions)
        primeIndex(resources, {
          order: order?.length === message.count ? order : identityOrder(message.count),
          columns,
          positions,
        });
      primeCategoryTotals(columns, message.categoryTotals);
      const { ids } = message;
      primeIds(resources, () => JSON.parse(typeof ids === 'string' ? ids : utf8.decode(ids)) as string[]);
      primeStartYears(resources, message.startYears);
      primeHasInternal(resources, message.hasInternal);
      // What the build worked out, so the render of the data does not: county/town options, start-year range.
      if (message.areaOptions) primeAreaOptions(columns, message.areaOptions);
      if (message.startYearRange !== undefined) primeStartYearRange(resources, message.startYearRange);
      resolve({ manifest: message.manifest, resources, issues: report.issues, fileReports: report.files });
    };
    worker.onerror = (event) => {
      reject(new Error(event.message || 'worker failed'));
      worker.terminate();
    };
    worker.onmessage = receive;
    if (started) for (const event of started.early) receive(event);
    else sendDatasetRequest(worker, { baseUrl, clusterPort: sharedClusterClient().connectPort() });
  });
}

const utf8 = new TextDecoder();

/**
 * Makes the records of a lazily loaded list while the page is idle, a few chunks per idle slice, so that the first
 * export or whole-list pass finds them made.
 */
const IDLE_SLICE_MS = 8;

function makeRecordsWhenIdle(resources: readonly Resource[]) {
  if (typeof requestIdleCallback !== 'function') return;
  // Chunks for up to 8 ms per idle slice (one takes ~1 ms once the parser is warm, 5-7 ms before), so that a
  // garbage collection on top stays a short task.
  const step = (deadline: IdleDeadline) => {
    const until = performance.now() + IDLE_SLICE_MS;
    do {
      if (!makeNextChunk(resources)) return;
    } while (performance.now() < until && deadline.timeRemaining() > 0);
    requestIdleCallback(step);
  };
  requestIdleCallback(step);
}

/** Where workers are unavailable; loaded on demand so the parser stays out of the initial bundle. */
async function loadOnMainThread(baseUrl: string): Promise<Loaded> {
  const [{ fetchDataset }, { loadDataset }] = await Promise.all([
    import('../../services/dataset/fetch-dataset.ts'),
    import('../../domain/loading/load-dataset.ts'),
  ]);
  const fetched = await fetchDataset(baseUrl);
  const dataset = loadDataset(fetched.manifest, fetched.gazetteerText, fetched.files);
  return {
    manifest: fetched.manifest,
    resources: dataset.resources,
    issues: dataset.issues,
    fileReports: dataset.files,
  };
}

/** Loads the data folder (default: the embedded data/) into the store, off the main thread when possible. */
export async function loadDefaultData(baseUrl = new URL('data/', document.baseURI).href): Promise<void> {
  const { startLoading, setDataset, failLoading } = useAppStore.getState();
  startLoading();
  try {
    const loaded =
      typeof Worker === 'undefined' ? await loadOnMainThread(baseUrl) : await loadInWorker(baseUrl);
    // The page renders the data in a task of its own, not in the one that received the worker's last message.
    await new Promise((resolve) => setTimeout(resolve, 0));
    setDataset(loaded);
    makeRecordsWhenIdle(loaded.resources);
    // User Timing marks (devtools, and the bench's breakdown of data → interactive map).
    performance.mark('crm:data-landed');
  } catch (error) {
    failLoading(error instanceof Error ? error.message : String(error));
  }
}
