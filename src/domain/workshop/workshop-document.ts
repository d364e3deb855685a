import * as Y from 'yjs';
import type { BuildContext } from '../loading/build-resource.ts';
import type { Resource } from '../model/resource.ts';
import { hiddenIds, hideRecord } from '../shared-map/hidden-records.ts';
import { readRecords, type SharedRecordIssue } from '../shared-map/read-records.ts';
import { readRecordChanges } from '../shared-map/record-changes.ts';
import { deleteRecord, writeRecord } from '../shared-map/record-history.ts';
import { type ChangeStamp, EXTRA_PREFIX, ROOTS } from '../shared-map/schema.ts';
import type { WorkshopDoc } from './workshop-doc.ts';
import { changeWord, parseChangeWord, WORKSHOP_COLUMNS, type WorkshopChange } from './workshop-record.ts';

/**
 * A workshop as a local document of the shared map's model (schema.ts, `local/workshop`): additions and changed
 * copies of source records are records of `records`, told apart by their 工作坊異動 column — 修改 is a changed
 * source record, anything else an addition (a workshop file's unmarked rows are additions) — and deleted source
 * records are ids in `hidden`. Every write is a version in the history, stamped with the facilitator's name.
 */

/** A record with the 工作坊異動 column saying what the workshop did to it. */
function withChange(resource: Resource, change: WorkshopChange): Resource {
  if (parseChangeWord(resource.extra[WORKSHOP_COLUMNS.change]) === change) return resource;
  return { ...resource, extra: { ...resource.extra, [WORKSHOP_COLUMNS.change]: changeWord(change) } };
}

/** Writes a record the workshop added ('added') or a changed copy of a source record ('edited'). */
export function writeWorkshopRecord(
  doc: Y.Doc,
  resource: Resource,
  change: 'added' | 'edited',
  author: ChangeStamp,
): void {
  writeRecord(doc, withChange(resource, change), author);
}

/** Whether a record of the document is one the workshop added (not a changed copy of a source record). */
function isAddition(doc: Y.Doc, id: string): boolean {
  const record = doc.getMap(ROOTS.records).get(id);
  if (!(record instanceof Y.Map)) return false;
  const mark = record.get(`${EXTRA_PREFIX}${WORKSHOP_COLUMNS.change}`);
  return parseChangeWord(typeof mark === 'string' ? mark : undefined) !== 'edited';
}

/** Deletes a record: an addition leaves `records`; a source record (changed or not) is hidden. */
export function deleteWorkshopRecord(doc: Y.Doc, id: string, author: ChangeStamp): void {
  if (isAddition(doc, id)) deleteRecord(doc, id, author);
  else hideRecord(doc, id, author);
}

/**
 * Merges records read back from a workshop export, in one transaction: rows marked 新增 (or unmarked) become
 * additions, 修改 changed copies, 刪除 deletions. A record with the same id is replaced.
 */
export function mergeWorkshopFile(doc: Y.Doc, records: readonly Resource[], author: ChangeStamp): void {
  doc.transact(() => {
    for (const record of records) {
      const change = parseChangeWord(record.extra[WORKSHOP_COLUMNS.change]) ?? 'added';
      if (change === 'deleted') deleteWorkshopRecord(doc, record.id, author);
      else writeWorkshopRecord(doc, record, change, author);
    }
  });
}

/** Writes a whole workshop (as the workshop's IndexedDB kept it before documents) into a document. */
export function writeWorkshop(doc: Y.Doc, workshop: WorkshopDoc, author: ChangeStamp): void {
  doc.transact(() => {
    for (const resource of workshop.additions) writeWorkshopRecord(doc, resource, 'added', author);
    for (const resource of Object.values(workshop.edits))
      writeWorkshopRecord(doc, resource, 'edited', author);
    for (const id of workshop.deletions) hideRecord(doc, id, author);
  });
}

/** Each record id's place in the order of first versions: records are listed in the order they first changed. */
function firstVersionOrder(doc: Y.Doc): Map<string, number> {
  const order = new Map<string, number>();
  doc.getArray(ROOTS.history).forEach((value, index) => {
    const id = (value as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && !order.has(id)) order.set(id, index);
  });
  return order;
}

/** The workshop's records in the order they first changed, told apart into additions and edits. */
function arrange(doc: Y.Doc, resources: readonly Resource[], hidden: readonly string[]): WorkshopDoc {
  const order = firstVersionOrder(doc);
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const sorted = [...resources].sort((a, b) => rank(a.id) - rank(b.id));
  const isEdit = (r: Resource) => parseChangeWord(r.extra[WORKSHOP_COLUMNS.change]) === 'edited';
  const additions = sorted.filter((r) => !isEdit(r));
  // fromEntries defines each id as its own key, even one named __proto__.
  const edits = Object.fromEntries(sorted.filter(isEdit).map((r) => [r.id, r]));
  const deletions = [...hidden].sort((a, b) => rank(a) - rank(b));
  return { additions, edits, deletions };
}

/**
 * The workshop after a change of a few records: only the records with these ids are read again (through the same
 * validation as `readWorkshopDocument`, whose result this equals); the others are taken from `previous`.
 */
export function rereadWorkshopRecords(
  doc: Y.Doc,
  previous: WorkshopDoc,
  ids: ReadonlySet<string>,
  ctx: BuildContext,
): WorkshopDoc {
  const { put } = readRecordChanges(doc, ids, ctx);
  const kept = [...previous.additions, ...Object.values(previous.edits)].filter((r) => !ids.has(r.id));
  const hidden = previous.deletions.filter((id) => !ids.has(id));
  const nowHidden = doc.getMap(ROOTS.hidden);
  for (const id of ids) if (nowHidden.has(id)) hidden.push(id);
  return arrange(doc, [...kept, ...put], hidden);
}

/**
 * Reads a local workshop document as the store shows it: additions, changed source records and deleted ids, each
 * in the order it first changed. Records pass the import's validation (`readRecords`); what fails is an issue.
 */
export function readWorkshopDocument(
  doc: Y.Doc,
  ctx: BuildContext,
): { workshop: WorkshopDoc; issues: SharedRecordIssue[] } {
  const { resources, issues } = readRecords(doc, ctx);
  return { workshop: arrange(doc, resources, hiddenIds(doc)), issues };
}
