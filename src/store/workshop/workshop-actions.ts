import * as Y from 'yjs';
import { type LatLng, toLatLng } from '../../domain/model/coordinates.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { undoOwnChange } from '../../domain/shared-map/own-undo.ts';
import { resourceToFields } from '../../domain/shared-map/record-fields.ts';
import type { ChangeStamp } from '../../domain/shared-map/schema.ts';
import {
  deleteWorkshopRecord as deleteFromDocument,
  mergeWorkshopFile,
  writeWorkshopRecord,
} from '../../domain/workshop/workshop-document.ts';
import {
  createWorkshopResource,
  type DraftProblem,
  draftProblems,
  editWorkshopResource,
  moveWorkshopResource,
  type WorkshopStamp,
} from '../../domain/workshop/workshop-record.ts';
import type { LocalDocument } from '../../services/local-docs/local-document.ts';
import { useAppStore } from '../app-store.ts';
import { selectResourceById } from '../data/derived.ts';
import {
  memoryWorkshopDocument,
  readWorkshop,
  type WorkshopDocument,
  watchWorkshopDocument,
} from './workshop-document.ts';
import { selectGazetteer } from './workshop-slice.ts';

// What changes the workshop's document. A module of its own, imported by the workshop's tools and its saving
// code (both loaded on demand), so that Yjs is not part of a resident's first screen; the slice holds the state.

/** The workshop's document (a service, not state): one per page, in memory until the page opens the stored one. */
let current: WorkshopDocument | null = null;
/** Whether `workshop` in the state is what `current` held after its last read (else it is read whole). */
let readFromCurrent = false;

const state = () => useAppStore.getState();

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

const stamp = (): WorkshopStamp => ({ date: today(), facilitator: state().facilitator });

/** Who changes the document now: a local workspace has no organisation, only the facilitator's name. */
const author = (): ChangeStamp => ({
  org: '',
  name: state().facilitator.trim(),
  at: new Date().toISOString(),
});

/** Reads the document into the store: only the records with the ids touched, when the store holds its last read. */
function show(ids: ReadonlySet<string> | null = null): void {
  if (!current) return;
  const s = state();
  const since = ids && readFromCurrent ? { workshop: s.workshop, ids } : undefined;
  const next = readWorkshop(current.local, s.manifest, selectGazetteer(s), since);
  readFromCurrent = next !== null;
  s.showWorkshop(next, current.steps());
}

/**
 * The workshop's document: the one the page opened, else a new one in memory. The page opens the stored one
 * (workshop-persistence.ts) with `openWorkshopDocument`.
 */
export function workshopDocument(): WorkshopDocument {
  if (!current) {
    readFromCurrent = false;
    current = watchWorkshopDocument(memoryWorkshopDocument(), show);
  }
  return current;
}

/** Uses a stored document from now on; what the one in memory held goes into it. */
export function openWorkshopDocument(local: LocalDocument): WorkshopDocument {
  const before = current;
  if (before?.local === local) return before;
  before?.unwatch();
  // What was written before the stored document opened (nothing, as a rule) is not lost: Yjs merges it in.
  if (before) Y.applyUpdate(local.doc, Y.encodeStateAsUpdate(before.local.doc), local.origin);
  current = watchWorkshopDocument(local, show);
  readFromCurrent = false;
  show();
  return current;
}

/** Stops using the document (a test's end, a new page): the next change starts a new one in memory. */
export function closeWorkshopDocument(): void {
  current?.unwatch();
  current = null;
  readFromCurrent = false;
}

/** Reads the document into the store again (once the configuration is in, or the gazetteer). */
export function refreshWorkshop(): void {
  readFromCurrent = false;
  show();
}

/** Makes one change of this tab's own in the document; the store follows from what the document then holds. */
function change(write: (doc: Y.Doc) => void): void {
  workshopDocument().local.transact(write);
}

const findResource = (id: string) => selectResourceById(state(), id) ?? undefined;
const isAddition = (id: string) => state().workshop.additions.some((r) => r.id === id);

/** Saves the open form into the document at once; returns what is still wrong (nothing: saved and closed). */
export function saveDraft(): readonly DraftProblem[] {
  const s = state();
  const open = s.workshopDraft;
  if (!open) return [];
  const problems = draftProblems(open.draft);
  if (problems.length > 0) {
    s.setDraftProblems(problems);
    return problems;
  }
  const gazetteer = selectGazetteer(s);
  if (open.mode === 'add' && open.position) {
    const resource = createWorkshopResource(open.draft, toLatLng(open.position[0], open.position[1]), {
      id: newId(),
      gazetteer,
      stamp: stamp(),
    });
    change((doc) => writeWorkshopRecord(doc, resource, 'added', author()));
    state().cancelDraft();
    state().select(resource.id, 'map');
    return [];
  }
  const original = open.id ? findResource(open.id) : undefined;
  if (!original) {
    s.cancelDraft();
    return [];
  }
  const edited = editWorkshopResource(original, open.draft, { gazetteer, stamp: stamp() });
  const kind = isAddition(edited.id) ? 'added' : 'edited';
  change((doc) => writeWorkshopRecord(doc, edited, kind, author()));
  state().cancelDraft();
  return [];
}

/** Moves the record waiting to be moved (`workshopMoving`) to where the map was clicked. */
export function moveTo(position: LatLng): void {
  const s = state();
  const original = s.workshopMoving ? findResource(s.workshopMoving) : undefined;
  if (original) {
    const moved = moveWorkshopResource(original, position, { gazetteer: selectGazetteer(s), stamp: stamp() });
    const kind = isAddition(moved.id) ? 'added' : 'edited';
    change((doc) => writeWorkshopRecord(doc, moved, kind, author()));
  }
  state().startMove(null);
}

/** Deletes a record (the workshop's own addition, or hides one of the source data); closes the form and a move. */
export function deleteWorkshopRecord(id: string): void {
  change((doc) => deleteFromDocument(doc, id, author()));
  const s = state();
  if (s.selectedId === id) s.select(null, s.selectionOrigin);
  s.startMove(null);
}

/** Takes back (or does again) this tab's last own change; the document's observer shows the records. */
function travel(direction: 'undo' | 'redo'): void {
  const document = workshopDocument();
  undoOwnChange(document.local.doc, document.undo, direction, author(), (id) => {
    const shown = selectResourceById(state(), id);
    return shown ? resourceToFields(shown) : null;
  });
  // The steps may have changed without the records (nothing to undo).
  state().showWorkshop(null, document.steps());
}

export const undoWorkshop = (): void => travel('undo');
export const redoWorkshop = (): void => travel('redo');

/** Adds records read back from a workshop export (one undo step). */
export function importWorkshopRecords(records: readonly Resource[]): void {
  change((doc) => mergeWorkshopFile(doc, records, author()));
}
