import type { Resource } from '../model/resource.ts';
import { parseChangeWord, WORKSHOP_COLUMNS, type WorkshopChange } from './workshop-record.ts';

/**
 * What a workshop changed, kept apart from the source data: records it added, edited copies of source records,
 * and ids of source records it deleted. The store shows it as a layer of kind 'workshop' plus edits and
 * deletions; exports write it out on its own.
 */
export interface WorkshopDoc {
  readonly additions: readonly Resource[];
  readonly edits: Readonly<Record<string, Resource>>;
  readonly deletions: readonly string[];
}

/** A workshop that has changed nothing yet. */
export const EMPTY_WORKSHOP: WorkshopDoc = { additions: [], edits: {}, deletions: [] };

/** Whether a workshop has changed nothing. */
export function isEmptyWorkshop(doc: WorkshopDoc): boolean {
  return doc.additions.length === 0 && Object.keys(doc.edits).length === 0 && doc.deletions.length === 0;
}

/** Adds a record (or replaces the addition with the same id). */
export function addRecord(doc: WorkshopDoc, resource: Resource): WorkshopDoc {
  const exists = doc.additions.some((r) => r.id === resource.id);
  return {
    ...doc,
    additions: exists
      ? doc.additions.map((r) => (r.id === resource.id ? resource : r))
      : [...doc.additions, resource],
  };
}

/** Stores a changed record: an addition is replaced in place; a source record gets an edited copy. */
export function changeRecord(doc: WorkshopDoc, resource: Resource): WorkshopDoc {
  if (doc.additions.some((r) => r.id === resource.id)) return addRecord(doc, resource);
  return { ...doc, edits: { ...doc.edits, [resource.id]: resource } };
}

/** Deletes a record: an addition disappears; a source record is listed as deleted (its edit is dropped). */
export function deleteRecord(doc: WorkshopDoc, id: string): WorkshopDoc {
  if (doc.additions.some((r) => r.id === id)) {
    return { ...doc, additions: doc.additions.filter((r) => r.id !== id) };
  }
  const { [id]: _dropped, ...edits } = doc.edits;
  return { ...doc, edits, deletions: doc.deletions.includes(id) ? doc.deletions : [...doc.deletions, id] };
}

/**
 * Merges records read back from a workshop export into a workshop: rows marked 新增 (or unmarked) become
 * additions, 修改 edited copies, 刪除 deletions. Existing entries with the same id are replaced.
 */
export function mergeWorkshopRecords(doc: WorkshopDoc, records: readonly Resource[]): WorkshopDoc {
  let next = doc;
  for (const record of records) {
    const change = parseChangeWord(record.extra[WORKSHOP_COLUMNS.change]) ?? 'added';
    if (change === 'deleted') next = deleteRecord(next, record.id);
    else if (change === 'edited') next = { ...next, edits: { ...next.edits, [record.id]: record } };
    else next = addRecord(next, record);
  }
  return next;
}

/** One exported row: the record and what the workshop did to it. */
export interface WorkshopRow {
  readonly change: WorkshopChange;
  readonly resource: Resource;
}

/**
 * The rows to hand back: additions, then edited source records, then deleted ones (with their source data, so
 * the office can see what was removed). `source` finds a deleted record's original.
 */
export function workshopRows(doc: WorkshopDoc, source: (id: string) => Resource | undefined): WorkshopRow[] {
  const rows: WorkshopRow[] = doc.additions.map((resource) => ({ change: 'added', resource }));
  for (const resource of Object.values(doc.edits)) rows.push({ change: 'edited', resource });
  for (const id of doc.deletions) {
    const resource = source(id);
    if (resource) rows.push({ change: 'deleted', resource });
  }
  return rows;
}
