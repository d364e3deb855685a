import type {
  afterUnloadDocumentPayload,
  beforeUnloadDocumentPayload,
  Extension,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { docHoldsUpdate } from './doc-holds-update.ts';
import type { Replacement, SyncStore } from './sqlite-store.ts';

/**
 * A document's full state is written once its log reaches a quarter of the full state's size. Measured on a
 * 100,000-record county document (92 MB encoded; a correction logs ≈ 440 bytes) on this 2-core machine under
 * load: encoding the whole document takes 4.3–13 s of the one Node thread (≈ 50–140 ns per state byte), applying
 * its full state at load 19.5 s (≈ 220 ns per byte), applying 2,000 logged corrections (0.9 MB) 0.26 s (≈ 290 ns
 * per log byte). With the log at most a quarter of the state, a load takes at most about a third longer than from
 * a fresh full state, and a full write comes once per ≈ 50,000 corrections to such a document rather than at
 * every debounced store (2–10 s after a change). Writing sooner would cost more main-thread time than the log
 * it saves at the next load, so the same share holds when the document leaves memory.
 */
export const LOG_SHARE_OF_STATE = 1 / 4;

/**
 * A full state up to this size is also written whenever its document leaves memory with a log (its last
 * connection closed, the server stopping): encoding it takes at most ≈ 50–140 ms, and a document at rest is then
 * one full state. A workshop's or a member's document is a few kB to a few hundred kB.
 */
export const SMALL_STATE_BYTES = 1024 * 1024;

/** Options of the persistence extension. */
export interface PersistenceOptions {
  readonly store: SyncStore;
  readonly log: (event: Record<string, unknown>) => void;
}

/**
 * Documents in SQLite, as a full state plus a log, through Hocuspocus's hooks:
 * - every acknowledged update is already in the log (the access extension logs a client's before it is applied,
 *   the server's own changes are logged in onChange), so a store never has to save a change in time;
 * - onLoadDocument applies the full state and then each logged update, all read in one transaction;
 * - onStoreDocument (Hocuspocus's debounced store: 2 s after a change, at most 10 s) writes a full state only
 *   when the log has grown to LOG_SHARE_OF_STATE of it — the debounce stays Hocuspocus's;
 * - beforeUnloadDocument (the last connection closed, or the server shuts down) writes it under the same rule, and
 *   whenever a log is left for a full state of at most SMALL_STATE_BYTES: a big document's small log stays, applied
 *   at its next load (one correction to a 100,000-record document written at shutdown held the server 13 s).
 * `@hocuspocus/extension-database` would encode the whole document on the main thread at every debounced store
 * (2–10 s for a county of 100,000 records, every client of every document stalled meanwhile) and loads from one
 * merged update (merging a 88 MB state with its log took as long as applying it); hence this extension instead.
 *
 * Several processes may hold the same document (scale-out through Redis). A full state is written from this
 * process's copy, which holds the full state it loaded or last wrote (its generation); replaceState writes only
 * while that is still the stored one, and drops only the log entries the copy holds (an update logged by another
 * process, still on its way through Redis, stays in the log). A process whose generation is stale leaves the
 * full state to the process that wrote it, and its document's log grows until it loads the document anew.
 */
export class DocumentPersistence implements Extension {
  extensionName = 'community-resource-map-persistence';
  /** Per open document, the generation of the full state this process's copy holds. */
  private readonly generations = new Map<string, number>();

  constructor(private readonly options: PersistenceOptions) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
    const stored = this.options.store.readDocument(documentName);
    document.transact(() => {
      if (stored.state) Y.applyUpdate(document, stored.state);
      for (const update of stored.log) Y.applyUpdate(document, update);
    });
    this.generations.set(documentName, stored.generation);
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload) {
    const size = this.options.store.logSize(documentName);
    if (size.rows === 0 || size.bytes < size.stateBytes * LOG_SHARE_OF_STATE) return;
    this.writeFullState(document, documentName, 'log-size');
  }

  async beforeUnloadDocument({ document, documentName }: beforeUnloadDocumentPayload) {
    const size = this.options.store.logSize(documentName);
    if (size.rows === 0) return;
    if (size.stateBytes <= SMALL_STATE_BYTES || size.bytes >= size.stateBytes * LOG_SHARE_OF_STATE)
      this.writeFullState(document, documentName, 'unload');
  }

  async afterUnloadDocument({ documentName, instance }: afterUnloadDocumentPayload) {
    // Loaded again meanwhile (a fast reconnect): that load set the generation.
    if (!instance.documents.has(documentName) && !instance.loadingDocuments.has(documentName))
      this.generations.delete(documentName);
  }

  /** Writes the document's full state (when its copy holds the stored one) and drops the log entries it holds. */
  private writeFullState(document: Y.Doc, name: string, reason: 'log-size' | 'unload'): void {
    const { store, log } = this.options;
    const generation = this.generations.get(name);
    // A document whose load failed was never filled from the store: its empty copy must not be written.
    if (generation === undefined) return;
    if (store.logSize(name).generation !== generation) {
      log({ event: 'full-state-left', document: name, reason, why: 'written-by-another-process' });
      return;
    }
    const started = performance.now();
    const state = Y.encodeStateAsUpdate(document);
    let result: Replacement;
    try {
      result = store.replaceState(name, state, generation, docHoldsUpdate(document));
    } catch (error) {
      // The log still holds everything (a busy or full disk, say): the next store or load tries again.
      log({ event: 'full-state-failed', document: name, reason, message: (error as Error).message });
      return;
    }
    const ms = Math.round(performance.now() - started);
    if (!result.replaced) {
      log({ event: 'full-state-left', document: name, reason, why: 'written-by-another-process', ms });
      return;
    }
    this.generations.set(name, result.generation);
    log({
      event: 'full-state-written',
      document: name,
      reason,
      bytes: state.length,
      logDropped: result.dropped,
      logKept: result.kept,
      ms,
    });
  }
}
