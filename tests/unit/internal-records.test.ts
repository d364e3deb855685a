import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/domain/model/resource.ts';
import { listHasInternal, primeHasInternal } from '../../src/domain/query/internal-records.ts';

const record = (visibility: 'public' | 'internal') => ({ visibility }) as Resource;

describe('listHasInternal', () => {
  it.each([
    ['no records', [], false],
    ['public records only', [record('public'), record('public')], false],
    ['one internal record among public ones', [record('public'), record('internal')], true],
  ])('%s', (_, list, expected) => {
    expect(listHasInternal(list)).toBe(expected);
  });

  it('uses the answer the loading worker gave for that very list, and only for it', () => {
    const list = [record('public')];
    primeHasInternal(list, true);
    expect(listHasInternal(list)).toBe(true);
    expect(listHasInternal([...list])).toBe(false);
  });
});
