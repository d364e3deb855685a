import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import { applyNearbyUrl, writeNearbyUrl } from '../../src/features/nearby/nearby-link-sync.ts';
import { useAppStore } from '../../src/store/app-store.ts';
import { selectFilterResult } from '../../src/store/data/derived.ts';
import {
  selectActiveNeedId,
  selectDistanceTo,
  selectOpenState,
} from '../../src/store/nearby/nearby-selectors.ts';
import { seedStore } from './fixtures.ts';
import { IN_MINXIONG } from './nearby-helpers.ts';

const device = { source: 'device', point: toLatLng(IN_MINXIONG.latitude, IN_MINXIONG.longitude) } as const;

afterEach(() => window.history.replaceState(null, '', '/'));

/** The count and the 民雄 centre's distance, read through the selectors the app uses. */
function Count() {
  const n = useAppStore((s) => selectFilterResult(s).visible.length);
  const d = useAppStore((s) => selectDistanceTo(s, 'chiayi-wc-minxiong'));
  return <p>{`${n} ${d === null ? '-' : Math.round(d)}`}</p>;
}

describe('near-me state in the store', () => {
  it('returns the same filter result for the same state (Zustand 5 would loop on a new array)', () => {
    seedStore();
    act(() => useAppStore.getState().setReference(device));
    const s = useAppStore.getState();
    expect(selectFilterResult(s)).toBe(selectFilterResult(s));
    act(() => useAppStore.getState().setQuery('民雄'));
    const typed = useAppStore.getState();
    expect(selectFilterResult(typed)).toBe(selectFilterResult(typed));
  });

  it('renders a component subscribed to the nearby result without looping', () => {
    seedStore();
    render(<Count />);
    act(() => useAppStore.getState().setReference(device));
    expect(screen.getByText(/^\d+ \d+$/)).toBeInTheDocument();
  });

  it('has no distance without a point or a position, and "pending" hours until the engine loads', () => {
    seedStore();
    const s = useAppStore.getState();
    expect(selectDistanceTo(s, 'chiayi-wc-minxiong')).toBeNull();
    expect(selectOpenState(s, 'sample-shop-001')).toBe(s.hoursReady ? 'closed' : 'pending');
    expect(selectOpenState(s, 'chiayi-wc-minxiong')).toBe('none');
  });

  it('knows which need the selected services stand for', () => {
    seedStore();
    act(() => useAppStore.getState().toggleService('meals', true));
    expect(selectActiveNeedId(useAppStore.getState())).toBe('meals');
    act(() => useAppStore.getState().toggleService('referral', true));
    expect(selectActiveNeedId(useAppStore.getState())).toBeNull();
  });
});

describe('near-me state in the URL', () => {
  it('never writes the device position, only a chosen township or map point', () => {
    seedStore();
    window.history.replaceState(null, '', '/?q=餐');
    act(() => {
      useAppStore.getState().setReference(device);
      useAppStore.getState().setRadius(3);
    });
    writeNearbyUrl();
    expect(window.location.search).toBe(`?q=${encodeURIComponent('餐')}`);

    act(() => useAppStore.getState().setReference({ source: 'map', point: toLatLng(23.54266, 120.44425) }));
    writeNearbyUrl();
    const p = new URLSearchParams(window.location.search);
    expect([p.get('near'), p.get('r'), p.get('q')]).toEqual(['23.54266,120.44425', '3', '餐']);
  });

  it('reads a township link as pending until the township list is there, and keeps the device point', () => {
    applyNearbyUrl('?near=嘉義縣民雄鄉&r=5&open=1');
    expect(useAppStore.getState()).toMatchObject({
      pendingTown: { county: '嘉義縣', town: '民雄鄉' },
      radiusKm: 5,
      openNowOnly: true,
    });
    act(() => useAppStore.getState().setReference(device));
    applyNearbyUrl('?q=x');
    expect(useAppStore.getState().reference?.source).toBe('device');
    applyNearbyUrl('?near=23.5,120.4');
    expect(useAppStore.getState().reference).toMatchObject({ source: 'map', point: [23.5, 120.4] });
    applyNearbyUrl('');
    expect(useAppStore.getState().reference).toBeNull();
  });
});
