import * as Y from 'yjs';
import type { LocalDocument, StorageProblem } from './local-document.ts';

/**
 * What a browser's IndexedDB keeps of one local document, in memory (tests of the store in jsdom, which has no
 * IndexedDB): its updates, as y-indexeddb keeps them. Every document opened on a shelf stands for a tab.
 */
export interface MemoryShelf {
  readonly updates: Uint8Array[];
  /** While true, writes are lost (a full quota) and the documents on the shelf are told so. */
  failing: boolean;
  /** The number kept under 'revision' (undefined: none). */
  revision: number | undefined;
  /** How many times a document on the shelf opened it anew. */
  reopened: number;
  /** The listeners of the documents on the shelf (the browser's events reach them). */
  readonly listeners: Set<(problem: StorageProblem) => void>;
}

export const memoryShelf = (): MemoryShelf => ({
  updates: [],
  failing: false,
  revision: undefined,
  reopened: 0,
  listeners: new Set(),
});

/**
 * The browser deletes the shelf's database under the open pages, as "clear site data" does: their connections
 * close (nothing is written or read back until they reopen); a page opened later finds an empty database.
 */
export function clearShelf(shelf: MemoryShelf): void {
  shelf.updates.length = 0;
  shelf.revision = undefined;
  for (const listener of [...shelf.listeners]) listener('closed');
}

/**
 * A local document kept on a shelf in memory, as y-indexeddb keeps one in IndexedDB: every update is added (or
 * lost while the shelf fails, telling 'write-failed'), loading applies them all, and `confirmStored` reads the
 * shelf back.
 */
export function shelvedDocument(name: string, shelf: MemoryShelf): LocalDocument {
  const doc = new Y.Doc();
  const origin = { shelved: name };
  const loading = { loading: name };
  /** This page's connection was closed by the browser (see clearShelf). */
  let closed = false;
  const onClosed = (problem: StorageProblem) => {
    if (problem === 'closed') closed = true;
  };
  shelf.listeners.add(onClosed);
  const write = (update: Uint8Array) => {
    if (closed) return;
    if (shelf.failing) {
      for (const listener of shelf.listeners) listener('write-failed');
    } else {
      shelf.updates.push(update);
    }
  };
  doc.on('update', (update: Uint8Array, from: unknown) => {
    if (from !== loading) write(update);
  });
  const whenLoaded = Promise.resolve().then(() => {
    doc.transact(() => {
      for (const update of shelf.updates) Y.applyUpdate(doc, update);
    }, loading);
  });
  return {
    name,
    doc,
    origin,
    whenLoaded,
    transact: (change) => doc.transact(() => change(doc), origin),
    confirmStored: async () => {
      if (closed) return false;
      if (shelf.updates.length === 0) return Y.encodeStateVector(doc).length <= 1;
      const stored = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(Y.mergeUpdates(shelf.updates)));
      return [...Y.decodeStateVector(Y.encodeStateVector(doc))].every(
        ([c, clock]) => (stored.get(c) ?? 0) >= clock,
      );
    },
    storeAgain: async () => write(Y.encodeStateAsUpdate(doc)),
    catchUp: async () => {
      doc.transact(() => {
        for (const update of shelf.updates) Y.applyUpdate(doc, update);
      }, loading);
    },
    onStorageProblem: (listener) => {
      shelf.listeners.add(listener);
      return () => shelf.listeners.delete(listener);
    },
    reopen: async () => {
      closed = false;
      shelf.reopened += 1;
      write(Y.encodeStateAsUpdate(doc));
    },
    readRevision: async () => {
      if (closed) throw new Error('the database connection is closed');
      return shelf.revision ?? 0;
    },
    writeRevision: async (revision) => {
      if (closed || shelf.failing) throw new Error('the revision was not stored');
      shelf.revision = revision;
    },
    destroy: () => {
      shelf.listeners.delete(onClosed);
      doc.destroy();
    },
  };
}
