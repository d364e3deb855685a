import type { UndoHistory } from '../../domain/model/undo-history.ts';
import type { WorkshopDoc } from '../../domain/workshop/workshop-doc.ts';
import { type AppState, useAppStore } from '../app-store.ts';
import type { OpenDraft } from './workshop-slice.ts';

/** Everything a workshop needs to come back after a reload or a crash, as stored. */
export interface WorkshopSnapshot {
  readonly version: 1;
  readonly history: UndoHistory<WorkshopDoc>;
  readonly facilitator: string;
  readonly editing: boolean;
  readonly draft: OpenDraft | null;
  readonly moving: string | null;
}

/** Where snapshots live: IndexedDB in the browser, memory in tests. */
export interface WorkshopStorage {
  load(): Promise<WorkshopSnapshot | undefined>;
  save(snapshot: WorkshopSnapshot): Promise<void>;
}

function snapshotOf(s: AppState): WorkshopSnapshot {
  return {
    version: 1,
    history: s.workshopHistory,
    facilitator: s.facilitator,
    editing: s.workshopEditing,
    draft: s.workshopDraft,
    moving: s.workshopMoving,
  };
}

const changed = (a: AppState, b: AppState) =>
  a.workshopHistory !== b.workshopHistory ||
  a.facilitator !== b.facilitator ||
  a.workshopEditing !== b.workshopEditing ||
  a.workshopDraft !== b.workshopDraft ||
  a.workshopMoving !== b.workshopMoving;

function isSnapshot(value: unknown): value is WorkshopSnapshot {
  const v = value as Partial<WorkshopSnapshot> | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.version === 1 &&
    typeof v.history === 'object' &&
    Array.isArray(v.history?.present?.additions) &&
    Array.isArray(v.history?.past) &&
    Array.isArray(v.history?.future)
  );
}

/**
 * Restores the saved workshop, then writes every change through to storage (one write in flight; the latest
 * state wins), so closing the tab or a crash loses nothing. Returns a function that stops it.
 */
export function connectWorkshopStorage(storage: WorkshopStorage, store = useAppStore): () => void {
  let stopped = false;
  let unsubscribe = () => {};
  let writing = false;
  let pending: WorkshopSnapshot | null = null;
  const { setWorkshopStorage } = store.getState();

  const write = async (snapshot: WorkshopSnapshot) => {
    pending = snapshot;
    if (writing) return;
    writing = true;
    while (pending && !stopped) {
      const next: WorkshopSnapshot = pending;
      pending = null;
      store.getState().setWorkshopStorage('saving');
      try {
        await storage.save(next);
        if (!pending) store.getState().setWorkshopStorage('saved');
      } catch {
        store.getState().setWorkshopStorage('failed');
      }
    }
    writing = false;
  };

  setWorkshopStorage('loading');
  void (async () => {
    try {
      const saved = await storage.load();
      if (stopped) return;
      if (isSnapshot(saved)) store.getState().hydrateWorkshop(saved);
      store.getState().setWorkshopStorage('saved');
    } catch {
      if (stopped) return;
      store.getState().setWorkshopStorage('failed');
    }
    unsubscribe = store.subscribe((state, previous) => {
      if (changed(state, previous)) void write(snapshotOf(state));
    });
  })();

  return () => {
    stopped = true;
    unsubscribe();
  };
}
