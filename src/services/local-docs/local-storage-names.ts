// Names and browser facts about local documents, without Yjs: a page asks them before it loads a document's code.

/** Prefix of the IndexedDB databases (and BroadcastChannels) of local documents; the version is the layout's. */
const PREFIX = 'crm-local-v1/';

/** Where a local document lives in this browser: its IndexedDB database and its channel between tabs. */
export function localStorageName(document: string): string {
  return `${PREFIX}${document}`;
}

/**
 * Whether this browser may hold any of these IndexedDB databases (true where it cannot list them): a page opens a
 * local document only once it is used or already kept, so that a visit that changes nothing writes nothing.
 */
export async function mayHoldDatabases(names: readonly string[]): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  if (typeof indexedDB.databases !== 'function') return true;
  try {
    const held = new Set((await indexedDB.databases()).map((d) => d.name));
    return names.some((name) => held.has(name));
  } catch {
    return true;
  }
}

/** Runs `task` while holding a lock of this browser (Web Locks), so that two tabs do not run it at once. */
export async function withBrowserLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !navigator.locks) return task();
  return navigator.locks.request(`${PREFIX}${name}`, task);
}
