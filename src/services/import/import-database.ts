import { type IDBPDatabase, openDB } from 'idb';
import type { ImportedDataset } from '../../domain/loading/imported-dataset.ts';
import type { Resource } from '../../domain/model/resource.ts';

/**
 * The IndexedDB database that keeps imported files between visits. The page and the import worker both open
 * it: the worker writes a dataset it has just built, so the page never clones 100,000 records to store them.
 */
export const IMPORT_DATABASE = 'crm-imports';
export const DATASETS = 'datasets';
export const STATE = 'state';
/** The office's edits, in the STATE store. */
export const EDITS_KEY = 'office-edits';

/** One imported file as stored: its report and its records. Version 1 is what every saved import has. */
export interface StoredDataset {
  readonly version: 1;
  readonly id: string;
  readonly dataset: ImportedDataset;
  readonly resources: readonly Resource[];
}

/** The record kept for a dataset (keyed by the dataset's id). */
export function storedDataset(dataset: ImportedDataset, resources: readonly Resource[]): StoredDataset {
  return { version: 1, id: dataset.id, dataset, resources };
}

/** Whether a value read back is a stored dataset this version understands. */
export function isStoredDataset(value: unknown): value is StoredDataset {
  const v = value as Partial<StoredDataset> | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.version === 1 &&
    typeof v.id === 'string' &&
    Array.isArray(v.resources)
  );
}

/** Opens (and on first use creates) the database; works on the page and in workers. */
export function openImportDatabase(): Promise<IDBPDatabase> {
  return openDB(IMPORT_DATABASE, 1, {
    upgrade(database) {
      database.createObjectStore(DATASETS, { keyPath: 'id' });
      database.createObjectStore(STATE);
    },
  });
}

/**
 * A dataset another thread holds and can write to `database` itself (the import worker that built it). The
 * page's storage uses it instead of cloning the records, in the order of its own writes; `release` frees the
 * thread whether or not it wrote.
 */
export interface WorkerCopy {
  readonly database: string;
  write(): Promise<void>;
  release(): void;
}
