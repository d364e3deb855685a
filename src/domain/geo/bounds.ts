import type { PositionColumns } from './position-columns.ts';

/** A box in WGS84 degrees. */
export interface Bounds {
  readonly south: number;
  readonly west: number;
  readonly north: number;
  readonly east: number;
}

/** The box around the placed resources among `indexes` (null when none is placed), in one pass, no copies. */
export function boundsOf(positions: PositionColumns, indexes: ArrayLike<number>): Bounds | null {
  let south = Number.POSITIVE_INFINITY;
  let west = Number.POSITIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k] as number;
    const lat = positions.lat[i] ?? Number.NaN;
    const lng = positions.lng[i] ?? Number.NaN;
    if (Number.isNaN(lat) || Number.isNaN(lng)) continue;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
    if (lng < west) west = lng;
    if (lng > east) east = lng;
  }
  return south <= north ? { south, west, north, east } : null;
}
