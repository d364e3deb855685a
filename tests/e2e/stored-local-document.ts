import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { localStorageName } from '../../src/services/local-docs/local-storage-names.ts';

/**
 * A local document (`local/workshop`, `local/corrections`) as the page's IndexedDB holds it: the updates stored,
 * read in the page and applied in Node with Yjs. Empty when there is no such database: reading never creates one
 * (the app would find an empty database of its name).
 */
export async function storedLocalDocument(page: Page, name: string): Promise<Y.Doc> {
  const updates = await page.evaluate(
    (database) =>
      new Promise<number[][]>((resolve, reject) => {
        const request = indexedDB.open(database);
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onerror = () => (request.error?.name === 'AbortError' ? resolve([]) : reject(request.error));
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('updates')) {
            db.close();
            resolve([]);
            return;
          }
          const read = db.transaction('updates').objectStore('updates').getAll();
          read.onsuccess = () => {
            db.close();
            resolve((read.result as Uint8Array[]).map((update) => [...update]));
          };
          read.onerror = () => reject(read.error);
        };
      }),
    localStorageName(name),
  );
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, Uint8Array.from(update));
  return doc;
}
