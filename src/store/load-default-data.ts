import { primeHasInternal } from '../domain/internal-records.ts';
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
  resources: Resource[];
  issues: LoadIssue[];
  fileReports: FileReport[];
}

function loadInWorker(baseUrl: string): Promise<Loaded> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./dataset-worker.ts', import.meta.url), { type: 'module' });
    const resources: Resource[] = [];
    let positions: PositionColumns | undefined;
    worker.onmessage = (event: MessageEvent<DatasetMessage>) => {
      const message = event.data;
      if (message.type === 'positions') {
        positions = message.positions;
        sharedClusterClient().prepareAll(positions);
        return;
      }
      if (message.type === 'chunk') {
        if (resources.length === 0) performance.mark('crm:data-first-chunk');
        // Our own worker's JSON of Resource[] (see DatasetMessage).
        for (const r of JSON.parse(message.json) as Resource[]) resources.push(r);
        return;
      }
      worker.terminate();
      if (message.type === 'failed') {
        reject(new Error(message.error));
        return;
      }
      performance.mark('crm:data-done');
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
    setDataset(typeof Worker === 'undefined' ? await loadOnMainThread(baseUrl) : await loadInWorker(baseUrl));
    // User Timing marks (devtools, and the bench's breakdown of data → interactive map).
    performance.mark('crm:data-landed');
  } catch (error) {
    failLoading(error instanceof Error ? error.message : String(error));
  }
}
