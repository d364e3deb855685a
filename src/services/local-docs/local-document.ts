import { fetchUpdates, IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { localStorageName } from './local-storage-names.ts';
import { StoredClocks } from './stored-clocks.ts';
import {
  addUpdate,
  COMPACT_AT,
  checkUpdateDatabase,
  compactUpdates,
  readStoredRevision,
  readUpdatesAfter,
  revisionOf,
  writeStoredRevision,
} from './update-store.ts';

export interface LocalDocumentOptions {
  /** Keep the document in IndexedDB (off where there is none, e.g. in jsdom and Node). */
  readonly persist: boolean;
  /** Relay every change to the other tabs of this browser, and theirs to this one (BroadcastChannel). */
  readonly relay: boolean;
}

/**
 * What can go wrong with a local document's storage: the database cannot be opened at all ('unavailable': the
 * browser refuses sites' data, or a database of that name is not a local document's; the document works in memory
 * and nothing is stored), a write (or a compaction) did not commit ('write-failed': a full disk…), or the browser
 * deleted the database under the page ('closed': site data cleared; nothing is written until `reopen`).
 */
export type StorageProblem = 'unavailable' | 'write-failed' | 'closed';

/**
 * A document of the shared map's model kept in this browser only (see schema.ts, local documents): what the store
 * needs of it, whoever keeps it (IndexedDB here; tests keep one in memory).
 */
export interface LocalDocument {
  readonly name: string;
  readonly doc: Y.Doc;
  /** The origin of this tab's own changes (the undo manager tracks it). */
  readonly origin: object;
  /** Resolves once what storage held is in the document; rejects when storage could not be opened or loaded. */
  readonly whenLoaded: Promise<void>;
  /** Makes a change of this tab's own (one undo step, one update to store and relay). */
  transact(change: (doc: Y.Doc) => void): void;
  /** Reads storage back: whether it holds every change the document has (false once closed). */
  confirmStored(): Promise<boolean>;
  /** Writes the whole document into storage again (after a write was lost). */
  storeAgain(): Promise<void>;
  /** Takes in what other tabs stored since this tab last read storage. */
  catchUp(): Promise<void>;
  /** Tells `listener` of every storage problem from now on; returns what stops telling it. */
  onStorageProblem(listener: (problem: StorageProblem) => void): () => void;
  /**
   * Opens storage anew (after 'closed': the person chose to save again) and stores the whole document there;
   * resolves once read back, rejects when it could not be stored.
   */
  reopen(): Promise<void>;
  /** The number kept beside the document under 'revision' (0 when none); rejects when it cannot be read. */
  readRevision(): Promise<number>;
  /** Keeps a number beside the document under 'revision'; resolves once committed, rejects if not. */
  writeRevision(revision: number): Promise<void>;
  /** Stops storing and relaying (the document stays readable). */
  destroy(): void;
}

/** The origin of updates that came from another tab. */
const FROM_OTHER_TAB = Symbol('from another tab');

/** How long a burst of changes is left alone before the stored updates are compacted (y-indexeddb's delay). */
const COMPACTION_DELAY_MS = 1000;

/**
 * A document of the shared map's model that never leaves the browser: kept in IndexedDB and relayed between the
 * tabs of this browser as Yjs updates (Yjs merges them; the channel carries nothing else). y-indexeddb opens the
 * database and loads it, once this class has checked that it can (checkUpdateDatabase); the writes are this class's own (update-store.ts), because y-indexeddb's neither report
 * a failure (a full disk is an unhandled rejection) nor survive a database deleted under the page (its next write
 * throws inside the page's `transact`). The page writes with `transact`, whose origin (`origin`) the undo manager
 * tracks; a change from IndexedDB or another tab has another origin and is never undone here.
 */
export class BrowserLocalDocument implements LocalDocument {
  readonly doc = new Y.Doc();
  /** The origin of this tab's own changes. */
  readonly origin = { localDocument: this };
  /**
   * Resolves once what IndexedDB held is in the document (at once without IndexedDB); rejects when the database
   * cannot be opened ('unavailable' is told) or loaded.
   */
  readonly whenLoaded: Promise<void>;
  private readonly storage: string;
  /** The open database's y-indexeddb (a new one after `reopen`); null without IndexedDB, or when it cannot open. */
  private persistence: IndexeddbPersistence | null = null;
  /** Resolves once `persistence` has loaded; rejects when its opening or loading failed. */
  private loaded: Promise<void> = Promise.resolve();
  /** The browser closed the database (deleted it): nothing is written until `reopen`. */
  private closed = false;
  private destroyed = false;
  private readonly channel: BroadcastChannel | null;
  private readonly listeners = new Set<(problem: StorageProblem) => void>();
  /** Updates written since the database was loaded or last compacted. */
  private sinceCompaction = 0;
  private compactionTimer: ReturnType<typeof setTimeout> | null = null;
  private reopening: Promise<void> | null = null;
  /** The last key of IndexedDB's updates read back (null: none yet): each check reads only what came after. */
  private readBackKey: IDBValidKey | null = null;
  /** The clocks of the updates read back, by client. */
  private storedClocks = new StoredClocks();

  constructor(
    readonly name: string,
    private readonly options: LocalDocumentOptions,
  ) {
    this.storage = localStorageName(name);
    if (options.persist) this.loaded = this.open();
    this.whenLoaded = this.loaded;
    this.doc.on('update', this.store);
    this.channel =
      options.relay && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(this.storage) : null;
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
   * covers the document's): this is how "saved" is known. Reading after the writes waits for them, as IndexedDB
   * runs transactions on one store in the order they were made. False without IndexedDB, when the database cannot
   * be opened (nothing is kept) and once it is closed.
   */
  async confirmStored(): Promise<boolean> {
    if (!this.options.persist) return false;
    try {
      await this.loaded;
    } catch (error) {
      if (!this.persistence) return false;
      throw error;
    }
    const persistence = this.persistence;
    const db = persistence?.db;
    if (this.closed || !persistence || !db) return false;
    let read: Awaited<ReturnType<typeof readUpdatesAfter>>;
    try {
      read = await readUpdatesAfter(db, this.readBackKey);
    } catch (error) {
      if (this.closed) return false;
      throw error;
    }
    // Reopened meanwhile: what was read belongs to the deleted database.
    if (persistence !== this.persistence) return false;
    const { keys, updates } = read;
    this.readBackKey = keys.at(-1) ?? this.readBackKey;
    for (const update of updates) this.storedClocks.add(Y.parseUpdateMeta(update));
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(this.doc))) {
      if (this.storedClocks.upTo(client) < clock) return false;
    }
    return true;
  }

  /**
   * Writes the whole document into IndexedDB again as one update, replacing the stored ones (after a write was
   * lost). A failed write is reported to the listeners and read back as not stored; nothing is written once closed.
   */
  async storeAgain(): Promise<void> {
    if (!this.options.persist) return;
    await this.loaded;
    await this.compact(true);
  }

  /** Takes in what other tabs stored since this tab last read IndexedDB (a message of theirs may come later). */
  async catchUp(): Promise<void> {
    if (this.persistence?.db && !this.closed) await fetchUpdates(this.persistence);
  }

  onStorageProblem(listener: (problem: StorageProblem) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reopen(): Promise<void> {
    if (!this.options.persist || this.destroyed) return Promise.resolve();
    this.reopening ??= this.openAgain().finally(() => {
      this.reopening = null;
    });
    return this.reopening;
  }

  async readRevision(): Promise<number> {
    if (!this.options.persist) return 0;
    return readStoredRevision(await this.openDatabase());
  }

  async writeRevision(revision: number): Promise<void> {
    revisionOf(revision);
    if (!this.options.persist) return;
    const outcome = await writeStoredRevision(await this.openDatabase(), revision);
    if (outcome !== 'committed') throw new Error(`The revision of ${this.name} was not stored (${outcome})`);
  }

  /** Stops storing and relaying (the document stays readable). */
  destroy(): void {
    this.destroyed = true;
    this.stopCompaction();
    this.doc.off('update', this.store);
    this.doc.off('update', this.relay);
    this.channel?.close();
    void this.persistence?.destroy().catch(() => undefined);
  }

  /**
   * Checks that the database can be opened (else 'unavailable' is told and the load rejects), then opens it with
   * y-indexeddb, which loads it (writing the whole document first, then applying what was stored) and would store
   * each update: its writer is replaced by `store`. Watches the connection: a transaction that writes and aborts is
   * a failed write, a `close` event the browser deleting the database.
   */
  private open(): Promise<void> {
    this.persistence = null;
    const loaded = checkUpdateDatabase(this.storage).then(
      () => (this.destroyed ? undefined : this.load()),
      (error: unknown) => {
        if (!this.destroyed) this.tell('unavailable');
        throw error;
      },
    );
    // Whoever needs the load awaits it; a failure nobody awaited is no unhandled rejection.
    loaded.catch(() => undefined);
    return loaded;
  }

  /** y-indexeddb on the database checked: resolves once it has loaded, rejects when a write of the load aborts. */
  private load(): Promise<void> {
    const persistence = new IndexeddbPersistence(this.storage, this.doc);
    this.doc.off('update', persistence._storeUpdate);
    this.persistence = persistence;
    this.closed = false;
    this.sinceCompaction = 0;
    return new Promise<void>((resolve, reject) => {
      persistence._db.then((db) => {
        db.addEventListener('abort', (event) => {
          if ((event.target as IDBTransaction | null)?.mode === 'readonly') return;
          if (!persistence.synced) reject(new Error(`Loading ${this.name} from IndexedDB failed`));
          this.reportWriteFailure(persistence);
        });
        db.addEventListener('close', () => {
          reject(new Error(`IndexedDB closed ${this.name}`));
          if (persistence !== this.persistence || this.destroyed) return;
          this.closed = true;
          this.stopCompaction();
          this.tell('closed');
        });
      }, reject);
      void persistence.whenSynced.then(() => {
        this.sinceCompaction = persistence._dbsize;
        resolve();
      });
    });
  }

  /** A new connection to the database of the same name, the whole document stored there and read back. */
  private async openAgain(): Promise<void> {
    this.stopCompaction();
    void this.persistence?.destroy().catch(() => undefined);
    // The database is a new one: nothing of it is read back yet.
    this.readBackKey = null;
    this.storedClocks = new StoredClocks();
    this.loaded = this.open();
    await this.loaded;
    if (await this.confirmStored()) return;
    await this.storeAgain();
    if (!(await this.confirmStored())) throw new Error(`${this.name} could not be stored again`);
  }

  /** The loaded database's connection; rejects once closed. */
  private async openDatabase(): Promise<IDBDatabase> {
    await this.loaded;
    const db = this.persistence?.db;
    if (this.closed || !db) throw new Error(`The IndexedDB database of ${this.name} is closed`);
    return db;
  }

  /** Writes each update of this document to IndexedDB, except what IndexedDB itself held. */
  private readonly store = (update: Uint8Array, origin: unknown) => {
    const persistence = this.persistence;
    // Before the database opens, its loading writes the whole document first.
    const db = persistence?.db;
    if (!persistence || !db || origin === persistence || this.closed || this.destroyed) return;
    void addUpdate(db, update).then((outcome) => {
      if (outcome === 'not-started') this.reportWriteFailure(persistence);
    });
    this.sinceCompaction += 1;
    if (this.sinceCompaction >= COMPACT_AT) {
      this.stopCompaction();
      this.compactionTimer = setTimeout(() => {
        this.compactionTimer = null;
        void this.compact(false);
      }, COMPACTION_DELAY_MS);
    }
  };

  /** Replaces the stored updates by the whole document when due (or `force`d), in one transaction. */
  private async compact(force: boolean): Promise<void> {
    const persistence = this.persistence;
    const db = persistence?.db;
    if (!persistence || !db || this.closed || this.destroyed) return;
    const outcome = await compactUpdates(db, this.doc, persistence, force);
    if (outcome === 'committed') this.sinceCompaction = 1;
    else if (outcome === 'not-started') this.reportWriteFailure(persistence);
  }

  private stopCompaction(): void {
    if (this.compactionTimer !== null) clearTimeout(this.compactionTimer);
    this.compactionTimer = null;
  }

  /**
   * Tells the listeners that a write failed, a moment later: a database deleted under the page aborts its
   * transactions just before its `close` event, and that is 'closed', not a failed write.
   */
  private reportWriteFailure(persistence: IndexeddbPersistence): void {
    setTimeout(() => {
      if (persistence === this.persistence && !this.closed && !this.destroyed) this.tell('write-failed');
    }, 0);
  }

  private tell(problem: StorageProblem): void {
    for (const listener of [...this.listeners]) listener(problem);
  }

  private readonly relay = (update: Uint8Array, origin: unknown) => {
    // What came from another tab is theirs to relay; what IndexedDB held every tab reads for itself.
    if (origin === FROM_OTHER_TAB || origin === this.persistence) return;
    this.channel?.postMessage(update);
  };
}

/**
 * A local document in memory only (a page without IndexedDB, a test): nothing is stored, nothing relayed, no
 * storage problem ever told; its revision reads 0.
 */
export function memoryLocalDocument(name: string): LocalDocument {
  return new BrowserLocalDocument(name, { persist: false, relay: false });
}
