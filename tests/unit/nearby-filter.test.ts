import { describe, expect, it } from 'vitest';
import { narrowAndOrder } from '../../src/domain/query/nearby-filter.ts';
import { placeAt } from './nearby-fixtures.ts';

// Indexes 0..4; 3 has no position; 1 is a shop (another category).
const resources = [
  placeAt('a', [23.5, 120.5]),
  placeAt('shop', [23.5, 120.5], { category: 'friendly-shop' }),
  placeAt('far', [23.5, 120.5]),
  placeAt('nowhere', null),
  placeAt('closed', [23.5, 120.5]),
];
// What the ordinary filters let through (display order), with its category counts.
const matching = {
  visible: [0, 1, 2, 3, 4],
  categoryCounts: { 'community-association': 4, 'friendly-shop': 1 },
};
const hits = [
  { index: 4, distance: 50 },
  { index: 1, distance: 200 },
  { index: 0, distance: 900 },
  { index: 2, distance: 20_000 },
];

describe('narrowAndOrder', () => {
  it('orders by distance and keeps records without a position at the end when there is no radius', () => {
    const r = narrowAndOrder(resources, matching, [], { hits, radiusLimited: false, closed: null });
    expect(r.visible).toEqual([4, 1, 0, 2, 3]);
    expect(r.categoryCounts).toEqual({ 'community-association': 4, 'friendly-shop': 1 });
  });

  it('keeps only what lies within the radius (hits already stop there), so nothing without a position', () => {
    const r = narrowAndOrder(resources, matching, [], {
      hits: hits.slice(0, 3),
      radiusLimited: true,
      closed: null,
    });
    expect(r.visible).toEqual([4, 1, 0]);
    expect(r.categoryCounts).toEqual({ 'community-association': 2, 'friendly-shop': 1 });
  });

  it('hides what is known to be closed and nothing else', () => {
    const closed = Uint8Array.from([0, 0, 0, 0, 1]);
    const r = narrowAndOrder(resources, matching, [], { hits: null, radiusLimited: false, closed });
    expect(r.visible).toEqual([0, 1, 2, 3]);
    expect(r.categoryCounts).toEqual({ 'community-association': 3, 'friendly-shop': 1 });
  });

  it('counts a hidden category (what its checkbox would add) but does not list it', () => {
    const r = narrowAndOrder(resources, matching, ['friendly-shop'], {
      hits,
      radiusLimited: false,
      closed: null,
    });
    expect(r.visible).toEqual([4, 0, 2, 3]);
    expect(r.categoryCounts['friendly-shop']).toBe(1);
  });

  it('never lists what the ordinary filters left out', () => {
    const base = { visible: [0, 3], categoryCounts: { 'community-association': 2 } };
    const r = narrowAndOrder(resources, base, [], { hits, radiusLimited: false, closed: null });
    expect(r.categoryCounts).toEqual({ 'community-association': 2 });
    expect(r.visible).toEqual([0, 3]);
  });
});
