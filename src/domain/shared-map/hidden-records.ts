import type * as Y from 'yjs';
import { noteVersions } from './record-history.ts';
import { type ChangeStamp, ROOTS } from './schema.ts';

/** A hidden source record: who hid it and when, and (a merged duplicate) the record it went into. */
export interface HiddenEntry extends ChangeStamp {
  readonly into?: string;
}

/**
 * Deletes a source record in a local document (see `hidden` in schema.ts): a changed copy of it leaves `records`,
 * its id goes into `hidden` with who and when, and the deletion is a version without fields in the history.
 * `into` names the record a merged duplicate went into.
 */
export function hideRecord(doc: Y.Doc, id: string, author: ChangeStamp, into?: string): void {
  doc.transact(() => {
    const records = doc.getMap(ROOTS.records);
    if (records.has(id)) records.delete(id);
    const entry: HiddenEntry = { org: author.org, name: author.name, at: author.at };
    doc.getMap(ROOTS.hidden).set(id, into === undefined ? entry : { ...entry, into });
    noteVersions(doc, [{ id, fields: null }], author);
  });
}

/** The ids of the source records a local document deleted. */
export function hiddenIds(doc: Y.Doc): string[] {
  return [...doc.getMap(ROOTS.hidden).keys()];
}

/** The record a hidden id went into (a merged duplicate), or undefined (deleted, or an entry that names none). */
export function mergedInto(doc: Y.Doc, id: string): string | undefined {
  const entry = doc.getMap(ROOTS.hidden).get(id) as { into?: unknown } | null | undefined;
  const into = typeof entry === 'object' && entry !== null ? entry.into : undefined;
  return typeof into === 'string' && into !== '' && into !== id ? into : undefined;
}
