import * as Y from 'yjs';
import type { ChangeStamp } from '../../../src/domain/shared-map/schema.ts';
import { contextFor } from '../load-context.ts';

/** The build context a shared document is read with in these tests. */
export const sharedCtx = contextFor({ file: 'org/minxiong' });

/** A change stamp at a fixed time, so that history entries compare. */
export const stamp = (org: string, at = '2026-12-06T09:00:00.000Z', name = `${org} 志工`): ChangeStamp => ({
  org,
  name,
  at,
});

/** Sends every change of `from` to `to` (as a provider would), both ways when asked. */
export function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** A record map written directly, as a peer that skips writeRecord could. */
export function rawRecord(doc: Y.Doc, id: string, entries: Record<string, unknown>): void {
  const record = new Y.Map<unknown>();
  doc.getMap('records').set(id, record);
  for (const [key, value] of Object.entries(entries)) record.set(key, value);
}
