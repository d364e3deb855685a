import * as Y from 'yjs';
import { CUSTOM, UPDATES, type WriteOutcome, writeInTransaction } from './update-database.ts';

export { checkUpdateDatabase, type WriteOutcome } from './update-database.ts';

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
