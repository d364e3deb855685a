import type * as Y from 'yjs';
import { ROOTS } from './schema.ts';

/**
 * A local document notes the stores of older versions of the app it was filled from once (the workshop's and the
 * office's IndexedDB before documents), so that no tab fills it from them again.
 */

/** Meta key of the stores a document was filled from once. */
const MIGRATED_FROM = 'migratedFrom';

/** Whether the document was filled from a store already (see noteMigrated). */
export function wasMigrated(doc: Y.Doc, from: string): boolean {
  const list = doc.getMap(ROOTS.meta).get(MIGRATED_FROM);
  return Array.isArray(list) && list.includes(from);
}

/** Notes that the document was filled from a store, so that it is not filled again (from another tab either). */
export function noteMigrated(doc: Y.Doc, from: string): void {
  const meta = doc.getMap(ROOTS.meta);
  const list = meta.get(MIGRATED_FROM);
  const before = Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  if (!before.includes(from)) meta.set(MIGRATED_FROM, [...before, from]);
}
