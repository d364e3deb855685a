// The IndexedDB layout of a local document and the writes to it that need no Yjs: a page can keep notes beside a
// document (its `custom` store) without loading Yjs.

/**
 * The IndexedDB layout of a local document, as y-indexeddb made it (so that stored documents load unchanged): the
 * store `updates` holds Yjs updates under increasing keys (autoIncrement), the store `custom` holds named values.
 * Every write here runs in a transaction of its own whose failure is a result, never an exception: a full disk or
 * a database the browser deleted must not throw into the page's change.
 */
export const UPDATES = 'updates';
export const CUSTOM = 'custom';

/**
 * Opens the database as y-indexeddb does, creating its two stores when it is new: rejects, saying why, when a
 * local document cannot be kept there. y-indexeddb reports neither case: a database the browser refuses to open
 * (sites may not save data) is an unhandled rejection, and one of that name without its stores a load that never
 * ends. A database of that name with no store at all (opened by something that created nothing) holds nothing: it
 * is given the two stores.
 */
export function openUpdateDatabase(name: string, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const refused = (why: string) => reject(new Error(`The database ${name} could not be opened: ${why}`));
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name, version);
    } catch (error) {
      refused(String(error));
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(UPDATES)) db.createObjectStore(UPDATES, { autoIncrement: true });
      if (!db.objectStoreNames.contains(CUSTOM)) db.createObjectStore(CUSTOM);
    };
    request.onerror = () => refused(request.error?.message ?? 'no reason given');
    request.onsuccess = () => {
      const db = request.result;
      const stores = db.objectStoreNames;
      if (stores.contains(UPDATES) && stores.contains(CUSTOM)) {
        resolve(db);
        return;
      }
      const empty = stores.length === 0;
      db.close();
      if (empty && version === undefined) openUpdateDatabase(name, db.version + 1).then(resolve, reject);
      else
        reject(
          new Error(
            `The database ${name} is not a local document’s (it has no '${UPDATES}' and '${CUSTOM}' stores)`,
          ),
        );
    };
  });
}

/** Checks that a local document can be kept in the database `name` (see openUpdateDatabase), then closes it. */
export async function checkUpdateDatabase(name: string): Promise<void> {
  (await openUpdateDatabase(name)).close();
}

/** A value kept in `custom` under `key` (undefined when none). Rejects when the read fails. */
export function readNote(db: IDBDatabase, key: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    try {
      const request = db.transaction(CUSTOM, 'readonly').objectStore(CUSTOM).get(key);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    } catch (error) {
      reject(error);
    }
  });
}

/**
 * Keeps `value` in `custom` under `key` (deletes it when undefined), durably and committed at once (not when the
 * thread's current task ends): a browser killed right after still has it.
 */
export function writeNote(db: IDBDatabase, key: string, value: unknown): Promise<WriteOutcome> {
  const write = (store: IDBObjectStore) => {
    if (value === undefined) store.delete(key);
    else store.put(value, key);
    store.transaction.commit();
  };
  return writeInTransaction(db, CUSTOM, write, 'strict');
}

/**
 * How a write ended: committed; aborted (quota, a deleted database: the abort event also reaches the connection);
 * or not started (the connection is closing, or `work` threw).
 */
export type WriteOutcome = 'committed' | 'aborted' | 'not-started';

/**
 * Runs `work` in a readwrite transaction on one store and resolves with how it ended; rejects never. `strict`:
 * the browser says committed only once the disk has it.
 */
export function writeInTransaction(
  db: IDBDatabase,
  storeName: typeof UPDATES | typeof CUSTOM,
  work: (store: IDBObjectStore) => void,
  durability: IDBTransactionDurability = 'default',
): Promise<WriteOutcome> {
  return new Promise((resolve) => {
    let transaction: IDBTransaction;
    try {
      transaction = db.transaction(storeName, 'readwrite', { durability });
    } catch {
      resolve('not-started');
      return;
    }
    transaction.oncomplete = () => resolve('committed');
    transaction.onabort = () => resolve('aborted');
    try {
      work(transaction.objectStore(storeName));
    } catch {
      transaction.abort();
    }
  });
}
