import type * as Y from 'yjs';
import { noteVersions } from './record-history.ts';
import { type ChangeStamp, ROOTS } from './schema.ts';

/**
 * Deletes a source record in a local document (see `hidden` in schema.ts): a changed copy of it leaves `records`,
 * its id goes into `hidden` with who and when, and the deletion is a version without fields in the history.
 */
export function hideRecord(doc: Y.Doc, id: string, author: ChangeStamp): void {
  doc.transact(() => {
    const records = doc.getMap(ROOTS.records);
    if (records.has(id)) records.delete(id);
    doc.getMap(ROOTS.hidden).set(id, { org: author.org, name: author.name, at: author.at });
    noteVersions(doc, [{ id, fields: null }], author);
  });
}

/** The ids of the source records a local document deleted. */
export function hiddenIds(doc: Y.Doc): string[] {
  return [...doc.getMap(ROOTS.hidden).keys()];
}
