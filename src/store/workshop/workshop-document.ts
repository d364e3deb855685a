import type * as Y from 'yjs';
import type { Gazetteer } from '../../domain/geo/gazetteer.ts';
import type { BuildContext } from '../../domain/loading/build-resource.ts';
import type { Manifest } from '../../domain/model/manifest.ts';
import { createOwnUndo } from '../../domain/shared-map/own-undo.ts';
import { initSharedDoc, LOCAL_DOCUMENTS } from '../../domain/shared-map/schema.ts';
import { watchLocalRecords } from '../../domain/shared-map/watch-local-records.ts';
import type { WorkshopDoc } from '../../domain/workshop/workshop-doc.ts';
import { readWorkshopDocument, rereadWorkshopRecords } from '../../domain/workshop/workshop-document.ts';
import { type LocalDocument, memoryLocalDocument } from '../../services/local-docs/local-document.ts';

/** How many of this tab's own workshop changes can be undone and redone. */
export interface WorkshopSteps {
  readonly undo: number;
  readonly redo: number;
}

/** A workshop's local document as the store uses it: the document, its undo manager, and a way to stop watching. */
export interface WorkshopDocument {
  readonly local: LocalDocument;
  /** Takes back this tab's own changes only (own-undo.ts): another tab's, relayed, never. */
  readonly undo: Y.UndoManager;
  steps(): WorkshopSteps;
  /** Stops watching the document (it is not closed: the page may hand it on). */
  unwatch(): void;
}

/** A workshop document kept in memory only (a page without IndexedDB, a test), until the page opens the stored one. */
export function memoryWorkshopDocument(): LocalDocument {
  return memoryLocalDocument(LOCAL_DOCUMENTS.workshop);
}

/**
 * Watches a workshop document: `changed` is called once after each transaction that touched its records or
 * hidden ids (this tab's, another tab's, or IndexedDB's), after the undo manager has counted it, with the ids
 * touched (null: many, read it whole).
 */
export function watchWorkshopDocument(
  local: LocalDocument,
  changed: (ids: ReadonlySet<string> | null) => void,
): WorkshopDocument {
  const doc = local.doc;
  const undo = createOwnUndo(doc, 'local', local.origin);
  const unwatch = watchLocalRecords(doc, changed);
  return {
    local,
    undo,
    steps: () => ({ undo: undo.undoStack.length, redo: undo.redoStack.length }),
    unwatch: () => {
      unwatch();
      undo.destroy();
    },
  };
}

/** Marks a document as a local one of the current schema (once it holds what IndexedDB had). */
export function initWorkshopDocument(local: LocalDocument): void {
  local.transact((doc) => initSharedDoc(doc, 'local'));
}

/** The context a workshop document is read with: the configuration's categories and tags, and a gazetteer. */
function contextOf(manifest: Manifest, gazetteer: Gazetteer): BuildContext {
  return {
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
    gazetteer,
    defaults: {
      file: LOCAL_DOCUMENTS.workshop,
      category: manifest.categories[0]?.id ?? 'other',
      source: LOCAL_DOCUMENTS.workshop,
      visibility: 'public',
    },
  };
}

/**
 * The workshop as the document holds it: read whole, or (`since`) only the records with the ids touched since
 * `since.workshop` was read. Null before the configuration is in (categories would not be known). The records
 * were validated when written, so they read back the same with any gazetteer (the township centroids' once
 * loaded, else an empty one).
 */
export function readWorkshop(
  local: LocalDocument,
  manifest: Manifest | null,
  gazetteer: Gazetteer,
  since?: { readonly workshop: WorkshopDoc; readonly ids: ReadonlySet<string> },
): WorkshopDoc | null {
  if (!manifest) return null;
  const ctx = contextOf(manifest, gazetteer);
  if (since) return rereadWorkshopRecords(local.doc, since.workshop, since.ids, ctx);
  return readWorkshopDocument(local.doc, ctx).workshop;
}
