import { zhHantCollator } from '../model/collation.ts';
import type { SearchColumns } from './search-columns.ts';

export interface AreaOption {
  readonly county: string;
  readonly towns: readonly string[];
}

/**
 * Counties present in the data, with their towns, for the county/town filter (zh-Hant collation). Read from the
 * search columns' place codes: no pass over the records themselves.
 */
export function areaOptionsOf(columns: SearchColumns): AreaOption[] {
  if (columns.category.length === 0) return [];
  // Each (county, town) pair once, marked in a table of all pairs: one pass over two typed columns, with no
  // map or set per record (100,000 records take well under a millisecond).
  const townCount = columns.towns.length + 1;
  const seen = new Uint8Array((columns.counties.length + 1) * townCount);
  const towns = new Map<number, number[]>();
  for (let k = 0; k < columns.county.length; k++) {
    const county = columns.county[k] as number;
    const town = columns.town[k] as number;
    const pair = county * townCount + town;
    if (seen[pair] === 1) continue;
    seen[pair] = 1;
    const list = towns.get(county);
    if (list) list.push(town);
    else towns.set(county, [town]);
  }
  const collator = zhHantCollator();
  return [...towns.entries()]
    .map(([county, set]) => ({
      county: columns.counties[county] ?? '',
      towns: set.map((t) => columns.towns[t] ?? '').filter((t) => t !== ''),
    }))
    .filter((o) => o.county !== '')
    .sort((a, b) => collator.compare(a.county, b.county))
    .map((o) => ({ county: o.county, towns: o.towns.sort(collator.compare) }));
}
