import type { Resource } from '../../domain/model/resource.ts';
import type { Dataset, DatasetConfig } from '../../domain/query/dataset.ts';
import { mayHoldDatabases, withBrowserLock } from '../local-docs/local-storage-names.ts';
import {
  DATASETS,
  EDITS,
  HISTORY_KEY,
  IMPORT_DATABASE,
  isStoredEdit,
  openImportDatabase,
  REVISION_KEY,
  SAVING_PREFIX,
  type SavingIntent,
  STATE,
  type StoredDataset,
} from './import-database.ts';
import { askKeptFiles, loadSavedImports } from './import-engine.ts';
import {
  clearSavingNote,
  deleteImportedFile,
  IMPORTED_FILE_PREFIX,
  listImportedFiles,
  noteSaving,
  readFileNotes,
  watchImportedFiles,
} from './imported-files.ts';

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
 * Where imported files live between visits: a local document each in the browser (imported-files.ts), memory in
 * tests. (The office's corrections were kept in `crm-imports` until they became a document, see
 * corrections-persistence.ts; `readOldCorrections` reads what a browser still keeps of them, once.)
 */
export interface ImportKeeper {
  /** Where it keeps datasets, if a worker holding a dataset can write there itself (see WorkerCopy). */
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

/** Reads and writes the kept files' documents in a worker, or on the page where there are no workers. */
const keptFiles = {
  write: async (stored: StoredDataset): Promise<void> => {
    if (typeof Worker === 'undefined')
      return (await import('./imported-file-document.ts')).writeImportedFile(stored);
    await askKeptFiles({ type: 'put-saved', stored }, 'persisted');
  },
  read: async (id: string): Promise<StoredDataset | null> => {
    if (typeof Worker === 'undefined')
      return (await import('./imported-file-document.ts')).readImportedFile(id);
    return (
      await askKeptFiles<{ type: 'read'; stored: StoredDataset | null }>({ type: 'read-saved', id }, 'read')
    ).stored;
  },
  readAll: async (ids: readonly string[], config: DatasetConfig): Promise<SavedImports['datasets']> => {
    const onPage = async () => (await Promise.all(ids.map(keptFiles.read))).filter((d) => d !== null);
    if (typeof Worker === 'undefined') return onPage();
    return loadSavedImports(ids, config, new URL('data/manifest.json', document.baseURI).href).catch(onPage);
  },
  moveOld: async (): Promise<void> => {
    if (typeof Worker === 'undefined') await (await import('./move-old-imports.ts')).moveOldImports();
    else await askKeptFiles({ type: 'move-old' }, 'moved');
  },
};

/** Whether `crm-imports` (an older version's) still holds files or saving intents to move into documents. */
async function oldImportsLeft(): Promise<boolean> {
  if (!(await mayHoldDatabases([IMPORT_DATABASE]))) return false;
  const database = await openImportDatabase();
  try {
    const intents = await database.count(STATE, IDBKeyRange.bound(SAVING_PREFIX, `${SAVING_PREFIX}\uffff`));
    return intents > 0 || (await database.count(DATASETS)) > 0;
  } finally {
    database.close();
  }
}

/** The ids kept (their `saved` note is there) and the writes under way, from every file's notes. */
async function readAllNotes(): Promise<{ saved: string[]; saving: SavingIntent[] }> {
  const notes = await Promise.all((await listImportedFiles()).map(readFileNotes));
  return {
    saved: notes.filter((n) => n.saved).map((n) => n.id),
    saving: notes.flatMap((n) => (n.saving ? [n.saving] : [])),
  };
}

/**
 * The browser's import storage: a local document per imported file (imported-files.ts), written and read in the
 * import worker; null where IndexedDB does not exist (jsdom, blocking modes). On start, the files an older version
 * kept in `crm-imports` move into documents first (one tab does it, under a lock).
 */
export function createIdbImportKeeper(): ImportKeeper | null {
  if (typeof indexedDB === 'undefined') return null;
  const listeners = new Set<() => void>();
  // A connection to each kept file, to hear the browser delete it under the page (site data cleared).
  let stopWatching: () => void = () => undefined;
  const watch = (ids: readonly string[]) => {
    stopWatching();
    stopWatching = watchImportedFiles(ids, () => {
      for (const listener of listeners) listener();
    });
  };
  return {
    database: IMPORTED_FILE_PREFIX,
    load: async (config) => {
      await withBrowserLock('imports-migration', async () => {
        if (await oldImportsLeft()) await keptFiles.moveOld();
      });
      const { saved, saving } = await readAllNotes();
      const datasets = saved.length === 0 ? [] : await keptFiles.readAll(saved, config);
      watch(saved);
      return { datasets, saving };
    },
    putDataset: async (stored) => {
      await keptFiles.write(stored);
    },
    deleteDataset: (id) => deleteImportedFile(id),
    readDataset: async (id) => (await keptFiles.read(id)) ?? undefined,
    readOldCorrections: async () => {
      const edits: Record<string, Resource> = {};
      if (!(await mayHoldDatabases([IMPORT_DATABASE]))) return edits;
      const database = await openImportDatabase();
      try {
        const entries = ((await database.getAll(EDITS)) as unknown[]).filter(isStoredEdit);
        for (const { id, resource } of entries)
          Object.defineProperty(edits, id, {
            value: resource,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        return edits;
      } finally {
        database.close();
      }
    },
    deleteOldCorrections: async () => {
      if (!(await mayHoldDatabases([IMPORT_DATABASE]))) return;
      const database = await openImportDatabase();
      try {
        const transaction = database.transaction([EDITS, STATE], 'readwrite', { durability: 'strict' });
        await Promise.all([
          transaction.objectStore(EDITS).clear(),
          transaction.objectStore(STATE).delete(HISTORY_KEY),
          transaction.objectStore(STATE).delete(REVISION_KEY),
          transaction.done,
        ]);
      } finally {
        database.close();
      }
    },
    contents: async () => {
      const { saved } = await readAllNotes();
      watch(saved);
      return { datasetIds: saved };
    },
    markSaving: noteSaving,
    clearSaving: clearSavingNote,
    onTerminated: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
