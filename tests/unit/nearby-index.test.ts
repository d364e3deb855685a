import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allByDistance,
  buildNearbyIndex,
  distancesByIndex,
  nearestResources,
} from '../../src/domain/geo/nearby-index.ts';
import { distanceMetres, toLatLng } from '../../src/domain/model/coordinates.ts';
import { placeAt } from './nearby-fixtures.ts';

const MINXIONG = toLatLng(23.5432, 120.4449);

// Around 民雄: a shop 1 km north, an association 3 km east, a centre 90 m away, one record without a position.
const resources = [
  placeAt('north-1km', [23.5522, 120.4449]),
  placeAt('no-position', null),
  placeAt('east-3km', [23.5432, 120.4743]),
  placeAt('centre-90m', [23.54266, 120.44425]),
  placeAt('kinmen', [24.4321, 118.3171]),
];

describe('nearestResources', () => {
  const index = buildNearbyIndex(resources);

  it('returns placed resources nearest first, with great-circle distances in metres', () => {
    const hits = nearestResources(index, MINXIONG);
    expect(hits.map((h) => resources[h.index]?.id)).toEqual([
      'centre-90m',
      'north-1km',
      'east-3km',
      'kinmen',
    ]);
    expect(hits[0]?.distance).toBeCloseTo(distanceMetres(MINXIONG, toLatLng(23.54266, 120.44425)), 6);
    expect(hits[1]?.distance).toBeGreaterThan(995);
    expect(hits[1]?.distance).toBeLessThan(1005);
  });

  it('stops at k results, and at a radius in metres', () => {
    expect(nearestResources(index, MINXIONG, { limit: 2 }).map((h) => resources[h.index]?.id)).toEqual([
      'centre-90m',
      'north-1km',
    ]);
    expect(nearestResources(index, MINXIONG, { maxMetres: 1500 }).map((h) => resources[h.index]?.id)).toEqual(
      ['centre-90m', 'north-1km'],
    );
    expect(nearestResources(index, MINXIONG, { limit: 0 })).toEqual([]);
  });

  it('cuts the radius exactly in metres (a point 40 cm beyond 1 km is out)', () => {
    const metresPerDegree = (6_371_008.8 * Math.PI) / 180;
    const justOut = placeAt('just-out', [MINXIONG[0] + 1000.4 / metresPerDegree, MINXIONG[1]]);
    const justIn = placeAt('just-in', [MINXIONG[0] - 999.6 / metresPerDegree, MINXIONG[1]]);
    const hits = nearestResources(buildNearbyIndex([justOut, justIn]), MINXIONG, { maxMetres: 1000 });
    expect(hits.map((h) => h.index)).toEqual([1]);
  });

  it('skips what `accept` rejects without letting it use up k', () => {
    const hits = nearestResources(index, MINXIONG, {
      limit: 2,
      accept: (i) => resources[i]?.id !== 'centre-90m',
    });
    expect(hits.map((h) => resources[h.index]?.id)).toEqual(['north-1km', 'east-3km']);
  });

  it('has nothing to offer when no resource has a position', () => {
    const empty = buildNearbyIndex([placeAt('a', null), placeAt('b', null)]);
    expect(empty.tree).toBeNull();
    expect(nearestResources(empty, MINXIONG)).toEqual([]);
    expect(nearestResources(buildNearbyIndex([]), MINXIONG)).toEqual([]);
  });

  it('agrees with sorting every record by distance (random points across Taiwan)', () => {
    const point = fc.record({
      lat: fc.double({ min: 21.9, max: 25.3, noNaN: true }),
      lng: fc.double({ min: 120, max: 122, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 300 }),
        point,
        fc.integer({ min: 1, max: 20 }),
        (points, q, k) => {
          const list = points.map((p, i) => placeAt(`r${i}`, [p.lat, p.lng]));
          const query = toLatLng(q.lat, q.lng);
          const hits = nearestResources(buildNearbyIndex(list), query, { limit: k });
          const brute = list
            .map((r, i) => ({ i, d: distanceMetres(query, r.position ?? query) }))
            .sort((a, b) => a.d - b.d)
            .slice(0, k);
          expect(hits.map((h) => h.distance)).toEqual(brute.map((b) => expect.closeTo(b.d, 3)));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('allByDistance', () => {
  it('orders every placed resource as the kd-tree walk does, and leaves out those without a position', () => {
    const index = buildNearbyIndex(resources);
    expect(allByDistance(index, MINXIONG)).toEqual(nearestResources(index, MINXIONG));
    expect(allByDistance(buildNearbyIndex([placeAt('x', null)]), MINXIONG)).toEqual([]);
  });

  it('agrees with sorting every record by distance (random points)', () => {
    const point = fc.record({
      lat: fc.double({ min: 21.9, max: 25.3, noNaN: true }),
      lng: fc.double({ min: 118, max: 122, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(point, { minLength: 0, maxLength: 200 }), point, (points, q) => {
        const list = points.map((p, i) => placeAt(`r${i}`, [p.lat, p.lng]));
        const query = toLatLng(q.lat, q.lng);
        const distances = allByDistance(buildNearbyIndex(list), query).map((h) => h.distance);
        const brute = list.map((r) => distanceMetres(query, r.position ?? query)).sort((a, b) => a - b);
        expect(distances).toHaveLength(brute.length);
        // Equal to within the 1 dm the ordering key keeps.
        for (const [i, d] of distances.entries())
          expect(Math.abs(d - (brute[i] ?? 0))).toBeLessThanOrEqual(0.1);
      }),
      { numRuns: 150 },
    );
  });
});

describe('distancesByIndex', () => {
  it('puts each hit at its resource index and NaN elsewhere', () => {
    const d = distancesByIndex([{ index: 2, distance: 10 }], 4);
    expect([...d].map((x) => (Number.isNaN(x) ? null : x))).toEqual([null, null, 10, null]);
  });
});
