import type { Resource } from '../model/resource.ts';
import type { WorkshopChange } from './workshop-record.ts';

/**
 * What a workshop changed, kept apart from the source data: records it added, edited copies of source records,
 * and ids of source records it deleted. Read from the workshop's local document (workshop-document.ts); the store
 * shows it as a layer of kind 'workshop' plus edits and deletions; exports write it out on its own.
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
