import type { StateCreator } from 'zustand';
import { buildGazetteer, type Gazetteer, type Township } from '../../domain/geo/gazetteer.ts';
import { type LatLng, toLatLng } from '../../domain/model/coordinates.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { record, redo, startHistory, type UndoHistory, undo } from '../../domain/model/undo-history.ts';
import { buildDataset } from '../../domain/query/dataset.ts';
import {
  addRecord,
  changeRecord,
  deleteRecord,
  EMPTY_WORKSHOP,
  mergeWorkshopRecords,
  type WorkshopDoc,
} from '../../domain/workshop/workshop-doc.ts';
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
import type { AppState } from '../app-store.ts';
import type { ResourceLayer } from '../data/data-slice.ts';
import { selectResourceById } from '../data/derived.ts';
import { memoizeLast } from '../memoize-last.ts';

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

/** Live co-mapping: what the workshop changed (with undo/redo), the open form, and persistence status. */
export interface WorkshopSlice {
  readonly workshopHistory: UndoHistory<WorkshopDoc>;
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
  /** Replaces the workshop with a persisted one (on start). */
  hydrateWorkshop(saved: {
    history: UndoHistory<WorkshopDoc>;
    facilitator: string;
    editing: boolean;
    draft: OpenDraft | null;
    moving: string | null;
  }): void;
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
  const commit = (change: (doc: WorkshopDoc) => WorkshopDoc, extra: Partial<AppState> = {}) =>
    set((s) => {
      const history = record(s.workshopHistory, change(s.workshopHistory.present));
      return {
        ...extra,
        workshopHistory: history,
        ...project(s, s.workshopHistory.present, history.present),
      };
    });
  const travel = (step: (h: UndoHistory<WorkshopDoc>) => UndoHistory<WorkshopDoc>) =>
    set((s) => {
      const history = step(s.workshopHistory);
      if (history === s.workshopHistory) return {};
      return { workshopHistory: history, ...project(s, s.workshopHistory.present, history.present) };
    });
  const findResource = (id: string) => selectResourceById(get(), id) ?? undefined;

  return {
    workshopHistory: startHistory(EMPTY_WORKSHOP),
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
      const category =
        s.workshopHistory.present.additions.at(-1)?.category ?? s.manifest?.categories[0]?.id ?? '';
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
        commit((doc) => addRecord(doc, resource), {
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
      commit((doc) => changeRecord(doc, edited), { workshopDraft: null });
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
      commit((doc) => changeRecord(doc, moved), { workshopMoving: null });
    },
    deleteWorkshopRecord: (id) =>
      commit((doc) => deleteRecord(doc, id), {
        ...(get().selectedId === id ? { selectedId: null } : {}),
        workshopDraft: null,
        workshopMoving: null,
      }),
    undoWorkshop: () => travel(undo),
    redoWorkshop: () => travel(redo),
    setFacilitator: (facilitator) => set({ facilitator }),
    importWorkshopRecords: (records) => commit((doc) => mergeWorkshopRecords(doc, records)),
    setWorkshopStorage: (workshopStorage) => set({ workshopStorage }),
    hydrateWorkshop: (saved) =>
      set((s) => ({
        workshopHistory: saved.history,
        facilitator: saved.facilitator,
        workshopEditing: saved.editing,
        workshopDraft: saved.draft,
        workshopMoving: saved.moving,
        ...project(s, s.workshopHistory.present, saved.history.present),
      })),
  };
};
