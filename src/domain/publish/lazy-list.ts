/**
 * A read-only list whose items are made in chunks, on first use: the first time any item of a chunk is read (by
 * index, iteration, or an array method), `readChunk` makes the whole chunk. A map of 100,000 records can then
 * open as soon as its index is ready; the records a screen shows are made in a few milliseconds, the rest while
 * the page is idle (see `makeNextChunk`).
 *
 * It is a real array behind a Proxy: `Array.isArray`, `length`, `for…of`, spread, `map`, `slice`, `JSON.stringify`
 * all behave as on the array itself. Not for structuredClone (a Proxy cannot be cloned): clone `[...list]`.
 */
export function lazyList<T>(
  count: number,
  chunkSize: number,
  readChunk: (chunk: number) => readonly T[],
): readonly T[] {
  const items: T[] = new Array(count);
  const made = new Uint8Array(Math.ceil(count / chunkSize));
  let pending = made.length;
  let next = 0;
  const make = (chunk: number) => {
    if (made[chunk]) return;
    made[chunk] = 1;
    pending--;
    const chunkItems = readChunk(chunk);
    const start = chunk * chunkSize;
    const expected = Math.min(chunkSize, count - start);
    if (chunkItems.length !== expected) {
      throw new Error(`lazyList: chunk ${chunk} has ${chunkItems.length} items, expected ${expected}`);
    }
    for (let k = 0; k < expected; k++) items[start + k] = chunkItems[k] as T;
  };
  /** The chunk an own-property key falls in, when the key is an index of the list. */
  const touch = (key: string | symbol) => {
    if (pending === 0 || typeof key !== 'string') return;
    const first = key.charCodeAt(0);
    if (first < 48 || first > 57) return;
    const index = Number(key);
    if (Number.isInteger(index) && index < count) make(Math.floor(index / chunkSize));
  };
  const list = new Proxy(items, {
    get(target, key) {
      touch(key);
      return Reflect.get(target, key);
    },
    has(target, key) {
      touch(key);
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      touch(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      while (pending > 0) makeNext();
      return Reflect.ownKeys(target);
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
  const makeNext = (): boolean => {
    while (next < made.length && made[next]) next++;
    if (next >= made.length) return false;
    make(next);
    return pending > 0;
  };
  loaders.set(list, makeNext);
  return list;
}

const loaders = new WeakMap<object, () => boolean>();

/**
 * Makes the next chunk of a lazy list not made yet; false once every chunk is made (and for any other list), so
 * that an idle callback can call it until the list is whole.
 */
export function makeNextChunk(list: readonly unknown[]): boolean {
  return loaders.get(list)?.() ?? false;
}
