import { localStorageName } from '../local-docs/local-storage-names.ts';
import { CUSTOM, openUpdateDatabase, readNote, UPDATES, writeNote } from '../local-docs/update-database.ts';
import { isSavingIntent, type SavingIntent } from './import-database.ts';

/**
 * Each imported file is a local document of its own, `local/imports/<dataset id>` (IndexedDB database
 * `crm-local-v1/local/imports/<id>`, y-indexeddb's layout): its Yjs document holds the file's stored form (see
 * imported-file-document.ts, written and read in the import worker), and its `custom` store two notes the page
 * reads without Yjs:
 * - `saving`: a SavingIntent, written (committed at once) before the file is written, deleted once it is written
 *   or found lost: a browser killed during the write leaves it for the next start;
 * - `saved`: written once the file reads back from IndexedDB. A file is kept when, and only when, this is there.
 * One database per file: removing a file deletes its database (nothing of it stays on disk), and reading one file
 * never reads the others.
 */
export const IMPORTED_FILE_PREFIX = 'local/imports/';

/** The local document of the imported file `id`. */
export function importedFileDocument(id: string): string {
  return `${IMPORTED_FILE_PREFIX}${id}`;
}

const SAVING = 'saving';
const SAVED = 'saved';

/** The note that a file reads back from storage. */
export interface SavedNote {
  readonly version: 1;
  readonly fileName: string;
  readonly rows: number;
}

function isSavedNote(value: unknown): value is SavedNote {
  const v = value as Partial<SavedNote> | undefined;
  return typeof v === 'object' && v !== null && v.version === 1 && typeof v.fileName === 'string';
}

/** What one file's database says of it. */
export interface FileNotes {
  readonly id: string;
  readonly saving: SavingIntent | null;
  readonly saved: SavedNote | null;
}

/**
 * The ids of the files this browser keeps a database for (kept, or being written), from the names of its IndexedDB
 * databases. Rejects where the browser cannot list them (Firefox before 126): then nothing can be found again.
 */
export async function listImportedFiles(): Promise<string[]> {
  if (typeof indexedDB.databases !== 'function')
    throw new Error('This browser cannot list its IndexedDB databases: imported files cannot be found again');
  const prefix = localStorageName(IMPORTED_FILE_PREFIX);
  return (await indexedDB.databases())
    .map((d) => d.name ?? '')
    .filter((name) => name.startsWith(prefix) && name.length > prefix.length)
    .map((name) => name.slice(prefix.length));
}

/** Opens the file's database when it exists (null when it does not: nothing is created). */
function openExisting(id: string): Promise<IDBDatabase | null> {
  const name = localStorageName(importedFileDocument(id));
  return new Promise((resolve, reject) => {
    let created = false;
    const request = indexedDB.open(name);
    request.onupgradeneeded = (event) => {
      if (event.oldVersion === 0) {
        created = true;
        request.transaction?.abort();
      }
    };
    request.onerror = () => (created ? resolve(null) : reject(request.error));
    request.onsuccess = () => {
      const db = request.result;
      if (db.objectStoreNames.contains(UPDATES) && db.objectStoreNames.contains(CUSTOM)) {
        resolve(db);
        return;
      }
      db.close();
      // An empty database of that name is given its stores; any other is refused.
      openUpdateDatabase(name).then(resolve, reject);
    };
  });
}

/** What the file's database notes (both null when there is no such database). */
export async function readFileNotes(id: string): Promise<FileNotes> {
  const db = await openExisting(id);
  if (!db) return { id, saving: null, saved: null };
  try {
    const [saving, saved] = await Promise.all([readNote(db, SAVING), readNote(db, SAVED)]);
    return { id, saving: isSavingIntent(saving) ? saving : null, saved: isSavedNote(saved) ? saved : null };
  } finally {
    db.close();
  }
}

async function writeFileNote(id: string, key: string, value: unknown, create: boolean): Promise<void> {
  const name = localStorageName(importedFileDocument(id));
  const db = create ? await openUpdateDatabase(name) : await openExisting(id);
  if (!db) return;
  try {
    const outcome = await writeNote(db, key, value);
    if (outcome !== 'committed') throw new Error(`The note '${key}' of ${name} was not stored (${outcome})`);
  } finally {
    db.close();
  }
}

/** Writes down, durably, that the file is about to be written (its database is created if new). */
export function noteSaving(intent: SavingIntent): Promise<void> {
  return writeFileNote(intent.id, SAVING, intent, true);
}

/** Notes that the file reads back from storage (called by whoever wrote it, once it does). */
export function noteSaved(id: string, note: SavedNote): Promise<void> {
  return writeFileNote(id, SAVED, note, false);
}

/**
 * The write of the file is over (written, or found lost): its intent goes, and a database that keeps no file
 * (the write never finished) goes with it.
 */
export async function clearSavingNote(id: string): Promise<void> {
  const notes = await readFileNotes(id);
  if (notes.saved) await writeFileNote(id, SAVING, undefined, false);
  else if (notes.saving) await deleteImportedFile(id);
}

/**
 * Deletes the file's database. Resolves once it is gone; an open connection (another tab reading it) delays that
 * until it closes.
 */
export function deleteImportedFile(id: string): Promise<void> {
  const name = localStorageName(importedFileDocument(id));
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`${name} could not be deleted`));
  });
}

/**
 * Calls `listener` when a kept file's database is deleted under the page: the browser closes the connection (site
 * data cleared: `close`) or asks for it (a deletion waiting: `versionchange`, from another tab removing the file or
 * from the clearing itself). Holds a connection to each file in `ids`, and lets go of one when asked. The listener
 * reads storage back: a request opened after a deletion waits for it. Returns what stops watching.
 */
export function watchImportedFiles(ids: readonly string[], listener: () => void): () => void {
  let stopped = false;
  const open: IDBDatabase[] = [];
  for (const id of ids) {
    void openExisting(id).then(
      (db) => {
        if (!db) return;
        if (stopped) {
          db.close();
          return;
        }
        open.push(db);
        // Deleted (another tab removed the file, or site data is being cleared) or upgraded: let go at once, so
        // the deletion is not held up, and call back (closing a connection ourselves fires no `close`).
        db.onversionchange = () => {
          db.close();
          if (!stopped) listener();
        };
        // Closed by the browser (site data cleared while the connection was open).
        db.onclose = () => {
          if (!stopped) listener();
        };
      },
      () => undefined,
    );
  }
  return () => {
    stopped = true;
    for (const db of open) db.close();
  };
}
