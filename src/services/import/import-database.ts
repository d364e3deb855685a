import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type { ImportedDataset } from '../../domain/loading/imported-dataset.ts';
import type { EditMap } from '../../domain/model/edit-map.ts';
import type { Resource } from '../../domain/model/resource.ts';
import type { UndoHistory } from '../../domain/model/undo-history.ts';

/**
 * The IndexedDB database in which versions before local documents kept imported files (`datasets`, with `saving:`
 * intents in `state`) and the office's corrections (`edits`). Read once, to move them into documents (imported
 * files: move-old-imports.ts; corrections: corrections-persistence.ts), then emptied; nothing new is written here.
 * The stored forms below are still the ones kept (an imported file's document holds a StoredDataset as JSON).
 */
export const IMPORT_DATABASE = 'crm-imports';
/** Version 2: one entry per corrected record (EDITS) instead of the whole history under one key. */
export const IMPORT_DATABASE_VERSION = 2;
export const DATASETS = 'datasets';
export const STATE = 'state';
/** One entry per corrected record, keyed by the record's id: two tabs correcting two records both keep theirs. */
export const EDITS = 'edits';
/** In STATE: the undo history of the tab that wrote corrections last (StoredHistory). */
export const HISTORY_KEY = 'edit-history';
/** In STATE: the revision of the last write of corrections (it only grows, also across cleared storage). */
export const REVISION_KEY = 'edits-revision';
/**
 * In STATE, before a dataset is written: `saving:<id>` holds what is being saved (a SavingIntent), durably, so that
 * a browser killed in the middle of the write leaves a trace the next start finds (localStorage commits late).
 */
export const SAVING_PREFIX = 'saving:';

/** A dataset write under way, as written down before it starts. */
export interface SavingIntent {
  readonly id: string;
  readonly fileName: string;
  readonly rows: number;
  readonly tab: string;
}

/** Whether a value read back is a saving intent. */
export function isSavingIntent(value: unknown): value is SavingIntent {
  const v = value as Partial<SavingIntent> | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'string' &&
    typeof v.fileName === 'string' &&
    typeof v.rows === 'number' &&
    typeof v.tab === 'string'
  );
}

/** Version 1 kept the whole history (corrections included) under this one key of STATE: the last writer won. */
const V1_EDITS_KEY = 'office-edits';

/** One imported file as stored: its report and its records. Version 1 is what every saved import has. */
export interface StoredDataset {
  readonly version: 1;
  readonly id: string;
  readonly dataset: ImportedDataset;
  readonly resources: readonly Resource[];
}

/** The office's corrections by record id, with undo and redo. */
export type EditHistory = UndoHistory<EditMap<Resource>>;

/** One record's correction (a record merged away holds the record it was merged into). */
export interface StoredEdit {
  readonly version: 1;
  readonly id: string;
  readonly resource: Resource;
  /** Unique to the write that stored it: another tab's change is told by a stamp this tab did not write. */
  readonly stamp: string;
}

/** The undo history of the tab that wrote last, and the stamps of the corrections its present holds. */
export interface StoredHistory {
  readonly version: 1;
  readonly history: EditHistory;
  readonly stamps: Readonly<Record<string, string>>;
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

/** Whether a value read back is a stored correction. */
export function isStoredEdit(value: unknown): value is StoredEdit {
  const v = value as Partial<StoredEdit> | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.version === 1 &&
    typeof v.id === 'string' &&
    typeof v.stamp === 'string' &&
    typeof v.resource === 'object' &&
    v.resource !== null
  );
}

/** Whether a value is an edit history: states of corrections by id, before and after the present one. */
export function isEditHistory(value: unknown): value is EditHistory {
  const v = value as Partial<EditHistory> | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray(v.past) &&
    Array.isArray(v.future) &&
    typeof v.present === 'object' &&
    v.present !== null
  );
}

/** Whether a value read back is a stored history. */
export function isStoredHistory(value: unknown): value is StoredHistory {
  const v = value as Partial<StoredHistory> | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.version === 1 &&
    isEditHistory(v.history) &&
    typeof v.stamps === 'object' &&
    v.stamps !== null
  );
}

/** The stamp of corrections carried over from version 1 of the database. */
const V1_STAMP = 'v1';

/**
 * Version 1 → 2: every correction of the old single key becomes an entry of its own, the history is kept
 * whole (undo still works), and the old key goes only once all of it is written (one upgrade transaction: all or
 * nothing). A value that is not a history this code understands is left where it is, never dropped.
 */
async function moveV1Edits(transaction: IDBPTransaction<unknown, string[], 'versionchange'>): Promise<void> {
  const state = transaction.objectStore(STATE);
  const old: unknown = await state.get(V1_EDITS_KEY);
  if (!isEditHistory(old)) return;
  const edits = transaction.objectStore(EDITS);
  const stamps: Record<string, string> = {};
  for (const [id, resource] of Object.entries(old.present)) {
    await edits.put({ version: 1, id, resource, stamp: V1_STAMP } satisfies StoredEdit);
    stamps[id] = V1_STAMP;
  }
  await state.put({ version: 1, history: old, stamps } satisfies StoredHistory, HISTORY_KEY);
  await state.put(Date.now(), REVISION_KEY);
  await state.delete(V1_EDITS_KEY);
}

/** What the page wants to hear about the connection: see openImportDatabase. */
export interface ConnectionEvents {
  /** The browser closed the connection itself: the database was deleted under the page (site data cleared). */
  readonly terminated?: () => void;
  /** A newer version of the app wants to upgrade the database: this connection closes to let it. */
  readonly blocking?: () => void;
}

/** Opens (and on first use creates or upgrades) the database; works on the page and in workers. */
export function openImportDatabase(events: ConnectionEvents = {}): Promise<IDBPDatabase> {
  return openDB(IMPORT_DATABASE, IMPORT_DATABASE_VERSION, {
    async upgrade(database, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        database.createObjectStore(DATASETS, { keyPath: 'id' });
        database.createObjectStore(STATE);
      }
      if (oldVersion < 2) {
        database.createObjectStore(EDITS, { keyPath: 'id' });
        if (oldVersion >= 1) await moveV1Edits(transaction);
      }
    },
    ...(events.terminated ? { terminated: events.terminated } : {}),
    ...(events.blocking ? { blocking: events.blocking } : {}),
  });
}

/**
 * A dataset another thread holds and can write itself into the storage named `database` (the import worker that
 * built it writes it into its document). The page's storage uses it instead of cloning the records, in the order
 * of its own writes; `release` frees the thread whether or not it wrote.
 */
export interface WorkerCopy {
  readonly database: string;
  write(): Promise<void>;
  release(): void;
}
