import type { UndoHistory } from '../../domain/model/undo-history.ts';
import { noteMigrated, wasMigrated } from '../../domain/shared-map/migrated-stores.ts';
import { LOCAL_DOCUMENTS } from '../../domain/shared-map/schema.ts';
import type { WorkshopDoc } from '../../domain/workshop/workshop-doc.ts';
import { writeWorkshop } from '../../domain/workshop/workshop-document.ts';
import { BrowserLocalDocument, type LocalDocument } from '../../services/local-docs/local-document.ts';
import {
  localStorageName,
  mayHoldDatabases,
  withBrowserLock,
} from '../../services/local-docs/local-storage-names.ts';
import {
  deleteOldWorkshopStorage,
  readOldWorkshopSnapshot,
} from '../../services/workshop/idb-workshop-storage.ts';
import { useAppStore } from '../app-store.ts';
import { oneCheckAtATime } from '../one-check-at-a-time.ts';
import { openWorkshopDocument, refreshWorkshop } from './workshop-actions.ts';
import { initWorkshopDocument } from './workshop-document.ts';
import type { OpenDraft, WorkshopSession } from './workshop-slice.ts';

/**
 * What the workshop's IndexedDB (`crm-workshop`) held before local documents: the whole undo history, the form
 * and the modes, written on every change. Read once, into the local document (its present) and the session.
 */
export interface WorkshopSnapshotV1 {
  readonly version: 1;
  readonly history: UndoHistory<WorkshopDoc>;
  readonly facilitator: string;
  readonly editing: boolean;
  readonly draft: OpenDraft | null;
  readonly moving: string | null;
}

/** The name under which the old store is noted in the document once moved (see noteMigrated). */
export const OLD_WORKSHOP_STORE = 'crm-workshop';

/** Whether a value is a version-1 snapshot (anything else in the old store is left alone). */
export function isSnapshotV1(value: unknown): value is WorkshopSnapshotV1 {
  const v = value as Partial<WorkshopSnapshotV1> | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.version === 1 &&
    typeof v.history === 'object' &&
    Array.isArray(v.history?.present?.additions) &&
    typeof v.history?.present?.edits === 'object' &&
    Array.isArray(v.history?.present?.deletions) &&
    Array.isArray(v.history?.past) &&
    Array.isArray(v.history?.future)
  );
}

/** Where a workshop is kept in a browser: its local document, the old store to move from, the tab's session. */
export interface WorkshopStorage {
  /** The stored workshop document (IndexedDB, relayed between tabs). */
  openDocument(): LocalDocument;
  /** Whether this browser may already keep a workshop (the document, or the old store). */
  mayHoldWorkshop(): Promise<boolean>;
  readOldSnapshot(): Promise<unknown>;
  deleteOldSnapshot(): Promise<void>;
  readSession(): unknown;
  writeSession(session: WorkshopSession): void;
}

const SESSION_KEY = 'crm-workshop-session';

/** The browser's storage for a workshop: y-indexeddb and a BroadcastChannel, the old IndexedDB, localStorage. */
export function browserWorkshopStorage(): WorkshopStorage | null {
  if (typeof indexedDB === 'undefined') return null;
  return {
    openDocument: () => new BrowserLocalDocument(LOCAL_DOCUMENTS.workshop, { persist: true, relay: true }),
    mayHoldWorkshop: () => mayHoldDatabases([localStorageName(LOCAL_DOCUMENTS.workshop), OLD_WORKSHOP_STORE]),
    readOldSnapshot: readOldWorkshopSnapshot,
    deleteOldSnapshot: deleteOldWorkshopStorage,
    readSession: () => {
      try {
        return JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null');
      } catch {
        return null;
      }
    },
    writeSession: (session) => {
      try {
        localStorage.setItem(SESSION_KEY, JSON.stringify({ version: 1, ...session }));
      } catch {
        // Full or disabled: the form and the name are a convenience; the workshop itself is in its document.
      }
    },
  };
}

/** A session as stored (version 1), or null. */
export function readSession(value: unknown): WorkshopSession | null {
  const v = value as (Partial<WorkshopSession> & { version?: unknown }) | null;
  if (typeof v !== 'object' || v === null || v.version !== 1) return null;
  return {
    facilitator: typeof v.facilitator === 'string' ? v.facilitator : '',
    editing: v.editing === true,
    draft: typeof v.draft === 'object' && v.draft !== null ? v.draft : null,
    moving: typeof v.moving === 'string' ? v.moving : null,
  };
}

/** The origin of the one-time move from the old store: not a change of the person's, so not undoable. */
const MIGRATION = Symbol('migration');

/**
 * Opens the workshop's stored document and keeps the store on it: what IndexedDB holds is shown once loaded,
 * another tab's changes arrive as they are made, and every change is read back from IndexedDB before the panel
 * says saved. The first time, the old store's snapshot is moved into the document (one tab does it, under a lock).
 * The form, the facilitator's name and the modes are the tab's session, in localStorage. Returns a stopper.
 */
export function connectWorkshopStorage(storage: WorkshopStorage): () => void {
  let stopped = false;
  const local = storage.openDocument();
  const state = useAppStore.getState;
  const setStatus = (status: Parameters<ReturnType<typeof state>['setWorkshopStorage']>[0]) => {
    if (!stopped) state().setWorkshopStorage(status);
  };
  setStatus('loading');
  const session = readSession(storage.readSession());
  if (session) state().restoreWorkshopSession(session);
  openWorkshopDocument(local);

  /** Changes are stored and read back once what IndexedDB held is loaded (and the old store moved). */
  let loaded = false;
  // The browser deleted the database (site data cleared): the panel says failed (export) until the document is
  // stored anew, at the next change or when the page is shown again.
  let closed = false;
  let reopening = false;
  /** Reads storage back after changes, one check at a time; the last check's answer is the status. */
  const checks = oneCheckAtATime(
    async (isLast) => {
      setStatus('saving');
      let stored = false;
      try {
        stored = await local.confirmStored();
        if (!stored) {
          await local.storeAgain();
          stored = await local.confirmStored();
        }
      } catch {
        stored = false;
      }
      if (isLast()) setStatus(stored ? 'saved' : 'failed');
    },
    () => closed || stopped,
  );
  const confirm = checks.request;
  const reopen = async () => {
    if (!closed || reopening || stopped) return;
    reopening = true;
    try {
      await local.reopen();
      closed = false;
    } catch {
      setStatus('failed');
    } finally {
      reopening = false;
    }
    if (!closed) await confirm();
  };
  const stopHearingProblems = local.onStorageProblem((problem) => {
    if (problem === 'closed') {
      closed = true;
      setStatus('failed');
    } else if (!checks.running()) {
      // A write that did not commit (a check under way finds it missing, stores again once, and says so itself),
      // or a database the browser would not open (the workshop goes on in memory; its load fails, see below).
      setStatus('failed');
    }
  });
  const onVisible = () => {
    if (document.visibilityState === 'visible') void reopen();
  };
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);

  const onUpdate = () => {
    if (!loaded) return;
    if (closed) void reopen();
    else void confirm();
  };
  local.doc.on('update', onUpdate);

  const unsubscribe = useAppStore.subscribe((s, previous) => {
    if (s.manifest !== previous.manifest) refreshWorkshop();
    if (
      s.facilitator !== previous.facilitator ||
      s.workshopEditing !== previous.workshopEditing ||
      s.workshopDraft !== previous.workshopDraft ||
      s.workshopMoving !== previous.workshopMoving
    ) {
      storage.writeSession({
        facilitator: s.facilitator,
        editing: s.workshopEditing,
        draft: s.workshopDraft,
        moving: s.workshopMoving,
      });
    }
  });

  void (async () => {
    try {
      await local.whenLoaded;
      if (stopped) return;
      initWorkshopDocument(local);
      await withBrowserLock('workshop-migration', async () => {
        // Another tab may have moved the old store a moment ago: what it stored is read first.
        await local.catchUp();
        if (stopped || wasMigrated(local.doc, OLD_WORKSHOP_STORE)) return;
        const old = await storage.readOldSnapshot();
        const doc = local.doc;
        doc.transact(() => {
          if (isSnapshotV1(old)) {
            const author = { org: '', name: old.facilitator.trim(), at: new Date().toISOString() };
            writeWorkshop(doc, old.history.present, author);
          }
          noteMigrated(doc, OLD_WORKSHOP_STORE);
        }, MIGRATION);
        if (isSnapshotV1(old) && !session) {
          state().restoreWorkshopSession({
            facilitator: old.facilitator,
            editing: old.editing,
            draft: old.draft,
            moving: old.moving,
          });
        }
        // The old store goes only once the document holding what it had is read back from IndexedDB.
        if (old !== undefined && (await local.confirmStored())) await storage.deleteOldSnapshot();
      });
      loaded = true;
      await confirm();
    } catch {
      setStatus('failed');
    }
  })();

  return () => {
    stopped = true;
    unsubscribe();
    stopHearingProblems();
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
    local.doc.off('update', onUpdate);
    local.destroy();
  };
}

/**
 * Connects the workshop's storage once it is needed: at once when this browser already keeps a workshop, else
 * when co-mapping is turned on. A resident's visit opens and writes no workshop database. Returns a stopper.
 */
export function connectWorkshopStorageWhenUsed(storage: WorkshopStorage): () => void {
  let stop: (() => void) | null = null;
  let started = false;
  let stopped = false;
  const start = () => {
    // Set first: connecting changes the store, whose listener below comes back here.
    if (started || stopped) return;
    started = true;
    stop = connectWorkshopStorage(storage);
  };
  const unsubscribe = useAppStore.subscribe((s) => {
    if (s.workshopEditing) start();
  });
  if (useAppStore.getState().workshopEditing) start();
  void storage.mayHoldWorkshop().then((held) => {
    if (held) start();
  });
  return () => {
    stopped = true;
    unsubscribe();
    stop?.();
  };
}
