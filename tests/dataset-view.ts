import type { Dataset } from '../src/domain/query/dataset.ts';
import { recordText } from '../src/domain/query/search-columns.ts';

/**
 * A dataset as what it means, independent of where each record sits in the list and which code each place got:
 * the records in display order with their search entry, position and start year, and the counted facts. Two
 * datasets that show the same thing describe alike.
 */
export function describeDataset(dataset: Dataset) {
  const { order, columns, resources, positions, startYears } = dataset;
  const rows = order.map((i, k) => ({
    id: resources[i]?.id,
    text: recordText(columns, k),
    category: columns.categoryIds[columns.category[k] as number],
    county: columns.counties[columns.county[k] as number],
    town: columns.towns[columns.town[k] as number],
    tags: columns.tagIds.filter((_, bit) => {
      const word = columns.tagBits[k * columns.tagWords + (bit >>> 5)] as number;
      return (word & (1 << (bit & 31))) !== 0;
    }),
    lat: positions.lat[i],
    lng: positions.lng[i],
    year: startYears[i],
    sample: dataset.samples[i],
  }));
  const totals: Record<string, number> = {};
  columns.categoryIds.forEach((id, code) => {
    const n = dataset.categoryTotals[code] ?? 0;
    if (n > 0) totals[id] = n;
  });
  return {
    rows,
    totals,
    bounds: dataset.bounds,
    areaOptions: dataset.areaOptions,
    internalCount: dataset.internalCount,
    count: resources.length,
  };
}
