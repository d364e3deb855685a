import type { Resource } from './resource.ts';

/** Counties present in the data, with their towns, for the county/town filter. */
export function areaOptions(resources: readonly Resource[]): { county: string; towns: string[] }[] {
  const towns = new Map<string, Set<string>>();
  for (const r of resources) {
    if (!r.county) continue;
    const set = towns.get(r.county) ?? new Set<string>();
    if (r.town) set.add(r.town);
    towns.set(r.county, set);
  }
  const collator = new Intl.Collator('zh-Hant-TW');
  return [...towns.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([county, set]) => ({ county, towns: [...set].sort(collator.compare) }));
}
