import type * as Y from 'yjs';
import { type ChangeStamp, ROOTS } from './schema.ts';

/**
 * A county document's note that it holds the deployment's default data: the office's upload of today's records
 * (the default data, imports and local corrections) sets it in the upload's last transaction. From then on the
 * county's document is the map and the default data steps aside on every device; before it, records the office
 * added or approved by hand sit on top of the default data, which stays on show (and the upload stays offered).
 * Kept in the document's `meta` root as `defaultData: { at, by, count }`.
 */
export interface DefaultDataMark {
  /** When the upload was made (ISO 8601). */
  readonly at: string;
  /** Who made it: the organisation and display name. */
  readonly by: string;
  /** How many records it put in. */
  readonly count: number;
}

const KEY = 'defaultData';

/** Notes in a county document that it now holds the default data (called inside the upload's transaction). */
export function markDefaultData(doc: Y.Doc, stamp: ChangeStamp, count: number): void {
  const by = stamp.name === stamp.org ? stamp.org : `${stamp.org}・${stamp.name}`;
  doc.getMap(ROOTS.meta).set(KEY, { at: stamp.at, by, count });
}

/** The document's note, or null when it has none (or a peer wrote something that is not one). */
export function readDefaultDataMark(doc: Y.Doc): DefaultDataMark | null {
  const value: unknown = doc.getMap(ROOTS.meta).get(KEY);
  if (!value || typeof value !== 'object') return null;
  const { at, by, count } = value as Record<string, unknown>;
  if (typeof at !== 'string' || typeof by !== 'string') return null;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return null;
  return { at, by, count };
}
