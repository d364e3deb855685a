import type { Resource } from '../model/resource.ts';

const known = new WeakMap<readonly Resource[], boolean>();

/** Whether any record of the list is internal (內部資料): computed once per list, or told by the loading worker. */
export function listHasInternal(resources: readonly Resource[]): boolean {
  let value = known.get(resources);
  if (value === undefined) {
    value = resources.some((r) => r.visibility === 'internal');
    known.set(resources, value);
  }
  return value;
}

/** Remembers the answer for this very list, computed where the records were built. */
export function primeHasInternal(resources: readonly Resource[], value: boolean): void {
  known.set(resources, value);
}

/** The answer already known for this very list, without scanning it. */
export function knownHasInternal(resources: readonly Resource[]): boolean | undefined {
  return known.get(resources);
}
