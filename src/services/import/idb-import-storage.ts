import type { IDBPDatabase } from 'idb';
import type { Dataset, DatasetConfig } from '../../domain/query/dataset.ts';
import {
  DATASETS,
  EDITS_KEY,
  IMPORT_DATABASE,
  isStoredDataset,
  openImportDatabase,
  STATE,
  type StoredDataset,
} from './import-database.ts';
import { loadSavedImports } from './import-engine.ts';

/**
 * Where imports live between visits: IndexedDB in the browser, memory in tests. `Edits` is the office's edit
 * history, whose shape the store owns.
 */
export interface ImportKeeper<Edits> {
  /** The IndexedDB database it keeps datasets in, if it is one: a worker holding a dataset can write there. */
  readonly database?: string;
  /**
   * The saved imports (indexed where they were read: a worker builds the index of 100,000 records beside them)
   * and the office's edits.
   */
  load(config: DatasetConfig): Promise<{
    datasets: (StoredDataset & { readonly indexed?: Dataset })[];
    edits: Edits | undefined;
  }>;
  putDataset(stored: StoredDataset): Promise<void>;
  deleteDataset(id: string): Promise<void>;
  putEdits(edits: Edits): Promise<void>;
}

/**
 * The browser's IndexedDB as import storage, `isEdits` checking the edits it reads back; null where IndexedDB
 * does not exist (jsdom, private modes that block it).
 */
export function createIdbImportKeeper<Edits>(
  isEdits: (value: unknown) => value is Edits,
): ImportKeeper<Edits> | null {
  if (typeof indexedDB === 'undefined') return null;
  let db: Promise<IDBPDatabase> | null = null;
  const open = () => {
    db ??= openImportDatabase();
    return db;
  };
  return {
    database: IMPORT_DATABASE,
    load: async (config) => {
      const database = await open();
      const edits: unknown = await database.get(STATE, EDITS_KEY);
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
      return { datasets, edits: isEdits(edits) ? edits : undefined };
    },
    putDataset: async (stored) => {
      await (await open()).put(DATASETS, stored);
    },
    deleteDataset: async (id) => {
      await (await open()).delete(DATASETS, id);
    },
    putEdits: async (edits) => {
      await (await open()).put(STATE, edits, EDITS_KEY);
    },
  };
}
