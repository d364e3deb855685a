import type { Resource } from '../model/resource.ts';

/** Positions as two parallel arrays by resource index (NaN where a resource has none): cheap to send to a worker. */
export interface PositionColumns {
  readonly lat: Float64Array;
  readonly lng: Float64Array;
}

/** Copies resource positions into columns, in resource order. */
export function positionColumns(resources: readonly Resource[]): PositionColumns {
  const lat = new Float64Array(resources.length).fill(Number.NaN);
  const lng = new Float64Array(resources.length).fill(Number.NaN);
  resources.forEach((r, i) => {
    if (r.position) {
      lat[i] = r.position[0];
      lng[i] = r.position[1];
    }
  });
  return { lat, lng };
}

/** Every resource index of the columns, as the "all visible" set that clustering takes. */
export function everyIndex(columns: PositionColumns): Int32Array {
  const all = new Int32Array(columns.lat.length);
  for (let i = 0; i < all.length; i++) all[i] = i;
  return all;
}
