import type { ImportedDataset } from '../../domain/loading/imported-dataset.ts';
import type { Resource } from '../../domain/model/resource.ts';
import type { UndoHistory } from '../../domain/model/undo-history.ts';
import { buildDataset } from '../../domain/query/dataset.ts';
import { createIdbImportKeeper, type ImportKeeper } from '../../services/import/idb-import-storage.ts';
import { type StoredDataset, storedDataset, type WorkerCopy } from '../../services/import/import-database.ts';
import { type AppState, useAppStore } from '../app-store.ts';
import { importLayer, type OfficeEdits } from './import-slice.ts';

export type { StoredDataset } from '../../services/import/import-database.ts';

/** Where imports live between visits: IndexedDB in the browser (services/import), memory in tests. */
export type ImportStorage = ImportKeeper<UndoHistory<OfficeEdits>>;

/** The browser's IndexedDB; null where it does not exist (jsdom, private modes that block it). */
export function createIdbImportStorage(): ImportStorage | null {
  return createIdbImportKeeper(isHistory);
}

/** Storage in memory, for tests (the same contract as IndexedDB's, structured clones included). */
export function createMemoryImportStorage(): ImportStorage & {
  readonly datasets: Map<string, StoredDataset>;
} {
  const datasets = new Map<string, StoredDataset>();
  let edits: UndoHistory<OfficeEdits> | undefined;
  return {
    datasets,
    load: async () => ({
      datasets: [...datasets.values()].map((d) => structuredClone(d)),
      edits: edits && structuredClone(edits),
    }),
    putDataset: async (stored) => {
      datasets.set(stored.id, structuredClone(stored));
    },
    deleteDataset: async (id) => {
      datasets.delete(id);
    },
    putEdits: async (history) => {
      edits = structuredClone(history);
    },
  };
}

function isHistory(value: unknown): value is UndoHistory<OfficeEdits> {
  const v = value as Partial<UndoHistory<OfficeEdits>> | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray(v.past) &&
    Array.isArray(v.future) &&
    typeof v.present === 'object'
  );
}

const persisted = (s: AppState) => s.importedDatasets.filter((d) => d.origin === 'file');

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
 * Restores imported files and the office's edits, then writes every change through (one write at a time, in
 * order), so imports survive reloads and browser restarts. Links (?data=) are not stored: they load again.
 * Returns a function that stops it.
 */
export function connectImportStorage(storage: ImportStorage, store = useAppStore): () => void {
  let stopped = false;
  let unsubscribe = () => {};
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;
  // What a write failed to keep (`dataset:<id>`, `edits`): "not saved" stays on show until that very thing is
  // written, not merely until the next write of something else succeeds.
  const unsaved = new Set<string>();
  const status = () => (unsaved.size > 0 ? 'failed' : pending > 0 ? 'saving' : 'saved');
  const enqueue = (key: string, task: () => Promise<void>) => {
    pending++;
    store.getState().setImportStorage(status());
    // Writes start in a task of their own: copying 100,000 records into IndexedDB must not lengthen the task
    // that shows them.
    chain = chain
      .then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
      .then(task)
      .then(
        () => unsaved.delete(key),
        () => unsaved.add(key),
      )
      .then(() => {
        pending--;
        if (!stopped) store.getState().setImportStorage(status());
      });
  };

  const layerOf = (s: AppState, id: string) => s.layers.find((l) => l.id === id)?.dataset.resources ?? [];

  store.getState().setImportStorage('loading');
  void (async () => {
    try {
      const config = store.getState().manifest ?? { categories: [], serviceTags: [] };
      const saved = await storage.load(config);
      if (stopped) return;
      // IndexedDB returns records by key: the list comes back in the order the files were imported.
      saved.datasets.sort((a, b) => a.dataset.importedAt.localeCompare(b.dataset.importedAt));
      if (saved.datasets.length > 0 || saved.edits) {
        const layers = saved.datasets.map((d) =>
          importLayer(d.dataset, d.indexed ?? buildDataset(d.resources, config)),
        );
        store.getState().hydrateImports({
          datasets: saved.datasets.map((d) => d.dataset),
          layers,
          ...(saved.edits ? { edits: saved.edits } : {}),
        });
      }
      store.getState().setImportStorage('saved');
    } catch {
      if (!stopped) store.getState().setImportStorage('failed');
    }
    if (stopped) return;
    unsubscribe = store.subscribe((state, previous) => {
      const before = new Map(persisted(previous).map((d) => [d.id, d]));
      const now = persisted(state);
      for (const dataset of now) {
        const resources = layerOf(state, dataset.id);
        if (before.get(dataset.id) !== dataset || layerOf(previous, dataset.id) !== resources) {
          const stored = storedDataset(dataset, resources);
          const copy = takeWorkerCopy(storage, dataset, resources);
          // Should the worker fail to write (e.g. no IndexedDB in workers), the page writes after all.
          enqueue(
            `dataset:${dataset.id}`,
            copy
              ? () =>
                  copy
                    .write()
                    .catch(() => storage.putDataset(stored))
                    .finally(() => copy.release())
              : () => storage.putDataset(stored),
          );
        }
      }
      const ids = new Set(now.map((d) => d.id));
      for (const id of before.keys())
        if (!ids.has(id)) enqueue(`dataset:${id}`, () => storage.deleteDataset(id));
      if (state.officeEdits !== previous.officeEdits) {
        const edits = state.officeEdits;
        enqueue('edits', () => storage.putEdits(edits));
      }
    });
  })();

  return () => {
    stopped = true;
    unsubscribe();
  };
}
