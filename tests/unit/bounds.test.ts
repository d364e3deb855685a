import { describe, expect, it } from 'vitest';
import { boundsOf } from '../../src/domain/geo/bounds.ts';
import { positionColumns } from '../../src/domain/geo/position-columns.ts';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';

const at = (lat: number, lng: number) => ({ position: toLatLng(lat, lng) }) as Resource;
const unplaced = { position: null } as unknown as Resource;
const positions = positionColumns([at(23.5, 120.4), unplaced, at(24.4, 118.3), at(22.9, 121.1)]);

describe('boundsOf', () => {
  it.each([
    ['all placed ones', [0, 1, 2, 3], { south: 22.9, west: 118.3, north: 24.4, east: 121.1 }],
    ['one point: a box of zero size', [0], { south: 23.5, west: 120.4, north: 23.5, east: 120.4 }],
    ['only the unplaced one', [1], null],
    ['nothing', [], null],
    ['an index past the end is ignored', [0, 99], { south: 23.5, west: 120.4, north: 23.5, east: 120.4 }],
  ])('%s', (_, indexes, expected) => {
    expect(boundsOf(positions, indexes)).toEqual(expected);
  });
});
