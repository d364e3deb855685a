import { zhHantCollator } from '../../domain/model/collation.ts';
import { loadInWorker, loadOnMainThread } from '../../services/dataset/dataset-client.ts';
import { useAppStore } from '../app-store.ts';

/** Loads the data folder (default: the embedded data/) into the store, off the main thread when possible. */
export async function loadDefaultData(baseUrl = new URL('data/', document.baseURI).href): Promise<void> {
  const { startLoading, setDataset, failLoading, showManifest } = useAppStore.getState();
  startLoading();
  try {
    const loaded =
      typeof Worker === 'undefined'
        ? await loadOnMainThread(baseUrl)
        : await loadInWorker(baseUrl, (manifest) => {
            showManifest(manifest);
            // Without a compiled pack, adding a record sorts by county and town on the page: the zh-Hant collator
            // loads the browser's locale data (10–50 ms) while the page waits for the data instead.
            if (!manifest.pack) requestIdleCallback?.(() => zhHantCollator());
          });
    // The page renders the data in a task of its own, not in the one that received the worker's last message.
    await new Promise((resolve) => setTimeout(resolve, 0));
    setDataset({ manifest: loaded.manifest, dataset: loaded.dataset, report: loaded.report });
    // User Timing marks (devtools, and the bench's breakdown of data → interactive map).
    performance.mark('crm:data-landed');
  } catch (error) {
    failLoading(error instanceof Error ? error.message : String(error));
  }
}
