import * as Y from 'yjs';
import type { LocalDocument } from '../../src/services/local-docs/local-document.ts';

/** What a browser's IndexedDB keeps of one local document in these tests: its updates, as y-indexeddb keeps them. */
export interface MemoryShelf {
  readonly updates: Uint8Array[];
  /** While true, writes are lost (a full quota). */
  failing: boolean;
}

export const memoryShelf = (): MemoryShelf => ({ updates: [], failing: false });

/**
 * A local document kept on a shelf in memory, as y-indexeddb keeps one in IndexedDB: every update is added (or
 * lost while the shelf fails), loading applies them all, and `confirmStored` reads the shelf back.
 */
export function shelvedDocument(name: string, shelf: MemoryShelf): LocalDocument {
  const doc = new Y.Doc();
  const origin = { shelved: name };
  const loading = { loading: name };
  doc.on('update', (update: Uint8Array, from: unknown) => {
    if (from !== loading && !shelf.failing) shelf.updates.push(update);
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
      if (shelf.updates.length === 0) return Y.encodeStateVector(doc).length <= 1;
      const stored = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(Y.mergeUpdates(shelf.updates)));
      return [...Y.decodeStateVector(Y.encodeStateVector(doc))].every(
        ([c, clock]) => (stored.get(c) ?? 0) >= clock,
      );
    },
    storeAgain: async () => {
      if (!shelf.failing) shelf.updates.push(Y.encodeStateAsUpdate(doc));
    },
    catchUp: async () => {
      doc.transact(() => {
        for (const update of shelf.updates) Y.applyUpdate(doc, update);
      }, loading);
    },
    destroy: () => doc.destroy(),
  };
}
