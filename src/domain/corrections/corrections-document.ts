import type * as Y from 'yjs';
import type { BuildContext } from '../loading/build-resource.ts';
import type { EditMap } from '../model/edit-map.ts';
import type { Resource } from '../model/resource.ts';
import { hideRecord, mergedInto } from '../shared-map/hidden-records.ts';
import { readRecordChanges } from '../shared-map/record-changes.ts';
import { deleteRecord, noteVersions, writeRecord } from '../shared-map/record-history.ts';
import { type ChangeStamp, ROOTS } from '../shared-map/schema.ts';

/**
 * The office's corrections as a local document of the shared map's model (schema.ts, `local/corrections`):
 * a corrected source record (the default data, an imported file) is a record of `records` holding the whole
 * corrected copy; a duplicate merged into another record is an id of `hidden` whose entry names the record it
 * went into (`into`), and the record it went into is corrected with what the duplicate knew. Every write is a
 * version in the history, stamped with who and when.
 *
 * As the store shows them, corrections are an EditMap: record id → the record to show in its place. A merged
 * duplicate maps to the record it went into (another id), which hides it on the map (see derived.ts).
 */

/** A problem with one correction read back: a record that does not pass the import's validation. */
export interface CorrectionIssue {
  readonly recordId: string;
  readonly code: string;
}

/** The corrections as the store shows them, and what could not be read. */
export interface Corrections {
  readonly edits: EditMap<Resource>;
  readonly issues: readonly CorrectionIssue[];
}

/** Writes a corrected copy of a source record. */
export function writeCorrection(doc: Y.Doc, resource: Resource, author: ChangeStamp): void {
  doc.transact(() => {
    // A record corrected again after a merge took it away is shown again: its hidden entry goes.
    const hidden = doc.getMap(ROOTS.hidden);
    if (hidden.has(resource.id)) hidden.delete(resource.id);
    writeRecord(doc, resource, author);
  });
}

/** Merges a duplicate into the record kept, in one transaction: `merged` is the kept record with what both knew. */
export function writeMerge(doc: Y.Doc, merged: Resource, duplicateId: string, author: ChangeStamp): void {
  if (duplicateId === merged.id) return;
  doc.transact(() => {
    writeRecord(doc, merged, author);
    hideRecord(doc, duplicateId, author, merged.id);
  });
}

/**
 * Takes the corrections of these records away, in one transaction (their file was removed or replaced, or the
 * office went back to the default data): the record shows as its source has it again. A duplicate merged into one
 * of them comes back too.
 */
export function dropCorrections(doc: Y.Doc, ids: Iterable<string>, author: ChangeStamp): void {
  const gone = new Set(ids);
  const records = doc.getMap(ROOTS.records);
  const hidden = doc.getMap(ROOTS.hidden);
  for (const id of hidden.keys()) {
    const into = mergedInto(doc, id);
    if (into !== undefined && gone.has(into)) gone.add(id);
  }
  doc.transact(() => {
    const unhidden: string[] = [];
    for (const id of gone) {
      if (records.has(id)) deleteRecord(doc, id, author);
      if (hidden.has(id)) {
        hidden.delete(id);
        unhidden.push(id);
      }
    }
    if (unhidden.length > 0)
      noteVersions(
        doc,
        unhidden.map((id) => ({ id, fields: null })),
        author,
      );
  });
}

/** Every id the document corrects: corrected records and merged duplicates. */
export function correctedIds(doc: Y.Doc): string[] {
  return [...new Set([...doc.getMap(ROOTS.records).keys(), ...doc.getMap(ROOTS.hidden).keys()])];
}

/**
 * The corrections after a change of these ids (null: read them all), through the import's validation: a record
 * that does not pass is an issue, never shown half-read. Ids not touched keep their object from `previous`, so
 * the store's projection changes only what changed. A merged duplicate maps to the record it went into when the
 * document corrects that record; a merge whose kept record is gone (removed in another tab) is an issue.
 */
export function readCorrections(
  doc: Y.Doc,
  ctx: BuildContext,
  since?: { readonly previous: Corrections; readonly ids: ReadonlySet<string> },
): Corrections {
  const ids = since ? since.ids : new Set(correctedIds(doc));
  const edits: Record<string, Resource> = {};
  const issues: CorrectionIssue[] = [];
  if (since) {
    for (const [id, resource] of Object.entries(since.previous.edits))
      if (!ids.has(id)) Object.defineProperty(edits, id, entry(resource));
    for (const issue of since.previous.issues) if (!ids.has(issue.recordId)) issues.push(issue);
  }
  const { put, removed } = readRecordChanges(doc, ids, ctx);
  const records = doc.getMap(ROOTS.records);
  for (const resource of put) Object.defineProperty(edits, resource.id, entry(resource));
  for (const id of removed) if (records.has(id)) issues.push({ recordId: id, code: 'malformed-record' });
  // Merged duplicates: after every record is read, so a merge and its kept record read in one pass. A duplicate
  // merged into a record whose correction changed later follows it.
  const hidden = doc.getMap(ROOTS.hidden);
  for (const id of since ? hidden.keys() : ids) {
    if (!hidden.has(id)) continue;
    const into = mergedInto(doc, id);
    const kept = into === undefined ? undefined : edits[into];
    if (kept) Object.defineProperty(edits, id, entry(kept));
    else if (since === undefined || ids.has(id) || (into !== undefined && ids.has(into))) {
      delete edits[id];
      issues.push({ recordId: id, code: 'merged-into-missing' });
    }
  }
  return { edits, issues };
}

/** A property of its own for an id (one named __proto__ too). */
function entry(value: Resource): PropertyDescriptor {
  return { value, enumerable: true, writable: true, configurable: true };
}

/** Writes corrections kept before documents (crm-imports' per-record entries) into a document, in one transaction. */
export function writeOldCorrections(doc: Y.Doc, edits: EditMap<Resource>, author: ChangeStamp): void {
  doc.transact(() => {
    for (const [id, resource] of Object.entries(edits)) {
      if (resource.id === id) writeRecord(doc, resource, author);
    }
    for (const [id, resource] of Object.entries(edits)) {
      if (resource.id !== id) hideRecord(doc, id, author, resource.id);
    }
  });
}
