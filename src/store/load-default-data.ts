import type { LoadedDataset } from '../domain/load-dataset.ts';
import type { Manifest } from '../domain/manifest.ts';
import { useAppStore } from './app-store.ts';

type WorkerReply = { ok: true; manifest: Manifest; dataset: LoadedDataset } | { ok: false; error: string };

function loadInWorker(baseUrl: string): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./dataset-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      resolve(event.data);
      worker.terminate();
    };
    worker.onerror = (event) => {
      reject(new Error(event.message || 'worker failed'));
      worker.terminate();
    };
    worker.postMessage({ baseUrl });
  });
}

/** Where workers are unavailable; loaded on demand so the parser stays out of the initial bundle. */
async function loadOnMainThread(baseUrl: string): Promise<WorkerReply> {
  const [{ fetchDataset }, { loadDataset }] = await Promise.all([
    import('./fetch-dataset.ts'),
    import('../domain/load-dataset.ts'),
  ]);
  const fetched = await fetchDataset(baseUrl);
  return {
    ok: true,
    manifest: fetched.manifest,
    dataset: loadDataset(fetched.manifest, fetched.gazetteerText, fetched.files),
  };
}

/** Loads the data folder (default: the embedded data/) into the store, off the main thread when possible. */
export async function loadDefaultData(baseUrl = new URL('data/', document.baseURI).href): Promise<void> {
  const { startLoading, setDataset, failLoading } = useAppStore.getState();
  startLoading();
  let reply: WorkerReply;
  try {
    reply = typeof Worker === 'undefined' ? await loadOnMainThread(baseUrl) : await loadInWorker(baseUrl);
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (!reply.ok) {
    failLoading(reply.error);
    return;
  }
  setDataset({
    manifest: reply.manifest,
    resources: reply.dataset.resources,
    issues: reply.dataset.issues,
    fileReports: reply.dataset.files,
  });
}
