import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { BuildContext } from '../../domain/loading/build-resource.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { readCountyIndex } from '../../domain/shared-map/county-index.ts';
import { markDefaultData, readDefaultDataMark } from '../../domain/shared-map/default-data-mark.ts';
import { createOwnUndo, undoOwnChange } from '../../domain/shared-map/own-undo.ts';
import { addProposal, decideProposal, readProposals } from '../../domain/shared-map/proposals.ts';
import { readRecords } from '../../domain/shared-map/read-records.ts';
import { readRecordChanges, touchedRecordIds } from '../../domain/shared-map/record-changes.ts';
import {
  deleteRecord,
  type HistoryEntry,
  recordHistory,
  restoreVersion,
  writeRecord,
} from '../../domain/shared-map/record-history.ts';
import { type ChangeStamp, parseDocName, ROOTS } from '../../domain/shared-map/schema.ts';
import { checkUpdateDatabase } from '../local-docs/update-store.ts';
import type { DocConnection, DocStatus, SharedMapListener, SharedRefusal } from './shared-map-protocol.ts';
import { forgetLocalCopies, storageKey } from './shared-map-storage.ts';

export interface SharedMapDocsOptions {
  readonly wsUrl: string;
  readonly token: string;
  /** The validation context records are read with (the app's categories, tags and gazetteer). */
  readonly context: (document: string) => BuildContext;
  readonly listener: SharedMapListener;
  /** Keep each document in IndexedDB. */
  readonly persist: boolean;
  /** Everything is closed (and the local copies deleted when asked), whoever stopped it. */
  readonly onStopped: () => void;
}

/**
 * Records per transaction when many are written at once (see uploadDefaultData): a record and its history entry are about
 * 1 kB on the wire, so 500 make a message of about half a megabyte, far below the server's 16 MB limit.
 */
const RECORDS_PER_MESSAGE = 500;

/** Above this many changed records in one transaction, the document is read whole (one index build). */
const MOST_SINGLE_CHANGES = 64;

interface OpenDoc {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** The local copy: null until its database is checked (see keepLocally), and for good where it cannot be kept. */
  persistence: IndexeddbPersistence | null;
  status: DocStatus;
  /** Takes back this device's own changes only (see createOwnUndo). */
  undo: Y.UndoManager;
}

/**
 * The browser's side of the shared map, run in the shared-map worker (shared-map-worker.ts): the only module that
 * touches HocuspocusProvider and y-indexeddb. Documents share one WebSocket; each is kept in IndexedDB (edits made
 * offline survive a reload and are sent on reconnect); what changes in a document reaches the listener as the
 * records that changed, read through the domain's validation. The token goes in Hocuspocus's auth message only,
 * never in a URL.
 */
export class SharedMapDocs {
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly docs = new Map<string, OpenDoc>();
  /** The documents of this device's own changes, last one last: undo takes back the latest over all documents. */
  private undoOrder: string[] = [];
  private redoOrder: string[] = [];
  private stopped = false;

  constructor(private readonly options: SharedMapDocsOptions) {
    this.socket = new HocuspocusProviderWebsocket({
      url: options.wsUrl,
      delay: 200,
      minDelay: 100,
      maxDelay: 2000,
    });
    this.socket.on('status', ({ status }: { status: string }) => {
      const connection: DocConnection =
        status === 'connected' ? 'online' : status === 'connecting' ? 'connecting' : 'offline';
      for (const name of this.docs.keys()) this.setStatus(name, { connection });
    });
    this.socket.on('close', ({ event }: { event: { code: number; reason: string } }) => {
      const reason = refusalOf(event.reason);
      if (!reason) return;
      for (const name of this.docs.keys()) this.options.listener.refused(name, reason);
      // A revoked link may no longer see these documents: their copies on this device go too.
      if (reason === 'token-revoked') void this.stop(true);
      // The refused update would be sent again on reconnect: forget it (the server's copy is the truth).
      else if (reason === 'invalid-update') for (const name of this.docs.keys()) void this.reset(name);
    });
  }

  /** The network is gone (the page's window says so first): a half-open socket would otherwise linger. */
  offline(): void {
    if (!this.stopped) this.socket.disconnect();
  }

  /** The network is back. */
  online(): void {
    if (!this.stopped) void this.socket.connect();
  }

  /** Opens a document (again: nothing happens). */
  open(document: string): void {
    if (this.stopped || this.docs.has(document)) return;
    const doc = new Y.Doc();
    const connection: DocConnection = this.socket.status === 'connected' ? 'online' : 'connecting';
    const status: DocStatus = { connection, access: null, unsynced: 0, synced: false, notKept: false };
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: document,
      document: doc,
      token: this.options.token,
      onAuthenticated: ({ scope }) =>
        this.setStatus(document, { access: scope === 'read-write' ? 'write' : 'read' }),
      onAuthenticationFailed: ({ reason }) => {
        const refusal = refusalOf(reason) ?? 'refused';
        this.options.listener.refused(document, refusal);
        // The token is no longer valid (revoked while this device was away): forget what it opened.
        if (refusal === 'invalid-token') void this.stop(true);
      },
      onSynced: ({ state }) => {
        if (state) this.setStatus(document, { synced: true });
      },
      onUnsyncedChanges: ({ number }) => this.setStatus(document, { unsynced: number }),
      onStateless: ({ payload }) => this.onStateless(document, payload),
    });
    const kind = parseDocName(document)?.kind ?? 'org';
    // Every change of this device is made with the client as the transaction's origin; a peer's (the provider's,
    // IndexedDB's) never is, so it never reaches the undo stack.
    const undo = createOwnUndo(doc, kind, this);
    undo.on('stack-item-added', () => {
      if (undo.undoing || undo.redoing) return;
      // A new change of one's own: what was undone before can no longer be redone, in any document.
      this.undoOrder.push(document);
      for (const other of this.docs.values()) if (other.undo !== undo) other.undo.clear(false, true);
      this.redoOrder = [];
      this.reportUndo();
    });
    const open: OpenDoc = { doc, provider, persistence: null, status, undo };
    this.docs.set(document, open);
    provider.attach();
    this.observe(document, doc);
    this.options.listener.status(document, status);
    if (this.options.persist) void this.keepLocally(document, open);
  }

  /**
   * Starts the local copy of an open document once its database is known to open (y-indexeddb, given one the
   * browser refuses because sites may not save data, leaves an unhandled rejection and a copy that silently never
   * works). Where it cannot be kept, the document works online only and the page is told (status `notKept`).
   */
  private async keepLocally(document: string, open: OpenDoc): Promise<void> {
    const name = storageKey(document);
    let refused = false;
    try {
      await checkUpdateDatabase(name);
    } catch (error) {
      console.warn('The shared map is not kept on this device:', error);
      refused = true;
    }
    // Closed, reset or stopped meanwhile: that document's copy is no longer this one's to start.
    if (this.stopped || this.docs.get(document) !== open) return;
    if (refused) {
      this.setStatusOf(document, open, { notKept: true });
      return;
    }
    const persistence = new IndexeddbPersistence(name, open.doc);
    open.persistence = persistence;
    void persistence.whenSynced.then(() => this.readAll(document, open.doc));
  }

  /** Writes a record into a document (the server refuses it where this link may only read). */
  write(document: string, resource: Resource, stamp: ChangeStamp): void {
    const open = this.docs.get(document);
    if (open) open.doc.transact(() => writeRecord(open.doc, resource, stamp), this);
  }

  /**
   * The office's upload of today's records into the county's document, RECORDS_PER_MESSAGE per transaction (each
   * transaction is one message, which must stay below the server's largest message); the last one also notes
   * that the document now holds the default data.
   */
  uploadDefaultData(document: string, resources: readonly Resource[], stamp: ChangeStamp): void {
    const open = this.docs.get(document);
    if (!open) return;
    // Not one's own undoable change (no origin): undoing an upload of 100,000 records would be one message of
    // a hundred megabytes; the records are deleted or restored one by one instead.
    let start = 0;
    do {
      const batch = resources.slice(start, start + RECORDS_PER_MESSAGE);
      start += RECORDS_PER_MESSAGE;
      const last = start >= resources.length;
      open.doc.transact(() => {
        for (const resource of batch) writeRecord(open.doc, resource, stamp);
        if (last) markDefaultData(open.doc, stamp, resources.length);
      });
    } while (start < resources.length);
  }

  remove(document: string, id: string, stamp: ChangeStamp): void {
    const open = this.docs.get(document);
    if (open) open.doc.transact(() => deleteRecord(open.doc, id, stamp), this);
  }

  /** A record's versions in a document, oldest first. */
  history(document: string, id: string): HistoryEntry[] {
    const open = this.docs.get(document);
    return open ? recordHistory(open.doc, id) : [];
  }

  /** Puts an older version of a record back (as a new version). */
  restore(document: string, version: HistoryEntry, stamp: ChangeStamp): void {
    const open = this.docs.get(document);
    if (open) open.doc.transact(() => restoreVersion(open.doc, version, stamp), this);
  }

  /** Adds a workshop table's proposal (a participant's link may do nothing else). */
  propose(document: string, resource: Resource, table: string): void {
    const open = this.docs.get(document);
    if (!open) return;
    const id = `p-${crypto.randomUUID()}`;
    open.doc.transact(() => addProposal(open.doc, id, resource, table, new Date().toISOString()), this);
  }

  /** The facilitator's decision on a proposal. */
  decide(document: string, proposalId: string, status: 'approved' | 'rejected'): void {
    const open = this.docs.get(document);
    if (open) open.doc.transact(() => decideProposal(open.doc, proposalId, status), this);
  }

  /** Takes back this device's last own change (in whichever document it was), keeping every peer's change. */
  undo(stamp: ChangeStamp): void {
    this.step(this.undoOrder, this.redoOrder, 'undo', stamp);
  }

  /** Makes the last undone change again. */
  redo(stamp: ChangeStamp): void {
    this.step(this.redoOrder, this.undoOrder, 'redo', stamp);
  }

  private step(from: string[], to: string[], direction: 'undo' | 'redo', stamp: ChangeStamp): void {
    const document = from.pop();
    const open = document === undefined ? undefined : this.docs.get(document);
    if (document === undefined || !open) return;
    undoOwnChange(open.doc, open.undo, direction, stamp);
    to.push(document);
    this.reportUndo();
  }

  private reportUndo(): void {
    this.options.listener.undo({ undo: this.undoOrder.length, redo: this.redoOrder.length });
  }

  /** Forgets the undo steps of a document that is closed or loaded afresh. */
  private forgetUndo(document: string): void {
    this.undoOrder = this.undoOrder.filter((d) => d !== document);
    this.redoOrder = this.redoOrder.filter((d) => d !== document);
    this.reportUndo();
  }

  /** Closes every document and the socket; `forget` also removes the local copies. Says `stopped` when done. */
  async stop(forget: boolean): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const closing: Promise<void>[] = [];
    for (const [name, open] of this.docs) {
      open.undo.destroy();
      open.provider.destroy();
      if (forget) closing.push(this.forgetCopy(name, open));
      else if (open.persistence) closing.push(open.persistence.destroy());
      open.doc.destroy();
      this.setStatusOf(name, open, { connection: 'offline' });
    }
    this.docs.clear();
    this.undoOrder = [];
    this.redoOrder = [];
    this.reportUndo();
    this.socket.destroy();
    await Promise.allSettled(closing);
    this.options.onStopped();
  }

  private onStateless(document: string, payload: string): void {
    let reason: string | null = null;
    try {
      const message = JSON.parse(payload) as { type?: unknown; reason?: unknown } | null;
      if (message?.type === 'refused') reason = String(message.reason);
    } catch {
      return;
    }
    if (reason === null) return;
    this.options.listener.refused(document, refusalOf(reason) ?? 'refused');
    // The server kept its copy; so does every other device: drop the refused change here too.
    void this.reset(document);
  }

  /** Forgets the local copy of a document and loads the server's again. */
  private async reset(document: string): Promise<void> {
    const open = this.docs.get(document);
    if (!open) return;
    this.docs.delete(document);
    open.undo.destroy();
    this.forgetUndo(document);
    open.provider.destroy();
    await this.forgetCopy(document, open);
    open.doc.destroy();
    this.open(document);
  }

  /**
   * Deletes a document's local copy: through y-indexeddb when it was started, else by the database's name (its
   * check may still be under way, and what an earlier visit stored is there all the same).
   */
  private async forgetCopy(document: string, open: OpenDoc): Promise<void> {
    if (open.persistence) return open.persistence.clearData();
    if (!this.options.persist) return;
    // Where the browser refuses sites' data there is nothing to delete: its refusal is no failure here.
    await forgetLocalCopies([document]).catch((error: unknown) =>
      console.warn('The local copy could not be deleted:', error),
    );
  }

  private observe(document: string, doc: Y.Doc): void {
    const kind = parseDocName(document)?.kind;
    if (kind === 'index') {
      const read = () => this.options.listener.index(document, readCountyIndex(doc));
      doc.on('update', read);
      return;
    }
    if (kind === 'workshop') {
      const read = () =>
        this.options.listener.proposals(document, readProposals(doc, this.options.context(document)));
      doc.getMap(ROOTS.proposals).observeDeep(read);
      doc.once('update', read);
    }
    if (kind === 'county') {
      const meta = doc.getMap(ROOTS.meta);
      const readMark = () => this.options.listener.defaultData(document, readDefaultDataMark(doc));
      meta.observe(readMark);
      doc.once('update', readMark);
    }
    let first = true;
    doc.getMap(ROOTS.records).observeDeep((events) => {
      const ids = touchedRecordIds(events);
      if (first || ids.size > MOST_SINGLE_CHANGES) {
        first = false;
        this.readAll(document, doc);
        return;
      }
      this.options.listener.records(document, readRecordChanges(doc, ids, this.options.context(document)));
    });
    // A document that is empty on the server and here still answers once synced: with no records.
    doc.once('update', () => {
      if (first) {
        first = false;
        this.readAll(document, doc);
      }
    });
  }

  private readAll(document: string, doc: Y.Doc): void {
    if (this.docs.get(document)?.doc !== doc) return;
    this.options.listener.records(document, {
      all: readRecords(doc, this.options.context(document)).resources,
    });
  }

  private setStatus(document: string, patch: Partial<DocStatus>): void {
    const open = this.docs.get(document);
    if (open) this.setStatusOf(document, open, patch);
  }

  private setStatusOf(document: string, open: OpenDoc, patch: Partial<DocStatus>): void {
    open.status = { ...open.status, ...patch };
    this.options.listener.status(document, open.status);
  }
}

/** A close or refusal reason from the server, as one of ours (null for an ordinary close). */
function refusalOf(reason: string): SharedRefusal | null {
  if (reason === '') return null;
  if (reason.startsWith('invalid-update')) return 'invalid-update';
  const known: readonly SharedRefusal[] = [
    'read-only',
    'token-revoked',
    'invalid-token',
    'forbidden',
    'unknown-document',
    'rate-limited',
  ];
  return (known as readonly string[]).includes(reason) ? (reason as SharedRefusal) : null;
}
