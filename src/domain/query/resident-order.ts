import type { Resource } from '../model/resource.ts';
import { isSampleRecord } from '../model/sample-data.ts';
import type { Dataset } from './dataset.ts';

/**
 * Where each record comes in a resident's list without a location: 0 for a real record of the county the map is
 * for, 1 for another real record, 2 for a sample (示範資料). Without a deployment county, real records are all 0.
 * Read from the dataset's columns (place codes, sample marks), not from the records: a pass over typed arrays.
 */
export function residentRanks(
  dataset: {
    readonly order: Dataset['order'];
    readonly columns: Pick<Dataset['columns'], 'county' | 'counties'>;
    readonly samples: Dataset['samples'];
  },
  county: string,
): Uint8Array {
  const { order, columns, samples } = dataset;
  const code = columns.counties.indexOf(county);
  const ranks = new Uint8Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    ranks[i] = samples[i] === 1 ? 2 : county === '' || columns.county[k] === code ? 0 : 1;
  }
  return ranks;
}

/**
 * The visible records in a resident's order: by rank (see residentRanks), display order kept within each rank.
 * e.g. Kinmen's real records, then Chiayi's, then the samples → (deployment 嘉義縣) Chiayi, Kinmen, samples.
 * The same list comes back when it already is in that order.
 */
export function residentOrder(visible: readonly number[], ranks: Uint8Array): readonly number[] {
  let sorted = true;
  for (let k = 1; k < visible.length && sorted; k++) {
    if ((ranks[visible[k] as number] ?? 0) < (ranks[visible[k - 1] as number] ?? 0)) sorted = false;
  }
  if (sorted) return visible;
  // A counting sort: count each rank, then place every index at its rank's next slot (two passes, no sorting).
  const counts = [0, 0, 0];
  for (let k = 0; k < visible.length; k++) {
    const rank = ranks[visible[k] as number] as number;
    counts[rank] = (counts[rank] as number) + 1;
  }
  const next = new Int32Array([0, counts[0] as number, (counts[0] as number) + (counts[1] as number)]);
  const ordered: number[] = new Array(visible.length);
  for (let k = 0; k < visible.length; k++) {
    const i = visible[k] as number;
    const rank = ranks[i] as number;
    const at = next[rank] as number;
    ordered[at] = i;
    next[rank] = at + 1;
  }
  return ordered;
}

/** The indexes of the real records of a county (where the first screen's map goes). */
export function realRecordsIn(resources: readonly Resource[], county: string): number[] {
  const indexes: number[] = [];
  resources.forEach((r, i) => {
    if (r.county === county && !isSampleRecord(r)) indexes.push(i);
  });
  return indexes;
}
