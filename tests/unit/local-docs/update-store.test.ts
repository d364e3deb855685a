import { describe, expect, it } from 'vitest';
import { COMPACT_AT, compactionPlan, revisionOf } from '../../../src/services/local-docs/update-store.ts';

const keys = (count: number, first = 1) => Array.from({ length: count }, (_, i) => first + i);

describe('when the stored updates are replaced by the whole state, and which keys go', () => {
  it.each([
    { case: 'none stored', read: [], force: false, plan: null },
    { case: 'one short of the threshold', read: keys(COMPACT_AT - 1), force: false, plan: null },
    { case: 'the threshold', read: keys(COMPACT_AT), force: false, plan: { deleteUpTo: COMPACT_AT } },
    {
      case: 'after an earlier compaction (keys not from 1)',
      read: keys(COMPACT_AT + 3, 801),
      force: false,
      plan: { deleteUpTo: 801 + COMPACT_AT + 2 },
    },
    { case: 'forced, a few stored', read: [4, 9, 12], force: true, plan: { deleteUpTo: 12 } },
    {
      case: 'forced, none stored: only the state is written',
      read: [],
      force: true,
      plan: { deleteUpTo: null },
    },
  ])('$case', ({ read, force, plan }) => {
    expect(compactionPlan(read, force)).toEqual(plan);
  });
});

describe('the revision kept beside a document', () => {
  it.each([
    { case: 'none kept', value: undefined, revision: 0 },
    { case: 'zero', value: 0, revision: 0 },
    { case: 'a time in ms', value: 1_796_000_000_000, revision: 1_796_000_000_000 },
  ])('$case reads $revision', ({ value, revision }) => {
    expect(revisionOf(value)).toBe(revision);
  });

  it.each([
    { case: 'a string', value: '12' },
    { case: 'negative', value: -1 },
    { case: 'a fraction', value: 1.5 },
    { case: 'not a number', value: Number.NaN },
    { case: 'null', value: null },
  ])('$case is an error, not 0', ({ value }) => {
    expect(() => revisionOf(value)).toThrow(/not a whole number/);
  });
});
