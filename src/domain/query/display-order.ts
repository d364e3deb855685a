import { zhHantCollator } from '../model/collation.ts';
import type { Resource } from '../model/resource.ts';

/**
 * County, then town, in zh-Hant collation (stroke order), then name in code-point order (radical-stroke for
 * Chinese). Collating only the few distinct places keeps 100,000 records to a fast integer sort.
 */
export function displayOrder(resources: readonly Resource[]): number[] {
  if (resources.length === 0) return [];
  const collator = zhHantCollator();
  const rank = (values: Iterable<string>) =>
    new Map([...new Set(values)].sort(collator.compare).map((value, i) => [value, i] as const));
  const countyRank = rank(resources.map((r) => r.county));
  const townRank = rank(resources.map((r) => r.town));
  // Grouped by place first, then each (small) group sorted by name: far fewer comparisons than one big sort.
  const groups = new Map<number, number[]>();
  resources.forEach((r, i) => {
    const key = (countyRank.get(r.county) ?? 0) * 1_000_000 + (townRank.get(r.town) ?? 0);
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  const names = resources.map((r) => r.name);
  const byName = (a: number, b: number) => {
    const na = names[a] as string;
    const nb = names[b] as string;
    return na < nb ? -1 : na > nb ? 1 : a - b;
  };
  const order: number[] = [];
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    for (const i of (groups.get(key) as number[]).sort(byName)) order.push(i);
  }
  return order;
}

/**
 * The resources rearranged in display order, so that their display order is 0, 1, 2…: the records a list shows
 * first are then the first records, which a list made in chunks (domain/lazy-list.ts) makes first.
 */
export function inDisplayOrder<T extends Resource>(resources: readonly T[]): T[] {
  return displayOrder(resources).map((i) => resources[i] as T);
}

/** 0, 1, … n − 1: the display order of resources already in display order. */
export function identityOrder(n: number): number[] {
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  return order;
}
