import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StoredClocks } from '../../../src/services/local-docs/stored-clocks.ts';

/** A document's updates, one per transaction, as y-indexeddb stores them. */
function transactions(count: number) {
  const doc = new Y.Doc();
  doc.clientID = 7;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getMap('records').set(`r${i}`, `value ${i}`);
  return { doc, updates };
}

describe('what the updates read back hold', () => {
  it.each([
    { case: 'every update, in order', read: [0, 1, 2, 3], covered: true },
    { case: 'every update, out of order', read: [2, 0, 3, 1], covered: true },
    { case: 'the last one lost', read: [0, 1, 2], covered: false },
    { case: 'one in the middle lost', read: [0, 1, 3], covered: false },
    { case: 'the first one lost', read: [1, 2, 3], covered: false },
  ])('$case', ({ read, covered }) => {
    const { doc, updates } = transactions(4);
    const clocks = new StoredClocks();
    for (const i of read) clocks.add(Y.parseUpdateMeta(updates[i] as Uint8Array));
    expect(clocks.upTo(7) >= Y.getState(doc.store, 7)).toBe(covered);
  });

  it('a whole state written again (a trim, a retry) covers what was lost', () => {
    const { doc, updates } = transactions(4);
    const clocks = new StoredClocks();
    clocks.add(Y.parseUpdateMeta(updates[0] as Uint8Array));
    expect(clocks.upTo(7)).toBeLessThan(Y.getState(doc.store, 7));
    clocks.add(Y.parseUpdateMeta(Y.encodeStateAsUpdate(doc)));
    expect(clocks.upTo(7)).toBe(Y.getState(doc.store, 7));
    expect(clocks.upTo(8)).toBe(0);
  });
});
