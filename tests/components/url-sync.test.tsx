import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useUrlSync } from '../../src/app/use-url-sync.ts';
import { useAppStore } from '../../src/store/app-store.ts';
import { loadedPayload } from '../store-payload.ts';
import { seedStore } from './fixtures.ts';

const store = () => useAppStore.getState();
const param = (name: string) => new URLSearchParams(window.location.search).get(name);

describe('the address bar follows the view', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/');
    seedStore();
  });
  afterEach(() => {
    vi.useRealTimers();
    window.history.replaceState(null, '', '/');
  });

  it('writes a filter change at the end of the task that made it', async () => {
    renderHook(() => useUrlSync());
    act(() => store().setArea('嘉義縣', '民雄鄉'));
    await act(async () => {
      await Promise.resolve();
    });
    expect(param('county')).toBe('嘉義縣');
    expect(param('town')).toBe('民雄鄉');
  });

  it('follows the search text once typing pauses, not at every keystroke', async () => {
    renderHook(() => useUrlSync());
    for (const text of ['民', '民雄', '民雄鄉']) {
      act(() => store().setQuery(text));
      await act(async () => {
        await vi.advanceTimersByTimeAsync(100);
      });
      expect(param('q')).toBeNull();
    }
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300);
    });
    expect(param('q')).toBe('民雄鄉');
  });

  it('follows the map view once it stops moving, not at every step of a drag or zoom', async () => {
    renderHook(() => useUrlSync());
    for (const [lat, zoom] of [
      [23.5, 10],
      [23.55, 11],
      [23.56, 12],
    ] as const) {
      act(() => store().setMapView({ lat, lng: 120.44, zoom }));
      await act(async () => {
        await vi.advanceTimersByTimeAsync(100);
      });
      expect(param('at')).toBeNull();
    }
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300);
    });
    expect(param('at')).toBe('23.56000,120.44000,12');
  });

  it('keeps a map view pending through changes the address bar does not hold (the data landing)', async () => {
    renderHook(() => useUrlSync());
    act(() => store().setMapView({ lat: 23.5, lng: 120.44, zoom: 10 }));
    const { manifest, base } = store();
    act(() => store().setDataset(loadedPayload(manifest ?? never(), [...base.resources])));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(100);
    });
    expect(param('at')).toBeNull();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300);
    });
    expect(param('at')).toBe('23.50000,120.44000,10');
  });

  it('writes a pending map view at once with a selection', async () => {
    renderHook(() => useUrlSync());
    act(() => store().setMapView({ lat: 23.5, lng: 120.44, zoom: 10 }));
    act(() => store().select(store().base.resources[0]?.id ?? null, 'list'));
    await act(async () => {
      await Promise.resolve();
    });
    expect(param('id')).toBe(store().base.resources[0]?.id);
    expect(param('at')).toBe('23.50000,120.44000,10');
  });

  it('writes pending search text when the page is left, and with any other change', async () => {
    renderHook(() => useUrlSync());
    act(() => store().setQuery('朴子'));
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    expect(param('q')).toBe('朴子');

    act(() => store().setQuery('布袋'));
    act(() => store().setArea('嘉義縣', ''));
    await act(async () => {
      await Promise.resolve();
    });
    expect(param('q')).toBe('布袋');
    expect(param('county')).toBe('嘉義縣');
  });
});

function never(): never {
  throw new Error('the seeded store has a manifest');
}
