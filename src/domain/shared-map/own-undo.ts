import * as Y from 'yjs';
import { touchedRecordIds } from './record-changes.ts';
import { plainFields, type RecordFields } from './record-fields.ts';
import { noteVersions } from './record-history.ts';
import { type ChangeStamp, ROOTS, type SharedDocKind } from './schema.ts';

/**
 * An undo manager for one document that only ever takes back this device's own changes: it tracks the
 * transactions made with `origin` (the client writes every change of its own with it) and nothing else, so a
 * peer's change — applied with the provider's or IndexedDB's origin — is never undone. Yjs undoes by deleting
 * what the change inserted and bringing back what it deleted, so a peer's later change of the same field or of
 * another field stays as it is. Records (and a workshop's proposals) are tracked, not the history: an undo is
 * itself a new version of the records it touched (see `undoOwnChange`). Every save is a step of its own.
 * A local document (`'local'`, schema.ts) tracks its `hidden` source records too.
 */
export function createOwnUndo(doc: Y.Doc, kind: SharedDocKind | 'local', origin: unknown): Y.UndoManager {
  const scope: Y.Map<unknown>[] = [doc.getMap(ROOTS.records)];
  if (kind === 'workshop') scope.push(doc.getMap(ROOTS.proposals));
  if (kind === 'local') scope.push(doc.getMap(ROOTS.hidden));
  return new Y.UndoManager(scope, { trackedOrigins: new Set([origin]), captureTimeout: 0 });
}

/**
 * Undoes (or redoes) the last of this device's own changes in a document, and writes a version of each record it
 * touched (its fields afterwards, or null when it is gone), stamped by `author`, so the history says who took a
 * change back. Returns the ids of the records touched (empty when there was nothing to undo).
 *
 * In a local document a record that is neither in `records` nor `hidden` afterwards is the source's again:
 * `sourceFields` gives its version (as on show now); elsewhere such a record is gone (a version without fields).
 */
export function undoOwnChange(
  doc: Y.Doc,
  undo: Y.UndoManager,
  direction: 'undo' | 'redo',
  author: ChangeStamp,
  sourceFields: (id: string) => RecordFields | null = () => null,
): string[] {
  const records = doc.getMap(ROOTS.records);
  const hidden = doc.getMap(ROOTS.hidden);
  const touched = new Set<string>();
  const watch = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const id of touchedRecordIds(events)) touched.add(id);
  };
  records.observeDeep(watch);
  hidden.observeDeep(watch);
  try {
    if (direction === 'undo') undo.undo();
    else undo.redo();
  } finally {
    records.unobserveDeep(watch);
    hidden.unobserveDeep(watch);
  }
  const ids = [...touched];
  const versions = ids.map((id) => {
    const record = records.get(id);
    if (record instanceof Y.Map) return { id, fields: plainFields(record.entries()) };
    return { id, fields: hidden.has(id) ? null : sourceFields(id) };
  });
  if (versions.length > 0) noteVersions(doc, versions, author);
  return ids;
}
