import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NearbyPanel } from '../../src/features/nearby/nearby-panel.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { selectDataset, selectFilterResult } from '../../src/store/data/derived.ts';
import { renderWithData } from './fixtures.ts';
import {
  fakeGeolocation,
  IN_MINXIONG,
  MINXIONG_CENTRE,
  noGeolocation,
  seedTownships,
} from './nearby-helpers.ts';

const firstResultName = () => {
  const s = useAppStore.getState();
  const first = selectFilterResult(s).visible[0];
  return first === undefined ? undefined : selectDataset(s).resources[first]?.name;
};
const status = () =>
  screen
    .getAllByRole('status')
    .map((el) => el.textContent ?? '')
    .join(' ');

// A failure opens the township picker; with the list already in the store it fetches nothing.
beforeEach(seedTownships);
afterEach(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(navigator, 'geolocation');
});

describe('NearbyPanel: use my location', () => {
  it('takes the device position into memory only, and lists the 民雄 centre first', async () => {
    const geo = fakeGeolocation({ position: IN_MINXIONG });
    const { user } = renderWithData(<NearbyPanel />);

    await user.click(screen.getByRole('button', { name: '使用我的位置' }));

    expect(geo.getCurrentPosition).toHaveBeenCalledTimes(1);
    expect(useAppStore.getState().reference).toMatchObject({ source: 'device' });
    expect(useAppStore.getState().reference?.point).toEqual([IN_MINXIONG.latitude, IN_MINXIONG.longitude]);
    expect(status()).toContain('已依你的位置由近到遠排列。');
    expect(screen.getByText('離「你的位置」由近到遠排列')).toBeInTheDocument();
    expect(firstResultName()).toBe(MINXIONG_CENTRE);
    expect(screen.getByText(/只在這台裝置上計算距離/)).toBeInTheDocument();
  });

  it.each([
    [1, '無法使用你的位置（沒有取得權限）'],
    [2, '目前無法取得你的位置'],
    [3, '取得位置太久了'],
  ] as const)('explains error %d and opens the other ways to choose a place', async (code, message) => {
    fakeGeolocation({ error: code });
    const { user, container } = renderWithData(<NearbyPanel />);
    await user.click(screen.getByRole('button', { name: '使用我的位置' }));
    expect(status()).toContain(message);
    expect(container.querySelector('details')).toHaveAttribute('open');
    expect(useAppStore.getState().reference).toBeNull();
  });

  it('says so when the browser has no geolocation at all', async () => {
    noGeolocation();
    const { user } = renderWithData(<NearbyPanel />);
    await user.click(screen.getByRole('button', { name: '使用我的位置' }));
    expect(status()).toContain('這個瀏覽器無法提供位置');
  });

  it('stops waiting after 20 s when nobody answers the permission prompt, and still takes a late answer', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const geo = fakeGeolocation('never');
    renderWithData(<NearbyPanel />);
    act(() => screen.getByRole('button', { name: '使用我的位置' }).click());
    expect(status()).toContain('正在取得你的位置');
    act(() => vi.advanceTimersByTime(20_000));
    expect(status()).toContain('取得位置太久了');
    act(() => geo.answerLate());
    expect(useAppStore.getState().reference?.source).toBe('device');
  });

  it('ignores a late answer once the person has chosen a township instead', async () => {
    const geo = fakeGeolocation('never');
    const { user } = renderWithData(<NearbyPanel />);
    await user.click(screen.getByRole('button', { name: '使用我的位置' }));
    await user.click(screen.getByText('或選擇地點'));
    await user.selectOptions(await screen.findByRole('combobox', { name: '縣市' }), '嘉義縣');
    await user.selectOptions(screen.getByRole('combobox', { name: '鄉鎮市區' }), '朴子市');
    await user.click(screen.getByRole('button', { name: '以這個鄉鎮市區為中心' }));
    act(() => geo.answerLate());
    expect(useAppStore.getState().reference).toMatchObject({
      source: 'town',
      county: '嘉義縣',
      town: '朴子市',
    });
  });
});

describe('NearbyPanel: other ways to say where', () => {
  it('chooses a township from the county and township lists', async () => {
    const { user } = renderWithData(<NearbyPanel />);
    await user.click(screen.getByText('或選擇地點'));
    const town = await screen.findByRole('combobox', { name: '鄉鎮市區' });
    expect(town).toBeDisabled();
    await user.selectOptions(screen.getByRole('combobox', { name: '縣市' }), '嘉義縣');
    await user.selectOptions(town, '民雄鄉');
    await user.click(screen.getByRole('button', { name: '以這個鄉鎮市區為中心' }));
    expect(useAppStore.getState().reference).toMatchObject({ source: 'town', town: '民雄鄉' });
    expect(firstResultName()).toBe(MINXIONG_CENTRE);
  });

  it('finds a typed township, and asks which one when several share the name', async () => {
    const { user } = renderWithData(<NearbyPanel />);
    await user.click(screen.getByText('或選擇地點'));
    const input = await screen.findByRole('combobox', { name: '輸入鄉鎮市區名稱' });
    await user.type(input, '東區');
    await user.click(screen.getByRole('button', { name: '搜尋地點' }));
    expect(status()).toMatch(/有 \d+ 個符合的鄉鎮市區/);
    await user.click(screen.getByRole('button', { name: '嘉義市東區' }));
    expect(useAppStore.getState().reference).toMatchObject({ county: '嘉義市', town: '東區' });

    // The choices stay open for another go.
    const again = screen.getByRole('combobox', { name: '輸入鄉鎮市區名稱' });
    await user.clear(again);
    await user.type(again, '沒有這裡');
    await user.click(screen.getByRole('button', { name: '搜尋地點' }));
    expect(status()).toContain('找不到「沒有這裡」');
  });

  it('searches around the map centre, or waits for a click on the map', async () => {
    const { user } = renderWithData(<NearbyPanel />);
    act(() => useAppStore.getState().setMapView({ lat: 23.54266, lng: 120.44425, zoom: 13 }));
    await user.click(screen.getByText('或選擇地點'));
    await user.click(screen.getByRole('button', { name: '在地圖上點選位置' }));
    expect(useAppStore.getState().pickingPoint).toBe(true);
    expect(screen.getByRole('button', { name: '在地圖上點選位置' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: '以目前地圖中心搜尋' }));
    expect(useAppStore.getState().reference).toMatchObject({ source: 'map', point: [23.54266, 120.44425] });
    expect(useAppStore.getState().pickingPoint).toBe(false);
  });
});

describe('NearbyPanel: radius and open now', () => {
  it('narrows to a radius and clears the place', async () => {
    fakeGeolocation({ position: IN_MINXIONG });
    const { user, dataset } = renderWithData(<NearbyPanel />);
    await user.click(screen.getByRole('button', { name: '使用我的位置' }));
    const radius = screen.getByRole('group', { name: '距離範圍' });
    expect(within(radius).getByRole('radio', { name: '不限距離' })).toBeChecked();
    await user.click(within(radius).getByRole('radio', { name: '1 公里內' }));
    expect(useAppStore.getState().radiusKm).toBe(1);
    const shown = selectFilterResult(useAppStore.getState()).visible.length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(dataset.resources.length);

    await user.click(screen.getByRole('button', { name: '清除位置' }));
    expect(useAppStore.getState().reference).toBeNull();
    expect(selectFilterResult(useAppStore.getState()).visible).toHaveLength(dataset.resources.length);
  });

  it('switches "open now" on and off', async () => {
    const { user } = renderWithData(<NearbyPanel />);
    const box = screen.getByRole('checkbox', { name: /^只顯示營業中/ });
    await user.click(box);
    expect(useAppStore.getState().openNowOnly).toBe(true);
    await user.click(box);
    expect(useAppStore.getState().openNowOnly).toBe(false);
  });
});

describe('NeedFilters (in the panel)', () => {
  it('maps "我需要餐食" to the meals tag, toggles off, and "緊急求助" shows the hotlines', async () => {
    const { user } = renderWithData(<NearbyPanel />);
    const meals = screen.getByRole('button', { name: '我需要餐食' });
    await user.click(meals);
    expect(useAppStore.getState().filters.services).toEqual(['meals']);
    expect(meals).toHaveAttribute('aria-pressed', 'true');
    await user.click(meals);
    expect(useAppStore.getState().filters.services).toEqual([]);

    await user.click(screen.getByRole('button', { name: '孩子安全等候' }));
    expect(useAppStore.getState().filters.services).toEqual(['child-safe-waiting', 'after-school-care']);
    expect(screen.queryByRole('heading', { name: '緊急求助電話' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '緊急求助' }));
    const hotlines = screen.getByRole('region', { name: '緊急求助電話' });
    const links = within(hotlines).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'tel:110',
      'tel:119',
      'tel:113',
      'tel:1925',
      'tel:1957',
      'tel:1966',
    ]);
    expect(links[2]).toHaveTextContent('撥打 113保護專線（家暴、兒少、性侵害）');
    await waitFor(() => expect(useAppStore.getState().filters.services).toEqual(['referral']));
  });

  it('"長輩照顧" shows the long-term-care line 1966 with its results', async () => {
    const { user } = renderWithData(<NearbyPanel />);
    expect(screen.queryByRole('link', { name: /撥打 1966/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '長輩照顧' }));
    const lines = screen.getByRole('region', { name: '可以打的專線' });
    expect(within(lines).getByRole('link', { name: /撥打 1966\s*長照專線/ })).toHaveAttribute(
      'href',
      'tel:1966',
    );
  });
});
