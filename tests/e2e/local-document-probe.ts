/**
 * Runs in Chromium (bundled by driver-local-document.ts): the local document class itself on the app's origin,
 * reached from the test through `window.localDocumentProbe`. Every answer is plain data.
 */
import { BrowserLocalDocument, type StorageProblem } from '../../src/services/local-docs/local-document.ts';
import { localStorageName } from '../../src/services/local-docs/local-storage-names.ts';

const opened = new Map<string, { local: BrowserLocalDocument; problems: StorageProblem[] }>();

function get(name: string) {
  const found = opened.get(name);
  if (!found) throw new Error(`${name} is not open`);
  return found;
}

/** How a promise settled, or that it had not after 10 s (a load that never ends leaves the page "loading"). */
const outcome = (promise: Promise<unknown>) =>
  Promise.race([
    promise.then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, value: String(error) }),
    ),
    new Promise<{ ok: false; value: string }>((resolve) =>
      setTimeout(() => resolve({ ok: false, value: 'not settled after 10 s' }), 10_000),
    ),
  ]);

const probe = {
  async open(name: string) {
    const local = new BrowserLocalDocument(name, { persist: true, relay: false });
    const problems: StorageProblem[] = [];
    local.onStorageProblem((problem) => problems.push(problem));
    opened.set(name, { local, problems });
    return outcome(local.whenLoaded);
  },
  /** Sets `count` keys, one change each; says whether any change threw. */
  change(name: string, prefix: string, count = 1) {
    const { local } = get(name);
    try {
      for (let i = 0; i < count; i++) local.transact((doc) => doc.getMap('m').set(`${prefix}${i}`, i));
      return 'ok';
    } catch (error) {
      return `threw ${String(error)}`;
    }
  },
  keys: (name: string) => [...get(name).local.doc.getMap('m').keys()].sort(),
  problems: (name: string) => [...get(name).problems],
  confirmStored: (name: string) => outcome(get(name).local.confirmStored()),
  reopen: (name: string) => outcome(get(name).local.reopen()),
  readRevision: (name: string) => outcome(get(name).local.readRevision()),
  writeRevision: (name: string, revision: number) => outcome(get(name).local.writeRevision(revision)),
  destroy(name: string) {
    get(name).local.destroy();
    opened.delete(name);
  },
  /** How many updates the document's database holds (read with IndexedDB itself). */
  storedUpdates: (name: string) =>
    new Promise<number>((resolve, reject) => {
      const request = indexedDB.open(localStorageName(name));
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        const count = db.transaction('updates', 'readonly').objectStore('updates').count();
        count.onsuccess = () => {
          db.close();
          resolve(count.result);
        };
        count.onerror = () => reject(count.error);
      };
    }),
  /** Makes a database of the document's name with no store at all (as a bare `indexedDB.open` leaves one). */
  createEmptyDatabase: (name: string) =>
    new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(localStorageName(name));
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    }),
  /** Makes a database of the document's name that is not a local document's (one store of another name). */
  createForeignDatabase: (name: string) =>
    new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(localStorageName(name), 3);
      request.onupgradeneeded = () => request.result.createObjectStore('something-else');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    }),
};

export type LocalDocumentProbe = typeof probe;
(window as unknown as { localDocumentProbe: LocalDocumentProbe }).localDocumentProbe = probe;
