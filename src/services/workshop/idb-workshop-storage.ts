import { type IDBPDatabase, openDB } from 'idb';

const DB_NAME = 'crm-workshop';
const STORE = 'workshop';
const KEY = 'current';

/** A place that keeps one snapshot between visits. */
export interface SnapshotKeeper<Snapshot> {
  load(): Promise<Snapshot | undefined>;
  save(snapshot: Snapshot): Promise<void>;
}

/**
 * The browser's IndexedDB as the keeper of the workshop's snapshot, whose shape the store owns (and checks when
 * it reads one back); null where IndexedDB does not exist (jsdom, old browsers).
 */
export function createIdbWorkshopStorage<Snapshot>(): SnapshotKeeper<Snapshot> | null {
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
    load: async () => (await (await open()).get(STORE, KEY)) as Snapshot | undefined,
    save: async (snapshot) => {
      await (await open()).put(STORE, snapshot, KEY);
    },
  };
}
