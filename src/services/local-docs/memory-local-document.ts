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
  /**
   * While true, the browser refuses to open the database (sites' data blocked): a document opened (or reopened)
   * then loads nothing, tells 'unavailable' and keeps nothing.
   */
  refused: boolean;
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
  refused: false,
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
 * A local document kept on a shelf in memory, as BrowserLocalDocument keeps one in IndexedDB: every update is
 * added (or lost while the shelf fails, telling 'write-failed'), loading applies them all, and `confirmStored`
 * reads the shelf back. On a refused shelf it works in memory only: its load rejects and 'unavailable' is told.
 */
export function shelvedDocument(name: string, shelf: MemoryShelf): LocalDocument {
  const doc = new Y.Doc();
  const origin = { shelved: name };
  const loading = { loading: name };
  /** This page's connection was closed by the browser (see clearShelf). */
  let closed = false;
  /** The browser refused to open the database for this page (see MemoryShelf.refused). */
  let refused = shelf.refused;
  /** This document's own listeners (the shelf's reach every document on it). */
  const own = new Set<(problem: StorageProblem) => void>();
  const tellUnavailable = () => {
    for (const listener of [...own]) listener('unavailable');
  };
  const onClosed = (problem: StorageProblem) => {
    if (problem === 'closed') closed = true;
  };
  shelf.listeners.add(onClosed);
  const write = (update: Uint8Array) => {
    if (closed || refused) return;
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
    if (refused) {
      tellUnavailable();
      throw new Error(`The database of ${name} could not be opened`);
    }
    doc.transact(() => {
      for (const update of shelf.updates) Y.applyUpdate(doc, update);
    }, loading);
  });
  whenLoaded.catch(() => undefined);
  return {
    name,
    doc,
    origin,
    whenLoaded,
    transact: (change) => doc.transact(() => change(doc), origin),
    confirmStored: async () => {
      if (closed || refused) return false;
      if (shelf.updates.length === 0) return Y.encodeStateVector(doc).length <= 1;
      const stored = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(Y.mergeUpdates(shelf.updates)));
      return [...Y.decodeStateVector(Y.encodeStateVector(doc))].every(
        ([c, clock]) => (stored.get(c) ?? 0) >= clock,
      );
    },
    storeAgain: async () => {
      if (refused) throw new Error(`The database of ${name} could not be opened`);
      write(Y.encodeStateAsUpdate(doc));
    },
    catchUp: async () => {
      if (refused) return;
      doc.transact(() => {
        for (const update of shelf.updates) Y.applyUpdate(doc, update);
      }, loading);
    },
    onStorageProblem: (listener) => {
      shelf.listeners.add(listener);
      own.add(listener);
      return () => {
        shelf.listeners.delete(listener);
        own.delete(listener);
      };
    },
    reopen: async () => {
      refused = shelf.refused;
      if (refused) {
        tellUnavailable();
        throw new Error(`The database of ${name} could not be opened`);
      }
      closed = false;
      shelf.reopened += 1;
      write(Y.encodeStateAsUpdate(doc));
    },
    readRevision: async () => {
      if (closed || refused) throw new Error('the database connection is closed');
      return shelf.revision ?? 0;
    },
    writeRevision: async (revision) => {
      if (closed || refused || shelf.failing) throw new Error('the revision was not stored');
      shelf.revision = revision;
    },
    destroy: () => {
      shelf.listeners.delete(onClosed);
      doc.destroy();
    },
  };
}
