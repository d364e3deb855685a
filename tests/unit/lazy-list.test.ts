import { describe, expect, it } from 'vitest';
import { lazyList, makeNextChunk } from '../../src/domain/publish/lazy-list.ts';

const ITEMS = Array.from({ length: 10 }, (_, i) => ({ i, name: `item ${i}` }));

/** A lazy list of ITEMS in chunks of 4 (4 + 4 + 2), and the chunks it has made so far. */
function fixture() {
  const made: number[] = [];
  const list = lazyList(ITEMS.length, 4, (chunk) => {
    made.push(chunk);
    return ITEMS.slice(chunk * 4, chunk * 4 + 4).map((item) => ({ ...item }));
  });
  return { list, made };
}

describe('lazyList', () => {
  it.each([
    ['length', (l: readonly unknown[]) => l.length, []],
    ['Array.isArray', (l: readonly unknown[]) => Array.isArray(l), []],
    ['one item', (l: readonly unknown[]) => l[5], [1]],
    ['the last item', (l: readonly unknown[]) => l.at(-1), [2]],
    ['an index past the end', (l: readonly unknown[]) => l[10], []],
    ['a slice', (l: readonly unknown[]) => l.slice(3, 5), [0, 1]],
    ['`in`', (l: readonly unknown[]) => 9 in l, [2]],
    ['map', (l: readonly unknown[]) => l.map((x) => x), [0, 1, 2]],
    ['for…of', (l: readonly unknown[]) => [...l], [0, 1, 2]],
    ['JSON.stringify', (l: readonly unknown[]) => JSON.stringify(l), [0, 1, 2]],
    ['Object.keys', (l: readonly unknown[]) => Object.keys(l).length, [0, 1, 2]],
  ] as const)('makes only the chunks that %s reads', (_, read, chunks) => {
    const { list, made } = fixture();
    read(list);
    expect(made).toEqual(chunks);
  });

  it('equals the plain list, for every way of reading it', () => {
    const { list } = fixture();
    expect(list).toEqual(ITEMS);
    expect(JSON.parse(JSON.stringify(list))).toEqual(ITEMS);
    expect(list.filter((x) => x.i % 3 === 0).map((x) => x.i)).toEqual([0, 3, 6, 9]);
    expect(list.indexOf(list[7] as (typeof ITEMS)[number])).toBe(7);
    expect([...list, ...list]).toHaveLength(20);
    expect(Object.keys(list)).toEqual(ITEMS.map((_, i) => String(i)));
  });

  it('makes each chunk once, and hands out the same items every time', () => {
    const { list, made } = fixture();
    const first = list[1];
    expect(list[2]).toBe(list[2]);
    expect(list[1]).toBe(first);
    [...list];
    expect(made.sort()).toEqual([0, 1, 2]);
  });

  it('is made whole, a chunk per call, by makeNextChunk', () => {
    const { list, made } = fixture();
    void list[5];
    expect(makeNextChunk(list)).toBe(true);
    expect(made).toEqual([1, 0]);
    expect(makeNextChunk(list)).toBe(false);
    expect(made).toEqual([1, 0, 2]);
    expect(makeNextChunk(list)).toBe(false);
    expect(makeNextChunk(ITEMS)).toBe(false);
  });

  it('refuses writes, as the read-only list it is', () => {
    const { list } = fixture();
    expect(() => {
      (list as unknown[])[0] = 'x';
    }).toThrow(TypeError);
    expect(() => (list as unknown[]).push('x')).toThrow(TypeError);
    expect(list).toHaveLength(10);
  });

  it('says which chunk is wrong when a chunk has too few or too many items', () => {
    const list = lazyList(10, 4, (chunk) => (chunk === 1 ? ['only one'] : ['a', 'b', 'c', 'd']));
    expect(list[0]).toBe('a');
    expect(() => list[4]).toThrow(/chunk 1 has 1 items, expected 4/);
  });
});
