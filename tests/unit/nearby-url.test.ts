import { describe, expect, it } from 'vitest';
import { nearbyStateFromSearch, nearbyStateToSearch } from '../../src/domain/link/nearby-params.ts';
import { toLatLng } from '../../src/domain/model/coordinates.ts';

describe('near-me link parameters', () => {
  it('reads a township, a radius and open-now', () => {
    expect(nearbyStateFromSearch('?near=嘉義縣民雄鄉&r=3&open=1&q=餐')).toEqual({
      reference: { kind: 'town', county: '嘉義縣', town: '民雄鄉' },
      radiusKm: 3,
      openNowOnly: true,
    });
  });

  it('reads a map point, and ignores one outside Taiwan or malformed', () => {
    expect(nearbyStateFromSearch('?near=23.54266,120.44425').reference).toEqual({
      kind: 'point',
      point: toLatLng(23.54266, 120.44425),
    });
    expect(nearbyStateFromSearch('?near=51.5,-0.12').reference).toBeNull();
    expect(nearbyStateFromSearch('?near=23.5;120.4').reference).toBeNull();
    expect(nearbyStateFromSearch('?near=民雄').reference).toBeNull();
  });

  it('only offers the radius choices, and open-now only as 1', () => {
    expect(nearbyStateFromSearch('?r=7&open=yes')).toMatchObject({ radiusKm: null, openNowOnly: false });
    expect(nearbyStateFromSearch('?r=10')).toMatchObject({ radiusKm: 10 });
  });

  it('writes its parameters and keeps everyone else’s', () => {
    const search = nearbyStateToSearch(
      {
        reference: { kind: 'point', point: toLatLng(23.542661234, 120.444251234) },
        radiusKm: 5,
        openNowOnly: true,
      },
      '?q=餐食&lang=en',
    );
    const p = new URLSearchParams(search);
    expect(p.get('near')).toBe('23.54266,120.44425');
    expect([p.get('r'), p.get('open'), p.get('q'), p.get('lang')]).toEqual(['5', '1', '餐食', 'en']);
  });

  it('drops the radius without a reference point, and clears what is off', () => {
    expect(
      nearbyStateToSearch({ reference: null, radiusKm: 5, openNowOnly: false }, '?near=x&r=5&open=1&id=a'),
    ).toBe('?id=a');
  });

  it('round-trips a township', () => {
    const state = {
      reference: { kind: 'town', county: '臺北市', town: '士林區' } as const,
      radiusKm: 1,
      openNowOnly: false,
    };
    expect(nearbyStateFromSearch(nearbyStateToSearch(state))).toEqual(state);
  });
});
