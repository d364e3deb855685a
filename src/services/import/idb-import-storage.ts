import type { IDBPDatabase } from 'idb';
import type { Resource } from '../../domain/model/resource.ts';
import type { Dataset, DatasetConfig } from '../../domain/query/dataset.ts';
import {
  DATASETS,
  EDITS,
  HISTORY_KEY,
  IMPORT_DATABASE,
  isSavingIntent,
  isStoredDataset,
  isStoredEdit,
  openImportDatabase,
  REVISION_KEY,
  SAVING_PREFIX,
  type SavingIntent,
  STATE,
  type StoredDataset,
  writeDataset,
} from './import-database.ts';
import { loadSavedImports } from './import-engine.ts';

/** What a page finds saved on start. */
export interface SavedImports {
  /** Indexed where they were read: a worker builds the index of 100,000 records beside them. */
  readonly datasets: (StoredDataset & { readonly indexed?: Dataset })[];
  /** Dataset writes that were started and not confirmed (see SAVING_PREFIX). */
  readonly saving: readonly SavingIntent[];
}

/** What storage holds, read cheaply: to check it against what the page believes it saved. */
export interface StoredContents {
  readonly datasetIds: readonly string[];
}

/**
 * Where imported files live between visits: IndexedDB in the browser, memory in tests. (The office's corrections
 * were kept here too until they became a document, see corrections-persistence.ts; `readOldCorrections` reads
 * what a browser still keeps of them, once.)
 */
export interface ImportKeeper {
  /** The IndexedDB database it keeps datasets in, if it is one: a worker holding a dataset can write there. */
  readonly database?: string;
  load(config: DatasetConfig): Promise<SavedImports>;
  putDataset(stored: StoredDataset): Promise<void>;
  deleteDataset(id: string): Promise<void>;
  /** One dataset (another tab saved it). */
  readDataset(id: string): Promise<StoredDataset | undefined>;
  contents(): Promise<StoredContents>;
  /** The corrections kept before documents, by record id (a merged duplicate holds the record it went into). */
  readOldCorrections(): Promise<Record<string, Resource>>;
  /** Deletes the corrections kept before documents (once the document holding them is read back). */
  deleteOldCorrections(): Promise<void>;
  /** Writes down, durably, that a dataset write starts (before it starts). */
  markSaving(intent: SavingIntent): Promise<void>;
  /** The dataset write is over (written, or found lost): its intent goes. */
  clearSaving(id: string): Promise<void>;
  /** Calls back when the browser deletes the storage under the page (site data cleared); returns a remover. */
  onTerminated(listener: () => void): () => void;
}

/** The browser's IndexedDB as import storage; null where IndexedDB does not exist (jsdom, blocking modes). */
export function createIdbImportKeeper(): ImportKeeper | null {
  if (typeof indexedDB === 'undefined') return null;
  let db: Promise<IDBPDatabase> | null = null;
  const listeners = new Set<() => void>();
  const open = () => {
    db ??= openImportDatabase({
      terminated: () => {
        // The next write opens (and creates) the database afresh; the page decides what to say.
        db = null;
        for (const listener of listeners) listener();
      },
      blocking: () => {
        const closing = db;
        db = null;
        void closing?.then((d) => d.close());
      },
    }).catch((error: unknown) => {
      db = null;
      throw error;
    });
    return db;
  };
  return {
    database: IMPORT_DATABASE,
    load: async (config) => {
      const database = await open();
      const saving = await database.getAll(STATE, IDBKeyRange.bound(SAVING_PREFIX, `${SAVING_PREFIX}\uffff`));
      const readHere = async () => ((await database.getAll(DATASETS)) as unknown[]).filter(isStoredDataset);
      // Datasets are read in a worker where there are workers (the page would deserialise every record in one
      // task); counting them first spares a browser with nothing saved from starting one.
      const datasets =
        (await database.count(DATASETS)) === 0
          ? []
          : typeof Worker === 'undefined'
            ? await readHere()
            : await loadSavedImports(config, new URL('data/manifest.json', document.baseURI).href).catch(
                readHere,
              );
      return {
        datasets,
        saving: (saving as unknown[]).filter(isSavingIntent),
      };
    },
    putDataset: async (stored) => {
      await writeDataset(await open(), stored);
    },
    deleteDataset: async (id) => {
      const transaction = (await open()).transaction(DATASETS, 'readwrite', { durability: 'strict' });
      await Promise.all([transaction.store.delete(id), transaction.done]);
    },
    readDataset: async (id) => {
      const value: unknown = await (await open()).get(DATASETS, id);
      return isStoredDataset(value) ? value : undefined;
    },
    readOldCorrections: async () => {
      const entries = ((await (await open()).getAll(EDITS)) as unknown[]).filter(isStoredEdit);
      const edits: Record<string, Resource> = {};
      for (const { id, resource } of entries)
        Object.defineProperty(edits, id, {
          value: resource,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return edits;
    },
    deleteOldCorrections: async () => {
      const transaction = (await open()).transaction([EDITS, STATE], 'readwrite', { durability: 'strict' });
      await Promise.all([
        transaction.objectStore(EDITS).clear(),
        transaction.objectStore(STATE).delete(HISTORY_KEY),
        transaction.objectStore(STATE).delete(REVISION_KEY),
        transaction.done,
      ]);
    },
    contents: async () => {
      const datasetIds = await (await open()).getAllKeys(DATASETS);
      return { datasetIds: datasetIds.map(String) };
    },
    markSaving: async (intent) => {
      const transaction = (await open()).transaction(STATE, 'readwrite', { durability: 'strict' });
      const written = transaction.store.put(intent, `${SAVING_PREFIX}${intent.id}`);
      // Committed now, not when the page's current (long) task ends.
      transaction.commit();
      await Promise.all([written, transaction.done]);
    },
    clearSaving: async (id) => {
      const transaction = (await open()).transaction(STATE, 'readwrite');
      await Promise.all([transaction.store.delete(`${SAVING_PREFIX}${id}`), transaction.done]);
    },
    onTerminated: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
