import { openDB } from 'idb';

/** The workshop's IndexedDB before local documents: one snapshot (undo history and form) under one key. */
const DB_NAME = 'crm-workshop';
const STORE = 'workshop';
const KEY = 'current';

/**
 * What the workshop's old IndexedDB holds (undefined: nothing, or no such database), whose shape the store
 * checks: read once, to move it into the workshop's local document. The database is opened only when the browser
 * lists it, so that looking creates nothing (where the list is not offered, a database this opening created is
 * deleted again).
 */
export async function readOldWorkshopSnapshot(): Promise<unknown> {
  if (typeof indexedDB === 'undefined') return undefined;
  if (typeof indexedDB.databases === 'function') {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes(DB_NAME)) return undefined;
  }
  let created = false;
  const db = await openDB(DB_NAME, 1, {
    upgrade(database, oldVersion) {
      created = oldVersion === 0;
      database.createObjectStore(STORE);
    },
  });
  try {
    return created ? undefined : await db.get(STORE, KEY);
  } finally {
    db.close();
    if (created) await deleteOldWorkshopStorage();
  }
}

/** Deletes the workshop's old IndexedDB (once its snapshot is stored in the local document). */
export async function deleteOldWorkshopStorage(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    // Blocked by another tab still on the old version: it is deleted once that tab goes; nothing waits for it.
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}
