import * as Y from 'yjs';
import type { Resource } from '../model/resource.ts';
import { plainFields, type RecordFields, resourceToFields } from './record-fields.ts';
import { type ChangeStamp, ROOTS } from './schema.ts';

/** One version of a record: its fields after a change (null when the change deleted it), who and when. */
export interface HistoryEntry {
  readonly id: string;
  readonly fields: RecordFields | null;
  readonly org: string;
  readonly name: string;
  readonly at: string;
}

/**
 * Writes a record (as the import validated it) into a document: only fields that differ are set, so that
 * two people changing different fields both keep their change; a version goes into the history.
 */
export function writeRecord(doc: Y.Doc, resource: Resource, author: ChangeStamp): void {
  writeFields(doc, resource.id, resourceToFields(resource), author);
}

/** Deletes a record; its last version stays in the history, from which it can be restored. */
export function deleteRecord(doc: Y.Doc, id: string, author: ChangeStamp): void {
  const records = doc.getMap(ROOTS.records);
  if (!records.has(id)) return;
  doc.transact(() => {
    records.delete(id);
    appendHistory(doc, [entry(id, null, author)]);
  });
}

/** A record's versions, oldest first (concurrent changes from two devices are both there). */
export function recordHistory(doc: Y.Doc, id: string): HistoryEntry[] {
  const versions: HistoryEntry[] = [];
  for (const value of history(doc).toArray()) {
    const read = readEntry(value);
    if (read && read.id === id) versions.push(read);
  }
  return versions;
}

/** Puts an older version of a record back (a new version, so the restore itself is in the history too). */
export function restoreVersion(doc: Y.Doc, version: HistoryEntry, author: ChangeStamp): void {
  if (version.fields === null) deleteRecord(doc, version.id, author);
  else writeFields(doc, version.id, version.fields, author);
}

/** Writes a version of each given record as it is now (an undo's result), without changing the records. */
export function noteVersions(
  doc: Y.Doc,
  versions: readonly { readonly id: string; readonly fields: RecordFields | null }[],
  author: ChangeStamp,
): void {
  appendHistory(
    doc,
    versions.map((v) => entry(v.id, v.fields, author)),
  );
}

function writeFields(doc: Y.Doc, id: string, fields: RecordFields, author: ChangeStamp): void {
  const records = doc.getMap(ROOTS.records);
  doc.transact(() => {
    let record = records.get(id);
    if (!(record instanceof Y.Map)) {
      record = new Y.Map<string>();
      records.set(id, record);
    }
    const map = record as Y.Map<unknown>;
    for (const key of [...map.keys()]) {
      if (!Object.hasOwn(fields, key) && !key.startsWith('changedBy') && key !== 'changedAt') map.delete(key);
    }
    for (const [key, value] of Object.entries(fields)) if (map.get(key) !== value) map.set(key, value);
    map.set('changedByOrg', author.org);
    map.set('changedByName', author.name);
    map.set('changedAt', author.at);
    appendHistory(doc, [entry(id, fields, author)]);
  });
}

function history(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray(ROOTS.history);
}

/**
 * Adds entries at the end of the history. Not `push`: Yjs's push walks the list from its start to find the last
 * item (32,000 records written took 16 s, and the time grows with the square); an insert at the length starts from the array's
 * search markers, so an office's upload of 100,000 records stays linear. The result is the same: both insert
 * after the last item this device knows.
 */
function appendHistory(doc: Y.Doc, entries: readonly Record<string, unknown>[]): void {
  const list = history(doc);
  list.insert(list.length, [...entries]);
}

function entry(id: string, fields: RecordFields | null, author: ChangeStamp): Record<string, unknown> {
  return { id, fields: fields ? { ...fields } : null, org: author.org, name: author.name, at: author.at };
}

/** A history entry as a peer stored it, or null when it is not one. */
function readEntry(value: unknown): HistoryEntry | null {
  if (!value || typeof value !== 'object') return null;
  const { id, fields, org, name, at } = value as Record<string, unknown>;
  if (
    typeof id !== 'string' ||
    typeof org !== 'string' ||
    typeof name !== 'string' ||
    typeof at !== 'string'
  ) {
    return null;
  }
  if (fields === null) return { id, fields: null, org, name, at };
  if (!fields || typeof fields !== 'object') return null;
  return { id, fields: plainFields(Object.entries(fields)), org, name, at };
}
