import { describe, expect, it } from 'vitest';
import {
  changedEditIds,
  editChangesBetween,
  withChangesFromElsewhere,
} from '../../src/domain/model/edits-elsewhere.ts';
import { record, startHistory, undo } from '../../src/domain/model/undo-history.ts';

type Edit = { v: string };
type Edits = Readonly<Record<string, Edit>>;
const x = { v: 'x' };
const y = { v: 'y' };
const z = { v: 'z' };
const theirs = { v: 'theirs' };

describe('changedEditIds', () => {
  it.each<{ before: Edits; after: Edits; ids: string[] }>([
    { before: {}, after: {}, ids: [] },
    { before: { a: x }, after: { a: x }, ids: [] },
    { before: { a: x, b: y }, after: { a: x, c: z }, ids: ['b', 'c'] },
    { before: { a: x }, after: { a: { v: 'x' } }, ids: ['a'] },
    { before: { a: x }, after: {}, ids: ['a'] },
  ])('$before → $after: $ids', ({ before, after, ids }) => {
    expect(changedEditIds(before, after).sort()).toEqual(ids);
  });
});

describe('withChangesFromElsewhere', () => {
  // This tab corrected a (x), then b (y); another tab then corrected c.
  const mine = record<Edits>(record<Edits>(startHistory<Edits>({}), { a: x }), { a: x, b: y });

  it('writes another tab’s correction into every state: undoing this tab’s steps keeps it', () => {
    const merged = withChangesFromElsewhere(mine, new Map([['c', theirs]]));
    expect(merged.present).toEqual({ a: x, b: y, c: theirs });
    const once = undo(merged);
    expect(once.present).toEqual({ a: x, c: theirs });
    expect(undo(once).present).toEqual({ c: theirs });
  });

  it('takes another tab’s undo (null) out of every state', () => {
    const merged = withChangesFromElsewhere(mine, new Map([['a', null]]));
    expect(merged.present).toEqual({ b: y });
    expect(undo(merged).present).toEqual({});
  });

  it('lets the other tab’s later correction of the same record stand in every state', () => {
    const merged = withChangesFromElsewhere(mine, new Map([['a', theirs]]));
    expect(merged.present).toEqual({ a: theirs, b: y });
    expect(undo(merged).present).toEqual({ a: theirs });
  });

  it('keeps the redo list consistent too', () => {
    const undone = undo(mine);
    const merged = withChangesFromElsewhere(undone, new Map([['c', theirs]]));
    expect(merged.future).toEqual([{ a: x, b: y, c: theirs }]);
  });

  it('returns the same history when nothing changes (no needless re-render or write)', () => {
    expect(withChangesFromElsewhere(mine, new Map())).toBe(mine);
    const allHaveA = record<Edits>(startHistory<Edits>({ a: x }), { a: x, b: y });
    expect(withChangesFromElsewhere(allHaveA, new Map([['a', x]]))).toBe(allHaveA);
    expect(withChangesFromElsewhere(mine, new Map([['q', null]]))).toBe(mine);
  });
});

describe('editChangesBetween', () => {
  it('names what turns one state into another: set or removed', () => {
    expect(editChangesBetween({ a: x, b: y }, { a: x, c: z })).toEqual(
      new Map<string, unknown>([
        ['b', null],
        ['c', z],
      ]),
    );
  });
});
