import { fetchUpdates, IndexeddbPersistence, storeState } from 'y-indexeddb';
import * as Y from 'yjs';
import { localStorageName } from './local-storage-names.ts';

export interface LocalDocumentOptions {
  /** Keep the document in IndexedDB with y-indexeddb (off where there is none, e.g. in jsdom and Node). */
  readonly persist: boolean;
  /** Relay every change to the other tabs of this browser, and theirs to this one (BroadcastChannel). */
  readonly relay: boolean;
}

/**
 * What the updates read back from storage hold, by client: each update holds a range of a client's clocks
 * (`Y.parseUpdateMeta`), and the clocks from 0 to `upTo(client)` are all in some update read back. Reading the
 * ranges costs one pass over each new update; merging every stored update to compare state vectors took about
 * a second per check at 1,000 records.
 */
export class StoredClocks {
  private readonly contiguous = new Map<number, number>();
  private readonly ahead = new Map<number, [number, number][]>();

  add(meta: { from: Map<number, number>; to: Map<number, number> }): void {
    for (const [client, to] of meta.to) {
      const from = meta.from.get(client) ?? 0;
      const ranges = [...(this.ahead.get(client) ?? []), [from, to] as [number, number]];
      ranges.sort((a, b) => a[0] - b[0]);
      let upTo = this.contiguous.get(client) ?? 0;
      const rest: [number, number][] = [];
      for (const range of ranges) {
        if (range[0] <= upTo) upTo = Math.max(upTo, range[1]);
        else rest.push(range);
      }
      this.contiguous.set(client, upTo);
      this.ahead.set(client, rest);
    }
  }

  upTo(client: number): number {
    return this.contiguous.get(client) ?? 0;
  }
}

/**
 * A document of the shared map's model kept in this browser only (see schema.ts, local documents): what the store
 * needs of it, whoever keeps it (IndexedDB here; tests keep one in memory).
 */
export interface LocalDocument {
  readonly name: string;
  readonly doc: Y.Doc;
  /** The origin of this tab's own changes (the undo manager tracks it). */
  readonly origin: object;
  /** Resolves once what storage held is in the document. */
  readonly whenLoaded: Promise<void>;
  /** Makes a change of this tab's own (one undo step, one update to store and relay). */
  transact(change: (doc: Y.Doc) => void): void;
  /** Reads storage back: whether it holds every change the document has. */
  confirmStored(): Promise<boolean>;
  /** Writes the whole document into storage again (after a write was lost). */
  storeAgain(): Promise<void>;
  /** Takes in what other tabs stored since this tab last read storage. */
  catchUp(): Promise<void>;
  /** Stops storing and relaying (the document stays readable). */
  destroy(): void;
}

/** The origin of updates that came from another tab. */
const FROM_OTHER_TAB = Symbol('from another tab');

/**
 * A document of the shared map's model that never leaves the browser: kept in IndexedDB by y-indexeddb and
 * relayed between the tabs of this browser as Yjs updates (Yjs merges them; the channel carries nothing else).
 * The page writes with `transact`, whose origin (`origin`) the undo manager tracks; a change from IndexedDB or
 * another tab has another origin and is never undone here.
 */
export class BrowserLocalDocument implements LocalDocument {
  readonly doc = new Y.Doc();
  /** The origin of this tab's own changes. */
  readonly origin = { localDocument: this };
  /** Resolves once what IndexedDB held is in the document (at once without IndexedDB). */
  readonly whenLoaded: Promise<void>;
  private readonly persistence: IndexeddbPersistence | null;
  private readonly channel: BroadcastChannel | null;
  /** The last key of IndexedDB's updates read back (null: none yet): each check reads only what came after. */
  private readBackKey: IDBValidKey | null = null;
  /** The clocks of the updates read back, by client. */
  private readonly storedClocks = new StoredClocks();

  constructor(
    readonly name: string,
    options: LocalDocumentOptions,
  ) {
    const storage = localStorageName(name);
    this.persistence = options.persist ? new IndexeddbPersistence(storage, this.doc) : null;
    this.whenLoaded = this.persistence
      ? this.persistence.whenSynced.then(() => undefined)
      : Promise.resolve();
    this.channel =
      options.relay && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(storage) : null;
    if (this.channel) {
      this.channel.onmessage = (event: MessageEvent<unknown>) => {
        if (event.data instanceof Uint8Array) Y.applyUpdate(this.doc, event.data, FROM_OTHER_TAB);
      };
      this.doc.on('update', this.relay);
    }
  }

  /** Makes a change of this tab's own (one undo step, one update to store and relay). */
  transact(change: (doc: Y.Doc) => void): void {
    this.doc.transact(() => change(this.doc), this.origin);
  }

  /**
   * Reads what IndexedDB holds back and says whether it has every change this document has (its state vector
   * covers the document's): y-indexeddb does not report its writes, so this is how "saved" is known. Reading
   * after the writes waits for them, as IndexedDB runs transactions on one store in the order they were made.
   * False without IndexedDB: nothing is kept.
   */
  async confirmStored(): Promise<boolean> {
    const persistence = this.persistence;
    if (!persistence) return false;
    await this.whenLoaded;
    const db = persistence.db;
    if (!db) return false;
    const { keys, updates } = await new Promise<{ keys: IDBValidKey[]; updates: Uint8Array[] }>(
      (resolve, reject) => {
        try {
          const store = db.transaction('updates', 'readonly').objectStore('updates');
          const range =
            this.readBackKey === null ? undefined : IDBKeyRange.lowerBound(this.readBackKey, true);
          const keysRequest = store.getAllKeys(range);
          const valuesRequest = store.getAll(range);
          valuesRequest.onsuccess = () =>
            resolve({ keys: keysRequest.result, updates: valuesRequest.result as Uint8Array[] });
          valuesRequest.onerror = () => reject(valuesRequest.error);
        } catch (error) {
          reject(error);
        }
      },
    );
    this.readBackKey = keys.at(-1) ?? this.readBackKey;
    for (const update of updates) this.storedClocks.add(Y.parseUpdateMeta(update));
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(this.doc))) {
      if (this.storedClocks.upTo(client) < clock) return false;
    }
    return true;
  }

  /** Writes the whole document into IndexedDB again as one update (after a write was lost). */
  async storeAgain(): Promise<void> {
    if (this.persistence) await storeState(this.persistence, true);
  }

  /** Takes in what other tabs stored since this tab last read IndexedDB (a message of theirs may come later). */
  async catchUp(): Promise<void> {
    if (this.persistence?.db) await fetchUpdates(this.persistence);
  }

  /** Stops storing and relaying (the document stays readable). */
  destroy(): void {
    this.doc.off('update', this.relay);
    this.channel?.close();
    void this.persistence?.destroy();
  }

  private readonly relay = (update: Uint8Array, origin: unknown) => {
    // What came from another tab is theirs to relay; what IndexedDB held every tab reads for itself.
    if (origin === FROM_OTHER_TAB || origin === this.persistence) return;
    this.channel?.postMessage(update);
  };
}

/** A local document in memory only (a page without IndexedDB, a test): nothing is stored, nothing relayed. */
export function memoryLocalDocument(name: string): LocalDocument {
  return new BrowserLocalDocument(name, { persist: false, relay: false });
}
