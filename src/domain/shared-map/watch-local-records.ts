import type * as Y from 'yjs';
import { touchedRecordIds } from './record-changes.ts';
import { ROOTS } from './schema.ts';

/** Above this many records touched at once (a file merged, IndexedDB's load), a local document is read whole. */
export const MOST_REREAD = 64;

/**
 * Watches a local document's `records` and `hidden` (schema.ts): `changed` is called once after each transaction
 * that touched them (this tab's, another tab's, or IndexedDB's), after an undo manager has counted it, with the
 * ids touched (null: more than MOST_REREAD, read it whole). Returns what stops watching.
 */
export function watchLocalRecords(
  doc: Y.Doc,
  changed: (ids: ReadonlySet<string> | null) => void,
): () => void {
  const roots = [doc.getMap(ROOTS.records), doc.getMap(ROOTS.hidden)];
  let touched: Set<string> | null = null;
  const mark = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    touched ??= new Set();
    for (const id of touchedRecordIds(events)) touched.add(id);
  };
  for (const root of roots) root.observeDeep(mark);
  const afterTransaction = () => {
    if (!touched) return;
    const ids = touched;
    touched = null;
    changed(ids.size > MOST_REREAD ? null : ids);
  };
  doc.on('afterTransaction', afterTransaction);
  return () => {
    for (const root of roots) root.unobserveDeep(mark);
    doc.off('afterTransaction', afterTransaction);
  };
}
