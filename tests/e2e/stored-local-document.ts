import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { localStorageName } from '../../src/services/local-docs/local-storage-names.ts';

/**
 * The updates a local document (`local/workshop`, `local/corrections`, `local/imports/<id>`) has stored in the
 * page's IndexedDB (its `updates` store), as bytes. None when there is no such database: reading never creates
 * one (the app would find an empty database of its name).
 */
export async function storedLocalUpdates(page: Page, name: string): Promise<Uint8Array[]> {
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
  return updates.map((update) => Uint8Array.from(update));
}

/** A local document as the page's IndexedDB holds it: its stored updates applied in Node with Yjs. */
export async function storedLocalDocument(page: Page, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of await storedLocalUpdates(page, name)) Y.applyUpdate(doc, update);
  return doc;
}
