import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useUrlSync } from '../../src/app/use-url-sync.ts';
import { useAppStore } from '../../src/store/app-store.ts';
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
