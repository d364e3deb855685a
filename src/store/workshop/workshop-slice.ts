import type { StateCreator } from 'zustand';
import { buildGazetteer, type Gazetteer, type Township } from '../../domain/geo/gazetteer.ts';
import { type LatLng, toLatLng } from '../../domain/model/coordinates.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { buildDataset } from '../../domain/query/dataset.ts';
import { EMPTY_WORKSHOP, type WorkshopDoc } from '../../domain/workshop/workshop-doc.ts';
import {
  type DraftProblem,
  draftForPlace,
  draftFromResource,
  nearestTownship,
  type WorkshopDraft,
} from '../../domain/workshop/workshop-record.ts';
import type { AppState } from '../app-store.ts';
import type { ResourceLayer } from '../data/data-slice.ts';
import { selectResourceById } from '../data/derived.ts';
import { memoizeLast } from '../memoize-last.ts';
import type { WorkshopSteps } from './workshop-document.ts';

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
 * this tab's changes can be undone and redone, the open form, and persistence status. What writes to the
 * document (saving the form, moving, deleting, undo, importing) is `workshop-actions.ts`, a module loaded with
 * the workshop's tools: Yjs is not part of a resident's first screen.
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
  /** Keeps the open form open with what is still wrong in it (workshop-actions.ts's saveDraft). */
  setDraftProblems(problems: readonly DraftProblem[]): void;
  startMove(id: string | null): void;
  setFacilitator(label: string): void;
  setWorkshopStorage(status: WorkshopStorageStatus): void;
  /** Puts the form, the facilitator and the modes of a previous visit back (on start). */
  restoreWorkshopSession(saved: WorkshopSession): void;
  /**
   * Shows what the workshop's document holds (workshop-actions.ts reads it): the workshop (null: unchanged) and
   * the steps this tab can undo and redo.
   */
  showWorkshop(workshop: WorkshopDoc | null, steps: WorkshopSteps): void;
}

/** What a tab keeps of a workshop besides its document: the facilitator, the modes and a half-typed form. */
export interface WorkshopSession {
  readonly facilitator: string;
  readonly editing: boolean;
  readonly draft: OpenDraft | null;
  readonly moving: string | null;
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

export const createWorkshopSlice: StateCreator<AppState, [], [], WorkshopSlice> = (set, get) => ({
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
    const resource = selectResourceById(get(), id);
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
  setDraftProblems: (problems) =>
    set((s) => (s.workshopDraft ? { workshopDraft: { ...s.workshopDraft, problems } } : {})),
  startMove: (id) => set({ workshopMoving: id, workshopDraft: null }),
  setFacilitator: (facilitator) => set({ facilitator }),
  setWorkshopStorage: (workshopStorage) => set({ workshopStorage }),
  restoreWorkshopSession: (saved) =>
    set({
      facilitator: saved.facilitator,
      workshopEditing: saved.editing,
      workshopDraft: saved.draft,
      workshopMoving: saved.moving,
    }),
  showWorkshop: (workshop, steps) =>
    set((state) => ({
      workshopSteps:
        steps.undo === state.workshopSteps.undo && steps.redo === state.workshopSteps.redo
          ? state.workshopSteps
          : steps,
      ...(workshop ? { workshop, ...project(state, state.workshop, workshop) } : {}),
    })),
});
