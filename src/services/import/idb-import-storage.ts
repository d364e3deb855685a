import type { IDBPDatabase } from 'idb';
import type { Dataset, DatasetConfig } from '../../domain/query/dataset.ts';
import {
  DATASETS,
  EDITS,
  HISTORY_KEY,
  IMPORT_DATABASE,
  isSavingIntent,
  isStoredDataset,
  isStoredEdit,
  isStoredHistory,
  openImportDatabase,
  REVISION_KEY,
  SAVING_PREFIX,
  type SavingIntent,
  STATE,
  type StoredDataset,
  type StoredEdit,
  type StoredHistory,
  writeDataset,
} from './import-database.ts';
import { loadSavedImports } from './import-engine.ts';

/** What a page finds saved on start. */
export interface SavedImports {
  /** Indexed where they were read: a worker builds the index of 100,000 records beside them. */
  readonly datasets: (StoredDataset & { readonly indexed?: Dataset })[];
  readonly edits: readonly StoredEdit[];
  readonly history: StoredHistory | undefined;
  readonly revision: number;
  /** Dataset writes that were started and not confirmed (see SAVING_PREFIX). */
  readonly saving: readonly SavingIntent[];
}

/** What storage holds, read cheaply: to check it against what the page believes it saved. */
export interface StoredContents {
  readonly datasetIds: readonly string[];
  /** The stamp of each stored correction, by record id. */
  readonly editStamps: ReadonlyMap<string, string>;
  readonly revision: number;
}

/** Corrections written together, with the undo history, in one transaction. */
export interface EditsWrite {
  readonly put: readonly StoredEdit[];
  /** Ids whose correction was undone (or whose record went): their entries go. */
  readonly remove: readonly string[];
  readonly history: StoredHistory;
}

/** Where imports and corrections live between visits: IndexedDB in the browser, memory in tests. */
export interface ImportKeeper {
  /** The IndexedDB database it keeps datasets in, if it is one: a worker holding a dataset can write there. */
  readonly database?: string;
  load(config: DatasetConfig): Promise<SavedImports>;
  putDataset(stored: StoredDataset): Promise<void>;
  deleteDataset(id: string): Promise<void>;
  /** One dataset (another tab saved it). */
  readDataset(id: string): Promise<StoredDataset | undefined>;
  /** Resolves once written (all or nothing), with the write's revision and the corrections stored after it. */
  writeEdits(write: EditsWrite): Promise<{ revision: number; count: number }>;
  /** The stored corrections of these ids (ids without one are left out). */
  readEdits(ids: readonly string[]): Promise<StoredEdit[]>;
  contents(): Promise<StoredContents>;
  /** Writes down, durably, that a dataset write starts (before it starts). */
  markSaving(intent: SavingIntent): Promise<void>;
  /** The dataset write is over (written, or found lost): its intent goes. */
  clearSaving(id: string): Promise<void>;
  /** Calls back when the browser deletes the storage under the page (site data cleared); returns a remover. */
  onTerminated(listener: () => void): () => void;
}

/** The revision of a write: one more than the last, and never below the clock, so it grows across a clearing. */
export function nextRevision(previous: number): number {
  return Math.max(previous + 1, Date.now());
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
      const transaction = database.transaction([EDITS, STATE], 'readonly');
      const [edits, history, revision, saving] = await Promise.all([
        transaction.objectStore(EDITS).getAll(),
        transaction.objectStore(STATE).get(HISTORY_KEY),
        transaction.objectStore(STATE).get(REVISION_KEY),
        transaction.objectStore(STATE).getAll(IDBKeyRange.bound(SAVING_PREFIX, `${SAVING_PREFIX}\uffff`)),
        transaction.done,
      ]);
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
        edits: (edits as unknown[]).filter(isStoredEdit),
        history: isStoredHistory(history) ? history : undefined,
        revision: typeof revision === 'number' ? revision : 0,
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
    writeEdits: async ({ put, remove, history }) => {
      const transaction = (await open()).transaction([EDITS, STATE], 'readwrite', { durability: 'strict' });
      const edits = transaction.objectStore(EDITS);
      const state = transaction.objectStore(STATE);
      // Requests run in order: the count comes after this write's puts and deletes, and no other tab's write
      // comes between the revision read and the revision written. One Promise.all awaits every request, so that
      // a failed transaction is one rejection, not several unhandled ones.
      const written = [...put.map((e) => edits.put(e)), ...remove.map((id) => edits.delete(id))];
      const [revision, count] = await Promise.all([
        state.get(REVISION_KEY).then(async (previous) => {
          const revision = nextRevision(typeof previous === 'number' ? previous : 0);
          await state.put(revision, REVISION_KEY);
          return revision;
        }),
        edits.count(),
        state.put(history, HISTORY_KEY),
        transaction.done,
        ...written,
      ]);
      return { revision, count };
    },
    readEdits: async (ids) => {
      const transaction = (await open()).transaction(EDITS, 'readonly');
      const found = await Promise.all([...ids.map((id) => transaction.store.get(id)), transaction.done]);
      return (found as unknown[]).filter(isStoredEdit);
    },
    contents: async () => {
      const transaction = (await open()).transaction([DATASETS, EDITS, STATE], 'readonly');
      const [datasetIds, edits, revision] = await Promise.all([
        transaction.objectStore(DATASETS).getAllKeys(),
        transaction.objectStore(EDITS).getAll(),
        transaction.objectStore(STATE).get(REVISION_KEY),
        transaction.done,
      ]);
      return {
        datasetIds: datasetIds.map(String),
        editStamps: new Map((edits as unknown[]).filter(isStoredEdit).map((e) => [e.id, e.stamp])),
        revision: typeof revision === 'number' ? revision : 0,
      };
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
