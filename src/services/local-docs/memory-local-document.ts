import * as Y from 'yjs';
import type { LocalDocument } from './local-document.ts';

/**
 * A browser's storage of one local document, in memory (for tests of the store in jsdom, which has no IndexedDB):
 * the updates stored, a revision, and the tabs (documents) open on it. The same contract as IndexedDB's through
 * y-indexeddb: each update of a tab is stored, tabs relay their updates to each other asynchronously (as a
 * BroadcastChannel does), and a page that opens reads what is stored.
 */
export interface MemoryDocumentStore {
  readonly updates: Uint8Array[];
  revision: number;
  /** When set, every write fails (a full disk) until it is cleared. */
  full: boolean;
  /** When set, writes never land (the browser is killed before they commit). */
  hanging: boolean;
  /** Deletes everything, as clearing the site's data does: the open tabs' connections close. */
  clearSiteData(): void;
  /** The document of a new tab on this store. */
  open(name: string): LocalDocument;
}

const FROM_STORAGE = Symbol('from storage');
const FROM_OTHER_TAB = Symbol('from another tab');

export function createMemoryDocumentStore(): MemoryDocumentStore {
  const tabs = new Set<MemoryTab>();
  const store: MemoryDocumentStore = {
    updates: [],
    revision: 0,
    full: false,
    hanging: false,
    clearSiteData: () => {
      store.updates.length = 0;
      store.revision = 0;
      for (const tab of tabs) tab.closeConnection();
    },
    open: (name) => new MemoryTab(name, store, tabs),
  };
  return store;
}

type Problem = 'write-failed' | 'closed';

class MemoryTab implements LocalDocument {
  readonly doc = new Y.Doc();
  readonly origin = { localDocument: this };
  readonly whenLoaded: Promise<void>;
  private closed = false;
  private destroyed = false;
  private readonly listeners = new Set<(problem: Problem) => void>();

  constructor(
    readonly name: string,
    private readonly store: MemoryDocumentStore,
    private readonly tabs: Set<MemoryTab>,
  ) {
    tabs.add(this);
    this.doc.on('update', this.onUpdate);
    this.whenLoaded = Promise.resolve().then(() => {
      Y.transact(
        this.doc,
        () => {
          for (const update of store.updates) Y.applyUpdate(this.doc, update);
        },
        FROM_STORAGE,
      );
    });
  }

  transact(change: (doc: Y.Doc) => void): void {
    this.doc.transact(() => change(this.doc), this.origin);
  }

  async confirmStored(): Promise<boolean> {
    if (this.closed) return false;
    const stored = Y.mergeUpdates(
      this.store.updates.length > 0 ? this.store.updates : [new Uint8Array([0, 0])],
    );
    const held = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(stored));
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(this.doc)))
      if ((held.get(client) ?? 0) < clock) return false;
    return true;
  }

  async storeAgain(): Promise<void> {
    this.write(Y.encodeStateAsUpdate(this.doc));
  }

  async catchUp(): Promise<void> {
    Y.transact(
      this.doc,
      () => {
        for (const update of this.store.updates) Y.applyUpdate(this.doc, update);
      },
      FROM_STORAGE,
    );
  }

  onStorageProblem(listener: (problem: Problem) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async reopen(): Promise<void> {
    this.closed = false;
    this.write(Y.encodeStateAsUpdate(this.doc));
  }

  async readRevision(): Promise<number> {
    if (this.closed) throw new Error('The database connection is closed.');
    return this.store.revision;
  }

  async writeRevision(revision: number): Promise<void> {
    if (this.closed || this.store.full) throw new Error('The revision could not be written.');
    this.store.revision = revision;
  }

  destroy(): void {
    this.destroyed = true;
    this.doc.off('update', this.onUpdate);
    this.tabs.delete(this);
  }

  /** The browser closed this tab's connection (its site data was cleared). */
  closeConnection(): void {
    if (this.closed || this.destroyed) return;
    this.closed = true;
    for (const listener of this.listeners) listener('closed');
  }

  private write(update: Uint8Array): void {
    if (this.store.hanging) return;
    if (this.store.full) {
      for (const listener of this.listeners) listener('write-failed');
      return;
    }
    this.store.updates.push(update);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_STORAGE) return;
    if (!this.closed) this.write(update);
    if (origin === FROM_OTHER_TAB) return;
    const copy = update.slice();
    setTimeout(() => {
      for (const tab of this.tabs)
        if (tab !== this && !tab.destroyed) Y.applyUpdate(tab.doc, copy, FROM_OTHER_TAB);
    }, 0);
  };
}
