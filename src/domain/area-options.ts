import { zhHantCollator } from './collation.ts';
import type { SearchColumns } from './search-columns.ts';

/**
 * Counties present in the data, with their towns, for the county/town filter (zh-Hant collation). Read from the
 * search columns' place codes: no pass over the records themselves.
 */
export function areaOptionsOf(columns: SearchColumns): { county: string; towns: string[] }[] {
  if (columns.category.length === 0) return [];
  const towns = new Map<number, Set<number>>();
  for (let k = 0; k < columns.county.length; k++) {
    const county = columns.county[k] as number;
    let set = towns.get(county);
    if (!set) {
      set = new Set();
      towns.set(county, set);
    }
    set.add(columns.town[k] as number);
  }
  const collator = zhHantCollator();
  return [...towns.entries()]
    .map(([county, set]) => ({
      county: columns.counties[county] ?? '',
      towns: [...set].map((t) => columns.towns[t] ?? '').filter((t) => t !== ''),
    }))
    .filter((o) => o.county !== '')
    .sort((a, b) => collator.compare(a.county, b.county))
    .map((o) => ({ county: o.county, towns: o.towns.sort(collator.compare) }));
}
