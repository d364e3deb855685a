import * as Y from 'yjs';
import type { StateCreator } from 'zustand';
import { buildGazetteer, type Gazetteer, type Township } from '../../domain/geo/gazetteer.ts';
import { type LatLng, toLatLng } from '../../domain/model/coordinates.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { buildDataset } from '../../domain/query/dataset.ts';
import { undoOwnChange } from '../../domain/shared-map/own-undo.ts';
import { resourceToFields } from '../../domain/shared-map/record-fields.ts';
import type { ChangeStamp } from '../../domain/shared-map/schema.ts';
import { EMPTY_WORKSHOP, type WorkshopDoc } from '../../domain/workshop/workshop-doc.ts';
import {
  deleteWorkshopRecord,
  mergeWorkshopFile,
  writeWorkshopRecord,
} from '../../domain/workshop/workshop-document.ts';
import {
  createWorkshopResource,
  type DraftProblem,
  draftForPlace,
  draftFromResource,
  draftProblems,
  editWorkshopResource,
  moveWorkshopResource,
  nearestTownship,
  type WorkshopDraft,
  type WorkshopStamp,
} from '../../domain/workshop/workshop-record.ts';
import type { LocalDocument } from '../../services/local-docs/local-document.ts';
import type { AppState } from '../app-store.ts';
import type { ResourceLayer } from '../data/data-slice.ts';
import { selectResourceById } from '../data/derived.ts';
import { memoizeLast } from '../memoize-last.ts';
import {
  memoryWorkshopDocument,
  readWorkshop,
  type WorkshopDocument,
  type WorkshopSteps,
  watchWorkshopDocument,
} from './workshop-document.ts';

/** The layer id under which workshop additions appear in the data slice. */
export const WORKSHOP_LAYER_ID = 'workshop';

/** The add/edit form while it is open: kept in the store (and persisted) so a closed tab loses no typing. */
export interface OpenDraft {
  readonly mode: 'add' | 'edit';
  /** The record being edited (edit mode). */
  readonly id: string | null;
  /** Where the room clicked (add mode), as [lat, lng]. */
  readonly position: readonly [number, number] | null;
  readonly draft: WorkshopDraft;
  readonly problems: readonly DraftProblem[];
}

export type WorkshopStorageStatus = 'off' | 'loading' | 'saved' | 'saving' | 'failed';

const NO_STEPS: WorkshopSteps = { undo: 0, redo: 0 };

/**
 * Live co-mapping: what the workshop changed as its local document holds it (workshop-document.ts), how many of
 * this tab's changes can be undone and redone, the open form, and persistence status.
 */
export interface WorkshopSlice {
  /** The workshop as read from its document (the document is the truth; this is what the store shows). */
  readonly workshop: WorkshopDoc;
  readonly workshopSteps: WorkshopSteps;
  /** Co-mapping on: a click on the map adds a resource, the detail offers edit / move / delete. */
  readonly workshopEditing: boolean;
  readonly workshopDraft: OpenDraft | null;
  /** The record waiting for a click on the map to move there. */
  readonly workshopMoving: string | null;
  readonly facilitator: string;
  readonly workshopStorage: WorkshopStorageStatus;
  setWorkshopEditing(on: boolean): void;
  startAdd(position: LatLng): void;
  startEdit(id: string): void;
  updateDraft(change: Partial<WorkshopDraft>): void;
  cancelDraft(): void;
  /** Fills the address of an add form opened before the township centroids had loaded (if still empty). */
  fillDraftPlace(): void;
  /** Saves the open form; returns what is still wrong (nothing: saved and closed). */
  saveDraft(): readonly DraftProblem[];
  startMove(id: string | null): void;
  moveTo(position: LatLng): void;
  deleteWorkshopRecord(id: string): void;
  undoWorkshop(): void;
  redoWorkshop(): void;
  setFacilitator(label: string): void;
  /** Adds records read back from a workshop export (one undo step). */
  importWorkshopRecords(records: readonly Resource[]): void;
  setWorkshopStorage(status: WorkshopStorageStatus): void;
  /** Puts the form, the facilitator and the modes of a previous visit back (on start). */
  restoreWorkshopSession(saved: WorkshopSession): void;
  /**
   * The workshop's document: the one this store opened, else a new one in memory. The page opens the stored one
   * (workshop-persistence.ts) with `openWorkshopDocument`.
   */
  workshopDocument(): WorkshopDocument;
  /** Uses a stored document from now on; what the one in memory held goes into it. */
  openWorkshopDocument(local: LocalDocument): WorkshopDocument;
  /** Stops using the document (a test's end): the next change starts a new one in memory. */
  closeWorkshopDocument(): void;
  /** Reads the document into the store again (once the configuration is in, or the gazetteer). */
  refreshWorkshop(): void;
}

/** What a tab keeps of a workshop besides its document: the facilitator, the modes and a half-typed form. */
export interface WorkshopSession {
  readonly facilitator: string;
  readonly editing: boolean;
  readonly draft: OpenDraft | null;
  readonly moving: string | null;
}

/** Today's date in the browser's time zone, YYYY-MM-DD. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function newId(): string {
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID().slice(0, 8)
      : Math.random().toString(36).slice(2, 10);
  return `ws-${Date.now().toString(36)}-${random}`;
}

const gazetteerOf = memoizeLast((townships: readonly Township[]) =>
  buildGazetteer(
    townships.map((t) => [t.county, t.town, t.zipcode, String(t.centroid[0]), String(t.centroid[1])]),
  ),
);

/** The township gazetteer (centroids loaded into the store by loadTownships), for defaults and coverage. */
export const selectGazetteer = (s: AppState): Gazetteer => gazetteerOf(s.townships);

/**
 * Shows a workshop in the data slice: additions as a layer of kind 'workshop', edits and deletions merged into
 * the shared ones. Only entries the workshop owns change: edits or deletions made elsewhere stay.
 */
function project(s: AppState, previous: WorkshopDoc, next: WorkshopDoc): Partial<AppState> {
  const layer: ResourceLayer = {
    id: WORKSHOP_LAYER_ID,
    kind: 'workshop',
    label: 'workshop',
    // A workshop adds a few dozen records: indexed afresh on each change.
    dataset: buildDataset(next.additions, s.manifest ?? { categories: [], serviceTags: [] }),
  };
  const others = s.layers.filter((l) => l.id !== WORKSHOP_LAYER_ID);
  const at = s.layers.findIndex((l) => l.id === WORKSHOP_LAYER_ID);
  const layers =
    next.additions.length === 0
      ? others
      : at < 0
        ? [...others, layer]
        : s.layers.map((l) => (l.id === WORKSHOP_LAYER_ID ? layer : l));
  const edits: Record<string, Resource> = { ...s.edits };
  for (const id of Object.keys(previous.edits)) if (!(id in next.edits)) delete edits[id];
  Object.assign(edits, next.edits);
  const dropped = new Set(previous.deletions.filter((id) => !next.deletions.includes(id)));
  const deletedIds = [
    ...s.deletedIds.filter((id) => !dropped.has(id)),
    ...next.deletions.filter((id) => !s.deletedIds.includes(id)),
  ];
  return { layers, edits, deletedIds };
}

export const createWorkshopSlice: StateCreator<AppState, [], [], WorkshopSlice> = (set, get) => {
  const stamp = (): WorkshopStamp => ({ date: today(), facilitator: get().facilitator });
  /** Who changes the document now: a local workspace has no organisation, only the facilitator's name. */
  const author = (): ChangeStamp => ({
    org: '',
    name: get().facilitator.trim(),
    at: new Date().toISOString(),
  });
  /** This store's workshop document (see workshopDocument): a service the slice holds, never state. */
  let current: WorkshopDocument | null = null;
  /** Whether `workshop` in the state is what `current` held after its last read (else it is read whole). */
  let readFromCurrent = false;
  const show = (ids: ReadonlySet<string> | null = null) => {
    if (!current) return;
    const s = get();
    const since = ids && readFromCurrent ? { workshop: s.workshop, ids } : undefined;
    const next = readWorkshop(current.local, s.manifest, selectGazetteer(s), since);
    readFromCurrent = next !== null;
    const steps = current.steps();
    set((state) => ({
      workshopSteps:
        steps.undo === state.workshopSteps.undo && steps.redo === state.workshopSteps.redo
          ? state.workshopSteps
          : steps,
      ...(next ? { workshop: next, ...project(state, state.workshop, next) } : {}),
    }));
  };
  const documentNow = (): WorkshopDocument => {
    if (!current) {
      readFromCurrent = false;
      current = watchWorkshopDocument(memoryWorkshopDocument(), show);
    }
    return current;
  };
  /** Makes one change of this tab's own in the document; the store follows from what the document then holds. */
  const change = (write: (doc: WorkshopDocument['local']['doc']) => void, extra: Partial<AppState> = {}) => {
    documentNow().local.transact(write);
    set(extra);
  };
  const travel = (direction: 'undo' | 'redo') => {
    const { local, undo } = documentNow();
    undoOwnChange(local.doc, undo, direction, author(), (id) => {
      const shown = selectResourceById(get(), id);
      return shown ? resourceToFields(shown) : null;
    });
    // The document's observer has shown the records; the steps may have changed without them (nothing to undo).
    const steps = current?.steps() ?? NO_STEPS;
    set((s) =>
      steps.undo === s.workshopSteps.undo && steps.redo === s.workshopSteps.redo
        ? {}
        : { workshopSteps: steps },
    );
  };
  const findResource = (id: string) => selectResourceById(get(), id) ?? undefined;
  const isAddition = (id: string) => get().workshop.additions.some((r) => r.id === id);

  return {
    workshop: EMPTY_WORKSHOP,
    workshopSteps: NO_STEPS,
    workshopEditing: false,
    workshopDraft: null,
    workshopMoving: null,
    facilitator: '',
    workshopStorage: 'off',
    setWorkshopEditing: (on) =>
      set(on ? { workshopEditing: true } : { workshopEditing: false, workshopMoving: null }),
    startAdd: (position) => {
      const s = get();
      const township = nearestTownship(selectGazetteer(s).townships, position);
      // The room often names several of a kind in a row: start from the category of the last addition.
      const category = s.workshop.additions.at(-1)?.category ?? s.manifest?.categories[0]?.id ?? '';
      set({
        workshopDraft: {
          mode: 'add',
          id: null,
          position: [position[0], position[1]],
          draft: draftForPlace(township, category),
          problems: [],
        },
        workshopMoving: null,
      });
    },
    startEdit: (id) => {
      const resource = findResource(id);
      if (!resource) return;
      set({
        workshopDraft: { mode: 'edit', id, position: null, draft: draftFromResource(resource), problems: [] },
        workshopMoving: null,
      });
    },
    updateDraft: (change) =>
      set((s) =>
        s.workshopDraft
          ? {
              workshopDraft: {
                ...s.workshopDraft,
                draft: { ...s.workshopDraft.draft, ...change },
                problems: [],
              },
            }
          : {},
      ),
    cancelDraft: () => set({ workshopDraft: null }),
    fillDraftPlace: () =>
      set((s) => {
        const open = s.workshopDraft;
        if (open?.mode !== 'add' || !open.position || open.draft.address !== '') return {};
        const township = nearestTownship(
          selectGazetteer(s).townships,
          toLatLng(open.position[0], open.position[1]),
        );
        if (!township) return {};
        return {
          workshopDraft: { ...open, draft: { ...open.draft, address: `${township.county}${township.town}` } },
        };
      }),
    saveDraft: () => {
      const s = get();
      const open = s.workshopDraft;
      if (!open) return [];
      const problems = draftProblems(open.draft);
      if (problems.length > 0) {
        set({ workshopDraft: { ...open, problems } });
        return problems;
      }
      const gazetteer = selectGazetteer(s);
      if (open.mode === 'add' && open.position) {
        const resource = createWorkshopResource(open.draft, toLatLng(open.position[0], open.position[1]), {
          id: newId(),
          gazetteer,
          stamp: stamp(),
        });
        change((doc) => writeWorkshopRecord(doc, resource, 'added', author()), {
          workshopDraft: null,
          selectedId: resource.id,
          selectionOrigin: 'map',
        });
        return [];
      }
      const original = open.id ? findResource(open.id) : undefined;
      if (!original) {
        set({ workshopDraft: null });
        return [];
      }
      const edited = editWorkshopResource(original, open.draft, { gazetteer, stamp: stamp() });
      const kind = isAddition(edited.id) ? 'added' : 'edited';
      change((doc) => writeWorkshopRecord(doc, edited, kind, author()), { workshopDraft: null });
      return [];
    },
    startMove: (id) => set({ workshopMoving: id, workshopDraft: null }),
    moveTo: (position) => {
      const s = get();
      const original = s.workshopMoving ? findResource(s.workshopMoving) : undefined;
      if (!original) {
        set({ workshopMoving: null });
        return;
      }
      const moved = moveWorkshopResource(original, position, {
        gazetteer: selectGazetteer(s),
        stamp: stamp(),
      });
      const kind = isAddition(moved.id) ? 'added' : 'edited';
      change((doc) => writeWorkshopRecord(doc, moved, kind, author()), { workshopMoving: null });
    },
    deleteWorkshopRecord: (id) =>
      change((doc) => deleteWorkshopRecord(doc, id, author()), {
        ...(get().selectedId === id ? { selectedId: null } : {}),
        workshopDraft: null,
        workshopMoving: null,
      }),
    undoWorkshop: () => travel('undo'),
    redoWorkshop: () => travel('redo'),
    setFacilitator: (facilitator) => set({ facilitator }),
    importWorkshopRecords: (records) => change((doc) => mergeWorkshopFile(doc, records, author())),
    setWorkshopStorage: (workshopStorage) => set({ workshopStorage }),
    restoreWorkshopSession: (saved) =>
      set({
        facilitator: saved.facilitator,
        workshopEditing: saved.editing,
        workshopDraft: saved.draft,
        workshopMoving: saved.moving,
      }),
    workshopDocument: documentNow,
    openWorkshopDocument: (local) => {
      const before = current;
      if (before?.local === local) return before;
      before?.unwatch();
      // What was written before the stored document opened (nothing, as a rule) is not lost: Yjs merges it in.
      if (before) Y.applyUpdate(local.doc, Y.encodeStateAsUpdate(before.local.doc), local.origin);
      current = watchWorkshopDocument(local, show);
      readFromCurrent = false;
      show();
      return current;
    },
    closeWorkshopDocument: () => {
      current?.unwatch();
      current = null;
      readFromCurrent = false;
    },
    refreshWorkshop: () => {
      readFromCurrent = false;
      show();
    },
  };
};
