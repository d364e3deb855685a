import * as Y from 'yjs';
import {
  type Corrections,
  correctedIds,
  dropCorrections,
  readCorrections,
  writeCorrection,
  writeMerge,
} from '../../domain/corrections/corrections-document.ts';
import type { BuildContext } from '../../domain/loading/build-resource.ts';
import { carryPlacements } from '../../domain/loading/carry-placements.ts';
import { mergeDuplicate as mergeRecords } from '../../domain/loading/duplicates.ts';
import type { Resource } from '../../domain/model/resource.ts';
import type { Dataset } from '../../domain/query/dataset.ts';
import { recordById } from '../../domain/query/dataset.ts';
import { createOwnUndo, undoOwnChange } from '../../domain/shared-map/own-undo.ts';
import { resourceToFields } from '../../domain/shared-map/record-fields.ts';
import { type ChangeStamp, initSharedDoc, LOCAL_DOCUMENTS } from '../../domain/shared-map/schema.ts';
import { watchLocalRecords } from '../../domain/shared-map/watch-local-records.ts';
import { type LocalDocument, memoryLocalDocument } from '../../services/local-docs/local-document.ts';
import { type AppState, useAppStore } from '../app-store.ts';
import { selectGazetteer } from '../workshop/workshop-slice.ts';

// What changes the office's corrections document (`local/corrections`, domain/corrections). Loaded with the
// office's tools and the corrections' saving code, so that Yjs is not part of a resident's first screen; the
// import slice holds what the document shows (officeEdits, correctionSteps).

/** The corrections document as the store uses it: the document, this tab's undo manager, and its last read. */
interface CorrectionsDocument {
  readonly local: LocalDocument;
  /** Takes back this tab's own corrections only: another tab's, relayed, never. */
  readonly undo: Y.UndoManager;
  /** What the store shows was read from this document (else the next read is whole). */
  read: Corrections | null;
  readonly unwatch: () => void;
}

/** The corrections document (a service, not state): one per page, in memory until the page opens the stored one. */
let current: CorrectionsDocument | null = null;

const state = () => useAppStore.getState();

/** The context corrections are read with: a record without a source keeps none (no default source is made up). */
function contextOf(s: AppState): BuildContext | null {
  const manifest = s.manifest;
  if (!manifest) return null;
  return {
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
    gazetteer: selectGazetteer(s),
    defaults: {
      file: LOCAL_DOCUMENTS.corrections,
      category: manifest.categories[0]?.id ?? 'other',
      source: '',
      visibility: 'public',
    },
  };
}

/** Reads the document into the store: only the ids touched (null: whole), when the store shows its last read. */
function show(document: CorrectionsDocument, ids: ReadonlySet<string> | null): void {
  const s = state();
  const ctx = contextOf(s);
  const steps = { undo: document.undo.undoStack.length, redo: document.undo.redoStack.length };
  if (!ctx) {
    s.showOfficeEdits(null, steps);
    return;
  }
  const previous = document.read;
  const since = ids && previous && previous.edits === s.officeEdits ? { previous, ids } : undefined;
  const next = readCorrections(document.local.doc, ctx, since);
  document.read = next;
  s.showOfficeEdits({ edits: next.edits, issues: next.issues.map((i) => i.recordId) }, steps);
}

/** Watches a document: the store follows every transaction that touched its records or hidden ids. */
function watch(local: LocalDocument): CorrectionsDocument {
  const undo = createOwnUndo(local.doc, 'local', local.origin);
  const document: CorrectionsDocument = {
    local,
    undo,
    read: null,
    unwatch: () => {
      stop();
      undo.destroy();
    },
  };
  const stop = watchLocalRecords(local.doc, (ids) => show(document, ids));
  return document;
}

/** The corrections document: the one the page opened, else a new one in memory. */
function correctionsDocument(): CorrectionsDocument {
  if (!current) {
    const local = memoryLocalDocument(LOCAL_DOCUMENTS.corrections);
    local.transact((doc) => initSharedDoc(doc, 'local'));
    current = watch(local);
  }
  return current;
}

/** Uses a stored document from now on; what the one in memory held goes into it. Returns the document. */
export function openCorrectionsDocument(local: LocalDocument): Y.Doc {
  const before = current;
  if (before?.local === local) return local.doc;
  before?.unwatch();
  current = watch(local);
  // Corrections made before the stored document opened are not lost: Yjs merges them in as this tab's own, one
  // step its undo takes back.
  if (before) Y.applyUpdate(local.doc, Y.encodeStateAsUpdate(before.local.doc), local.origin);
  show(current, null);
  return local.doc;
}

/** Stops using the document (a test's end): the next correction starts a new one in memory. */
export function closeCorrectionsDocument(): void {
  current?.unwatch();
  current = null;
}

/** Reads the document into the store again (once the configuration or the gazetteer is in). */
export function refreshCorrections(): void {
  if (current) show(current, null);
}

/** Who corrects: this device's office (no accounts in a local workspace). */
const author = (): ChangeStamp => ({ org: '', name: '', at: new Date().toISOString() });

/** Makes one change of this tab's own in the document (one undo step); the store follows from the document. */
function change(write: (doc: Y.Doc) => void): void {
  correctionsDocument().local.transact(write);
}

/** A record as its source has it (the default data or an imported file), without any correction. */
function sourceRecord(s: AppState, id: string): Resource | null {
  for (const dataset of [s.base, ...s.layers.map((l) => l.dataset)] as Dataset[]) {
    const found = recordById(dataset, id);
    if (found) return found;
  }
  return null;
}

/** Records a corrected copy of a record (one undo step). */
export function commitCorrection(resource: Resource): void {
  change((doc) => writeCorrection(doc, resource, author()));
}

/** Takes back (or does again) this tab's last own correction. */
function travel(direction: 'undo' | 'redo'): void {
  const document = correctionsDocument();
  undoOwnChange(document.local.doc, document.undo, direction, author(), (id) => {
    const source = sourceRecord(state(), id);
    return source ? resourceToFields(source) : null;
  });
  // The steps may change without the records (nothing to undo).
  state().showOfficeEdits(null, {
    undo: document.undo.undoStack.length,
    redo: document.undo.redoStack.length,
  });
}

export const undoCorrection = (): void => travel('undo');
export const redoCorrection = (): void => travel('redo');

/**
 * Resolves a flagged duplicate pair: kept apart, or merged (a correction, undone and redone with the others: the
 * kept record takes what the duplicate knew, and the duplicate is hidden as merged into it).
 */
export function resolveDuplicate(
  datasetId: string,
  duplicateId: string,
  resolution: 'merged' | 'kept',
): void {
  const s = state();
  const pair = s.importedDatasets
    .find((d) => d.id === datasetId)
    ?.duplicates.find((p) => p.duplicateId === duplicateId);
  if (!pair) return;
  if (resolution === 'kept') {
    s.keepDuplicate(datasetId, duplicateId);
    return;
  }
  const find = (id: string) => s.officeEdits[id] ?? s.edits[id] ?? sourceRecord(s, id);
  const keep = find(pair.keepId);
  const duplicate = find(pair.duplicateId);
  if (!keep || !duplicate) return;
  change((doc) => writeMerge(doc, mergeRecords(keep, duplicate), duplicateId, author()));
}

/** The ids of a dataset's records that the document corrects. */
function correctedOf(resources: readonly Resource[] | undefined): string[] {
  if (!resources) return [];
  const corrected = new Set(correctedIds(correctionsDocument().local.doc));
  return resources.filter((r) => corrected.has(r.id)).map((r) => r.id);
}

/** Removes an imported dataset with its records' corrections. */
export function removeDataset(id: string): void {
  removeDatasets([id]);
}

/**
 * Removes imported datasets (a file, or what a `?data=` link brought) with their records' corrections, dropped
 * in one transaction (one undo step).
 */
export function removeDatasets(datasetIds: readonly string[]): void {
  const s = state();
  const ids = s.layers
    .filter((l) => datasetIds.includes(l.id))
    .flatMap((l) => correctedOf(l.dataset.resources));
  if (ids.length > 0) change((doc) => dropCorrections(doc, ids, author()));
  for (const id of datasetIds) state().removeImportedDataset(id);
}

/** Back to the default data: every import and every correction goes. */
export function backToDefaultData(): void {
  const ids = correctedIds(correctionsDocument().local.doc);
  if (ids.length > 0) change((doc) => dropCorrections(doc, ids, author()));
  state().clearImports();
}

/**
 * A file replaces an imported one: the corrections of the old records go, but for the places set by hand on
 * records the new file still cannot place (found by name and address), which carry over (one undo step).
 */
export function replaceDatasetCorrections(
  oldRecords: readonly Resource[],
  newRecords: readonly Resource[],
): void {
  const ids = correctedOf(oldRecords);
  if (ids.length === 0) return;
  const carried = carryPlacements(oldRecords, state().officeEdits, newRecords);
  change((doc) => {
    dropCorrections(doc, ids, author());
    for (const resource of Object.values(carried)) writeCorrection(doc, resource, author());
  });
}
