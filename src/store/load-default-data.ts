import { PACK_CHUNK } from '../domain/dataset-pack.ts';
import { primeHasInternal } from '../domain/internal-records.ts';
import { lazyList, makeNextChunk } from '../domain/lazy-list.ts';
import type { FileReport } from '../domain/load-dataset.ts';
import type { LoadIssue } from '../domain/load-issues.ts';
import type { Manifest } from '../domain/manifest.ts';
import type { PositionColumns } from '../domain/position-columns.ts';
import type { Resource } from '../domain/resource.ts';
import { primeIndex } from '../domain/resource-index.ts';
import { primeStartYears } from '../domain/start-year.ts';
import { useAppStore } from './app-store.ts';
import { sharedClusterClient } from './cluster-client.ts';
import type { DatasetMessage } from './dataset-protocol.ts';

interface Loaded {
  manifest: Manifest;
  resources: readonly Resource[];
  issues: LoadIssue[];
  fileReports: FileReport[];
}

function loadInWorker(baseUrl: string): Promise<Loaded> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./dataset-worker.ts', import.meta.url), { type: 'module' });
    const chunks: (string | Uint8Array | undefined)[] = [];
    let positions: PositionColumns | undefined;
    worker.onmessage = (event: MessageEvent<DatasetMessage>) => {
      const message = event.data;
      if (message.type === 'positions') {
        positions = message.positions;
        sharedClusterClient().prepareAll(positions);
        return;
      }
      if (message.type === 'chunk') {
        if (chunks.length === 0) performance.mark('crm:data-first-chunk');
        chunks.push(message.json);
        return;
      }
      worker.terminate();
      if (message.type === 'failed') {
        reject(new Error(message.error));
        return;
      }
      performance.mark('crm:data-done');
      const resources = lazyList(message.count, PACK_CHUNK, (c) => {
        const json = chunks[c];
        chunks[c] = undefined;
        // Our own worker's JSON of Resource[] (see DatasetMessage).
        return JSON.parse(typeof json === 'string' ? json : utf8.decode(json)) as Resource[];
      });
      if (positions) primeIndex(resources, { ...message, positions });
      primeStartYears(resources, message.startYears);
      primeHasInternal(resources, message.hasInternal);
      resolve({ manifest: message.manifest, resources, issues: message.issues, fileReports: message.files });
    };
    worker.onerror = (event) => {
      reject(new Error(event.message || 'worker failed'));
      worker.terminate();
    };
    worker.postMessage({ baseUrl });
  });
}

const utf8 = new TextDecoder();

/**
 * Makes the records of a lazily loaded list while the page is idle, a chunk per idle slice, so that the first
 * export or whole-list pass finds them made.
 */
function makeRecordsWhenIdle(resources: readonly Resource[]) {
  if (typeof requestIdleCallback !== 'function') return;
  const step = (deadline: IdleDeadline) => {
    while (deadline.timeRemaining() > 10) if (!makeNextChunk(resources)) return;
    requestIdleCallback(step);
  };
  requestIdleCallback(step);
}

/** Where workers are unavailable; loaded on demand so the parser stays out of the initial bundle. */
async function loadOnMainThread(baseUrl: string): Promise<Loaded> {
  const [{ fetchDataset }, { loadDataset }] = await Promise.all([
    import('./fetch-dataset.ts'),
    import('../domain/load-dataset.ts'),
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
    setDataset(loaded);
    makeRecordsWhenIdle(loaded.resources);
    // User Timing marks (devtools, and the bench's breakdown of data → interactive map).
    performance.mark('crm:data-landed');
  } catch (error) {
    failLoading(error instanceof Error ? error.message : String(error));
  }
}
