import type { ImportedDataset } from '../../domain/loading/imported-dataset.ts';
import type { Resource } from '../../domain/model/resource.ts';
import {
  EMPTY_LEDGER,
  ledgerWithDataset,
  reconcileDatasets,
  type SaveLedger,
} from '../../domain/model/save-ledger.ts';
import { buildDataset } from '../../domain/query/dataset.ts';
import { createIdbImportKeeper, type ImportKeeper } from '../../services/import/idb-import-storage.ts';
import type { SavingIntent, WorkerCopy } from '../../services/import/import-database.ts';
import type { SaveEnvironment } from '../../services/import/save-environment.ts';
import { useAppStore } from '../app-store.ts';
import { createImportSaver, type StoredMirror } from './import-saver.ts';
import { importLayer } from './import-slice.ts';

export type { StoredDataset } from '../../services/import/import-database.ts';

/** Where imports live between visits: IndexedDB in the browser (services/import), memory in tests. */
export type ImportStorage = ImportKeeper;

/** The browser's IndexedDB; null where it does not exist (jsdom, private modes that block it). */
export function createIdbImportStorage(): ImportStorage | null {
  return createIdbImportKeeper();
}

/** Datasets being shown right now whose records a worker can write itself (see landWithWorkerCopy). */
const workerCopies = new Map<ImportedDataset, { resources: readonly Resource[]; copy: WorkerCopy }>();

/**
 * Shows a dataset (`land` puts it in the store) whose records the import worker still holds: when the
 * storage is that worker's IndexedDB, the write is the worker's, in its turn among the page's writes, so the
 * page never clones the records. The worker is released once it wrote, or at once when nothing took the copy
 * (a ?data= link, or storage not connected or not IndexedDB).
 */
export function landWithWorkerCopy(
  dataset: ImportedDataset,
  resources: readonly Resource[],
  copy: WorkerCopy,
  land: () => void,
): void {
  workerCopies.set(dataset, { resources, copy });
  try {
    land();
  } finally {
    if (workerCopies.delete(dataset)) copy.release();
  }
}

/** Takes the worker's copy of this very dataset and these records, if there is one for this storage. */
function takeWorkerCopy(
  storage: ImportStorage,
  dataset: ImportedDataset,
  resources: readonly Resource[],
): WorkerCopy | undefined {
  const offered = workerCopies.get(dataset);
  if (!offered || offered.resources !== resources || offered.copy.database !== storage.database) return;
  workerCopies.delete(dataset);
  return offered.copy;
}

/**
 * The ledger with the dataset writes storage says were started and not confirmed: localStorage commits its writes
 * late (seconds), so a browser killed during a save may have lost the ledger's own note of it.
 */
function withSavingIntents(ledger: SaveLedger | null, intents: readonly SavingIntent[]): SaveLedger | null {
  let merged = ledger;
  for (const { id, fileName, rows, tab } of intents) {
    const entry = merged?.datasets[id];
    if (entry && entry.state !== 'saved') continue;
    merged = ledgerWithDataset(merged ?? EMPTY_LEDGER, id, { fileName, rows, state: 'saving', tab });
  }
  return merged;
}

/**
 * Restores imported files, says what a previous visit saved or was saving that storage does not hold (the save ledger against storage), then keeps writing every change (see import-saver.ts).
 * Other tabs' writes are taken in as they say so, and storage is read back when the page comes back into view or
 * the browser closes the database under it. Links (?data=) are not stored: they load again. Returns a function
 * that stops it.
 */
export function connectImportStorage(
  storage: ImportStorage,
  env: SaveEnvironment,
  store = useAppStore,
): () => void {
  let stopped = false;
  const stops: (() => void)[] = [];
  const mirror: StoredMirror = { datasets: new Map() };
  const saver = createImportSaver(storage, env, store, mirror, (dataset, resources) =>
    takeWorkerCopy(storage, dataset, resources),
  );
  stops.push(saver.stop);

  store.getState().setImportStorage('loading');
  void (async () => {
    try {
      const config = store.getState().manifest ?? { categories: [], serviceTags: [] };
      const saved = await storage.load(config);
      const live = await env.liveTabs();
      if (stopped) return;
      const { ledger, losses } = reconcileDatasets(
        withSavingIntents(env.ledger.read(), saved.saving),
        {
          datasets: new Map(
            saved.datasets.map((d) => [d.id, { fileName: d.dataset.fileName, rows: d.dataset.rows.length }]),
          ),
        },
        live,
      );
      env.ledger.write(ledger);
      // Reported, or found written: the intents of tabs that are gone have done their part.
      for (const intent of saved.saving)
        if (!live.has(intent.tab)) void storage.clearSaving(intent.id).catch(() => undefined);
      // IndexedDB returns records by key: the list comes back in the order the files were imported.
      saved.datasets.sort((a, b) => a.dataset.importedAt.localeCompare(b.dataset.importedAt));
      if (saved.datasets.length > 0) {
        const layers = saved.datasets.map((d) =>
          importLayer(d.dataset, d.indexed ?? buildDataset(d.resources, config)),
        );
        layers.forEach((layer, i) => {
          const dataset = saved.datasets[i]?.dataset;
          if (dataset) mirror.datasets.set(dataset.id, { dataset, resources: layer.dataset.resources });
        });
        store.getState().hydrateImports({
          datasets: saved.datasets.map((d) => d.dataset),
          layers,
        });
        void saver.requestPersistence();
      }
      if (losses.length > 0) store.getState().setSaveLosses(losses);
    } catch {
      if (!stopped) store.getState().setImportStorage('failed');
      return;
    }
    if (stopped) return;
    stops.push(store.subscribe(saver.noteChange));
    // A file imported or a record corrected while the saved data loaded is written now.
    saver.noteAll();
    stops.push(
      env.listen((message) => {
        if (message.type === 'dataset') saver.takeDataset(message.id);
        else saver.dropDataset(message.id);
      }),
    );
    stops.push(env.onVisible(saver.checkSoon));
    stops.push(storage.onTerminated(saver.checkSoon));
  })();

  return () => {
    stopped = true;
    for (const stop of stops) stop();
  };
}
