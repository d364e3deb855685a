import * as Y from 'yjs';

/**
 * The IndexedDB layout of a local document, as y-indexeddb made it (so that stored documents load unchanged): the
 * store `updates` holds Yjs updates under increasing keys (autoIncrement), the store `custom` holds named values.
 * Every write here runs in a transaction of its own whose failure is a result, never an exception: a full disk or
 * a database the browser deleted must not throw into the page's change.
 */
const UPDATES = 'updates';
const CUSTOM = 'custom';

/**
 * Opens the database as y-indexeddb does (creating its two stores when it is new) and closes it again: rejects,
 * saying why, when a local document cannot be kept there. y-indexeddb reports neither case: a database the
 * browser refuses to open (sites may not save data) is an unhandled rejection, and one of that name without its
 * stores a load that never ends. A database of that name with no store at all (opened by something that created
 * nothing) holds nothing: it is given the two stores.
 */
export function checkUpdateDatabase(name: string, version?: number): Promise<void> {
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
      const fits = stores.contains(UPDATES) && stores.contains(CUSTOM);
      const empty = stores.length === 0;
      db.close();
      if (fits) resolve();
      else if (empty && version === undefined)
        checkUpdateDatabase(name, db.version + 1).then(resolve, reject);
      else
        reject(
          new Error(
            `The database ${name} is not a local document’s (it has no '${UPDATES}' and '${CUSTOM}' stores)`,
          ),
        );
    };
  });
}

/** How many stored updates make a compaction worthwhile (y-indexeddb's PREFERRED_TRIM_SIZE). */
export const COMPACT_AT = 500;

/**
 * What to do with the stored updates whose keys were read (ascending, as IndexedDB returns them): write the whole
 * state as one update, and delete the keys up to `deleteUpTo` (inclusive; null: none). Null when nothing is due:
 * fewer than COMPACT_AT updates and no forced write.
 */
export function compactionPlan(
  keys: readonly IDBValidKey[],
  force: boolean,
): { readonly deleteUpTo: IDBValidKey | null } | null {
  if (!force && keys.length < COMPACT_AT) return null;
  return { deleteUpTo: keys.at(-1) ?? null };
}

/** The revision kept in `custom` under 'revision': 0 when none is kept; anything but a whole number ≥ 0 is an error. */
export function revisionOf(value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw new Error(`The stored revision is not a whole number ≥ 0: ${String(value)}`);
}

/**
 * How a write ended: committed; aborted (quota, a deleted database: the abort event also reaches the connection);
 * or not started (the connection is closing, or `work` threw).
 */
export type WriteOutcome = 'committed' | 'aborted' | 'not-started';

/** Runs `work` in a readwrite transaction on one store and resolves with how it ended; rejects never. */
export function writeInTransaction(
  db: IDBDatabase,
  storeName: typeof UPDATES | typeof CUSTOM,
  work: (store: IDBObjectStore) => void,
): Promise<WriteOutcome> {
  return new Promise((resolve) => {
    let transaction: IDBTransaction;
    try {
      transaction = db.transaction(storeName, 'readwrite');
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

/** Adds one update to the stored ones. */
export function addUpdate(db: IDBDatabase, update: Uint8Array): Promise<WriteOutcome> {
  return writeInTransaction(db, UPDATES, (store) => store.add(update));
}

/**
 * In ONE readwrite transaction: reads every stored update and applies it to `doc` (with `origin`: what another
 * tab stored since, so that the whole state written holds it), then, when due (see compactionPlan), writes the
 * whole state as one update and deletes the keys read. Either all of it is stored or none.
 */
export function compactUpdates(
  db: IDBDatabase,
  doc: Y.Doc,
  origin: unknown,
  force: boolean,
): Promise<WriteOutcome> {
  return writeInTransaction(db, UPDATES, (store) => {
    const keysRequest = store.getAllKeys();
    const valuesRequest = store.getAll();
    valuesRequest.onsuccess = () => {
      const updates = valuesRequest.result as Uint8Array[];
      try {
        Y.transact(
          doc,
          () => {
            for (const update of updates) Y.applyUpdate(doc, update);
          },
          origin,
          false,
        );
      } catch {
        // An update that does not apply: nothing is replaced.
        store.transaction.abort();
        return;
      }
      const plan = compactionPlan(keysRequest.result, force);
      if (!plan) return;
      if (plan.deleteUpTo !== null) store.delete(IDBKeyRange.upperBound(plan.deleteUpTo));
      store.add(Y.encodeStateAsUpdate(doc));
    };
  });
}

/** The stored updates after `afterKey` (all when null), with their keys. Rejects when the read fails. */
export function readUpdatesAfter(
  db: IDBDatabase,
  afterKey: IDBValidKey | null,
): Promise<{ keys: IDBValidKey[]; updates: Uint8Array[] }> {
  return new Promise((resolve, reject) => {
    try {
      const store = db.transaction(UPDATES, 'readonly').objectStore(UPDATES);
      const range = afterKey === null ? undefined : IDBKeyRange.lowerBound(afterKey, true);
      const keysRequest = store.getAllKeys(range);
      const valuesRequest = store.getAll(range);
      valuesRequest.onsuccess = () =>
        resolve({ keys: keysRequest.result, updates: valuesRequest.result as Uint8Array[] });
      valuesRequest.onerror = () => reject(valuesRequest.error);
    } catch (error) {
      reject(error);
    }
  });
}

/** The revision kept in `custom` (0 when none). Rejects when the read fails or what is kept is no revision. */
export function readStoredRevision(db: IDBDatabase): Promise<number> {
  return new Promise((resolve, reject) => {
    try {
      const request = db.transaction(CUSTOM, 'readonly').objectStore(CUSTOM).get('revision');
      request.onsuccess = () => {
        try {
          resolve(revisionOf(request.result));
        } catch (error) {
          reject(error);
        }
      };
      request.onerror = () => reject(request.error);
    } catch (error) {
      reject(error);
    }
  });
}

/** Keeps `revision` in `custom`. */
export function writeStoredRevision(db: IDBDatabase, revision: number): Promise<WriteOutcome> {
  return writeInTransaction(db, CUSTOM, (store) => store.put(revision, 'revision'));
}
