import { type IDBPDatabase, openDB } from 'idb';
import type { WorkshopSnapshot, WorkshopStorage } from '../../store/workshop/workshop-persistence.ts';

const DB_NAME = 'crm-workshop';
const STORE = 'workshop';
const KEY = 'current';

/** The browser's IndexedDB as workshop storage; null where IndexedDB does not exist (jsdom, old browsers). */
export function createIdbWorkshopStorage(): WorkshopStorage | null {
  if (typeof indexedDB === 'undefined') return null;
  let db: Promise<IDBPDatabase> | null = null;
  const open = () => {
    db ??= openDB(DB_NAME, 1, {
      upgrade(database) {
        database.createObjectStore(STORE);
      },
    });
    return db;
  };
  return {
    load: async () => (await (await open()).get(STORE, KEY)) as WorkshopSnapshot | undefined,
    save: async (snapshot) => {
      await (await open()).put(STORE, snapshot, KEY);
    },
  };
}
