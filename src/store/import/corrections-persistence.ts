import * as Y from 'yjs';
import { correctedIds, writeOldCorrections } from '../../domain/corrections/corrections-document.ts';
import type { Resource } from '../../domain/model/resource.ts';
import {
  EMPTY_LEDGER,
  ledgerWithStoredEdits,
  ledgerWithUnsavedEdits,
  reconcileEdits,
  type SaveLedger,
} from '../../domain/model/save-ledger.ts';
import { noteMigrated, wasMigrated } from '../../domain/shared-map/migrated-stores.ts';
import { initSharedDoc, LOCAL_DOCUMENTS } from '../../domain/shared-map/schema.ts';
import type { ImportKeeper } from '../../services/import/idb-import-storage.ts';
import { IMPORT_DATABASE } from '../../services/import/import-database.ts';
import type { SaveEnvironment } from '../../services/import/save-environment.ts';
import { BrowserLocalDocument, type LocalDocument } from '../../services/local-docs/local-document.ts';
import { withBrowserLock } from '../../services/local-docs/local-storage-names.ts';
import { useAppStore } from '../app-store.ts';
import { oneCheckAtATime } from '../one-check-at-a-time.ts';
import { openCorrectionsDocument, refreshCorrections } from './corrections-actions.ts';
import type { ImportStorageStatus } from './import-slice.ts';

/** Where the office's corrections are kept in a browser: their local document, and the store they were kept in before. */
export interface CorrectionsStorage {
  /** The stored corrections document (IndexedDB, relayed between tabs). */
  openDocument(): LocalDocument;
  /** The corrections an older version kept in the imports' database (by record id). */
  readOldCorrections(): Promise<Record<string, Resource>>;
  deleteOldCorrections(): Promise<void>;
}

/** The browser's storage for corrections: y-indexeddb and a BroadcastChannel, and the imports' IndexedDB. */
export function browserCorrectionsStorage(keeper: ImportKeeper): CorrectionsStorage {
  return {
    openDocument: () => new BrowserLocalDocument(LOCAL_DOCUMENTS.corrections, { persist: true, relay: true }),
    readOldCorrections: () => keeper.readOldCorrections(),
    deleteOldCorrections: () => keeper.deleteOldCorrections(),
  };
}

/**
 * The origin of what the page writes to set the document up (its schema, the one-time move from the old store):
 * no correction of this tab's, so neither undoable nor counted as unwritten corrections.
 */
const SETUP = Symbol('setup');

/** The revision of a write of corrections: one more than the last, never below the clock (it grows across a clearing). */
export function nextRevision(previous: number): number {
  return Math.max(previous + 1, Date.now());
}

/**
 * Opens the corrections' stored document and keeps the store on it: what IndexedDB holds is shown once loaded,
 * another tab's corrections arrive as they are made, and every change is read back from IndexedDB before the
 * page says saved. The save ledger learns how many corrections storage held after each confirmed write (and its
 * revision), and how many this tab holds unwritten, so that the next start says what was lost. The first time,
 * the corrections an older version kept in the imports' database move into the document (one tab, under a lock).
 * When the browser deletes the database under the page (site data cleared), the page says so and writes nothing
 * until the person chooses to save again. Returns a stopper.
 */
export function connectCorrectionsStorage(storage: CorrectionsStorage, env: SaveEnvironment): () => void {
  let stopped = false;
  const local = storage.openDocument();
  const state = useAppStore.getState;
  const setStatus = (status: ImportStorageStatus) => {
    if (!stopped && state().correctionsStorage !== status) state().setCorrectionsStorage(status);
  };
  const updateLedger = (change: (ledger: SaveLedger) => SaveLedger) => {
    const before = env.ledger.read() ?? EMPTY_LEDGER;
    const after = change(before);
    if (after !== before) env.ledger.write(after);
  };
  setStatus('loading');

  /** This tab's own changes (one per correction, undo or redo) since storage was last read back to hold them. */
  let unconfirmed = 0;
  /**
   * Where those changes end, by Yjs client (the page's, and the document in memory's that went into it): the
   * clock after the last of them. Null once one of them added nothing to a clock (it only deleted): the clocks
   * cannot tell whether storage holds it.
   */
  let unconfirmedClocks: Map<number, number> | null = new Map();
  const withUnconfirmed = (ledger: SaveLedger) => {
    const clocks = unconfirmedClocks && [...unconfirmedClocks].map(([client, clock]) => ({ client, clock }));
    return ledgerWithUnsavedEdits(ledger, env.tab, unconfirmed, clocks);
  };
  /** Storage was deleted under the page: nothing is written until the person says "save again". */
  let cleared = false;
  let persistenceAsked = false;

  /** Reads storage back after changes, one check at a time; the last check's answer is the status. */
  const checks = oneCheckAtATime(
    async (isLast) => {
      setStatus('saving');
      const confirming = unconfirmed;
      let stored = false;
      try {
        stored = await local.confirmStored();
        if (!stored && !cleared) {
          await local.storeAgain();
          stored = await local.confirmStored();
        }
        if (stored && !cleared) {
          const revision = nextRevision(await local.readRevision());
          await local.writeRevision(revision);
          updateLedger((l) => ledgerWithStoredEdits(l, correctedIds(local.doc).length, revision));
        }
      } catch {
        stored = false;
      }
      if (cleared) return;
      if (stored) {
        unconfirmed -= confirming;
        updateLedger(withUnconfirmed);
        if (!persistenceAsked) {
          persistenceAsked = true;
          void env.persist().then((persistent) => {
            if (!stopped) state().setStoragePersistent(persistent);
          });
        }
      }
      if (isLast()) setStatus(stored ? 'saved' : 'failed');
    },
    () => cleared || stopped,
  );
  const confirm = checks.request;

  let loaded = false;
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (stopped) return;
    // This tab's own corrections are its to report as unwritten (from the first, made while storage loads), and
    // so are its undos and redos (their origin is the tab's undo manager, which tracks only its own); another
    // tab's are that tab's.
    if (origin === local.origin || origin instanceof Y.UndoManager) {
      if (unconfirmed === 0) unconfirmedClocks = new Map();
      const { to } = Y.parseUpdateMeta(update);
      if (to.size === 0) unconfirmedClocks = null;
      for (const [client, clock] of to)
        unconfirmedClocks?.set(client, Math.max(clock, unconfirmedClocks.get(client) ?? 0));
      unconfirmed++;
      updateLedger(withUnconfirmed);
    }
    if (loaded) void confirm();
  };
  local.doc.on('update', onUpdate);

  const stopProblems = local.onStorageProblem((problem) => {
    if (problem === 'closed') {
      cleared = true;
      setStatus('unsaved');
      state().setStorageCleared(true);
    } else {
      // A write that did not commit, or a database the browser would not open (corrections go on in memory).
      setStatus('failed');
    }
  });

  const unsubscribe = useAppStore.subscribe((s, previous) => {
    if (s.manifest !== previous.manifest || s.townships !== previous.townships) refreshCorrections();
    if (s.saveAgainRequests !== previous.saveAgainRequests) void saveAgain();
  });

  /** The person chose to save again: after a clearing, the document goes into a new database whole. */
  const saveAgain = async () => {
    if (cleared) {
      try {
        await local.reopen();
        cleared = false;
      } catch {
        setStatus('failed');
        return;
      }
    }
    await confirm();
  };

  /**
   * What a previous visit lost, from the ledger against what the document holds. Only when storage can be read:
   * otherwise the ledger is left as it is, for a start that can.
   */
  const reconcile = async () => {
    let revision: number;
    try {
      revision = await local.readRevision();
    } catch {
      return;
    }
    const { ledger } = reconcileEdits(
      env.ledger.read(),
      {
        editCount: correctedIds(local.doc).length,
        revision,
        // Loaded from storage: a tab that is gone reaches this document only through it.
        clocks: Y.decodeStateVector(Y.encodeStateVector(local.doc)),
      },
      await env.liveTabs(),
    );
    // This tab's own corrections made while storage loaded are its own, still unwritten.
    env.ledger.write(withUnconfirmed(ledger));
    if (ledger.notice.length > 0 && !stopped) state().setSaveLosses(ledger.notice);
  };

  void (async () => {
    try {
      // A load that failed (a full disk refused its first write) may still have read what was stored: the
      // document goes on, and the read-back below says whether it is kept.
      await local.whenLoaded.catch(() => undefined);
      if (stopped) return;
      local.doc.transact(() => initSharedDoc(local.doc, 'local'), SETUP);
      await withBrowserLock('corrections-migration', async () => {
        // Another tab may have moved the old store a moment ago: what it stored is read first.
        await local.catchUp();
        if (stopped || wasMigrated(local.doc, IMPORT_DATABASE)) return;
        const old = await storage.readOldCorrections();
        const moved = Object.keys(old).length > 0;
        const doc = local.doc;
        doc.transact(() => {
          if (moved) writeOldCorrections(doc, old, { org: '', name: '', at: new Date().toISOString() });
          noteMigrated(doc, IMPORT_DATABASE);
        }, SETUP);
        // The old entries go only once the document holding them is read back from IndexedDB.
        if (moved && (await local.confirmStored())) await storage.deleteOldCorrections();
      });
      if (stopped) return;
      // Reconciled with what storage holds, before this tab's own corrections made while it loaded go in.
      await reconcile();
    } catch {
      // The move from the old store or the reconciliation could not read storage: the read-back below says so.
    }
    if (stopped) return;
    // Corrections made while storage loaded (in a document in memory) go in now, as this tab's own: counted as
    // unwritten until read back.
    openCorrectionsDocument(local);
    loaded = true;
    await confirm();
  })();

  return () => {
    stopped = true;
    unsubscribe();
    stopProblems();
    local.doc.off('update', onUpdate);
    local.destroy();
  };
}
