import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import { ResourceDetail } from '../../src/features/detail/resource-detail.tsx';
import { ResourceList } from '../../src/features/list/resource-list.tsx';
import { NearbySummary } from '../../src/features/nearby/nearby-summary.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { selectFilterResult } from '../../src/store/data/derived.ts';
import { loadHoursEngine } from '../../src/store/nearby/load-hours-engine.ts';
import { renderWithData, simulateListLayout } from './fixtures.ts';
import { IN_MINXIONG, MINXIONG_CENTRE } from './nearby-helpers.ts';

const MONDAY_3PM = Date.parse('2026-01-05T15:00:00+08:00');
const nearMinxiong = () =>
  act(() =>
    useAppStore
      .getState()
      .setReference({ source: 'device', point: toLatLng(IN_MINXIONG.latitude, IN_MINXIONG.longitude) }),
  );
const rows = () => within(screen.getByRole('list', { name: '結果清單' })).getAllByRole('listitem');

let layout: ReturnType<typeof simulateListLayout>;
beforeEach(async () => {
  layout = simulateListLayout({ viewport: 2000, row: 84 });
  await loadHoursEngine();
});
afterEach(() => layout.restore());

describe('results near a point', () => {
  it('lists nearest first with the distance in words; a township-centre position never in metres', () => {
    renderWithData(<ResourceList />);
    act(() => useAppStore.getState().tick(MONDAY_3PM));
    nearMinxiong();
    const [first, second] = rows();
    expect(first).toHaveTextContent(MINXIONG_CENTRE);
    expect(first).toHaveTextContent('同鄉鎮（位置為鄉鎮中心）');
    expect(first).not.toHaveTextContent(/公尺/);
    expect(second).toHaveTextContent(/距離 1\.0 公里/);
    const metres = rows().flatMap((row) => {
      const m = row.querySelector('[data-distance-metres]')?.getAttribute('data-distance-metres');
      return m ? [Number(m)] : [];
    });
    expect(metres).toEqual([...metres].sort((a, b) => a - b));
  });

  it('shows 營業中 / 已休息 / 時間未提供 and when each was last checked (old checks flagged)', () => {
    renderWithData(<ResourceList />);
    act(() => {
      useAppStore.getState().tick(MONDAY_3PM);
      useAppStore.getState().setQuery('民雄');
    });
    const text = rows().map((r) => r.textContent ?? '');
    const centre = text.find((t) => t.includes(MINXIONG_CENTRE)) ?? '';
    expect(centre).toContain('時間未提供');
    expect(centre).toContain('最後確認：2023/3/15 （超過一年）');
    expect(text.some((t) => t.includes('營業中'))).toBe(true);
    expect(text.some((t) => t.includes('已休息'))).toBe(true);
    expect(text.filter((t) => t.includes('2026/11/1')).every((t) => !t.includes('超過一年'))).toBe(true);
  });

  it('"open now" hides only what is closed; no hours is never hidden', () => {
    const { dataset } = renderWithData(<ResourceList />);
    act(() => {
      useAppStore.getState().tick(MONDAY_3PM);
      useAppStore.getState().setOpenNowOnly(true);
    });
    const visible = selectFilterResult(useAppStore.getState()).visible.map((i) => dataset.resources[i]);
    expect(visible.length).toBeLessThan(dataset.resources.length);
    expect(visible.filter((r) => !r?.openingHours)).toHaveLength(
      dataset.resources.filter((r) => !r.openingHours).length,
    );
    expect(rows().some((r) => r.textContent?.includes('已休息'))).toBe(false);
  });
});

describe('detail and summary near a point', () => {
  it('adds the distance, the open state, a stale note, share, LINE and a correction link to the detail', () => {
    renderWithData(<ResourceDetail />);
    act(() => {
      useAppStore.getState().tick(MONDAY_3PM);
      useAppStore.getState().select('chiayi-wc-minxiong', 'list');
    });
    nearMinxiong();
    const detail = screen.getByRole('region', { name: MINXIONG_CENTRE });
    expect(within(detail).getByText('距離').nextElementSibling).toHaveTextContent('同鄉鎮（位置為鄉鎮中心）');
    expect(within(detail).getByText('最後確認').nextElementSibling).toHaveTextContent(
      '2023/3/15 （已超過一年，前往前請先電話確認）',
    );
    const line = within(detail).getByRole('link', { name: '用 LINE 傳送' });
    expect(decodeURIComponent(line.getAttribute('href') ?? '')).toContain('?id=chiayi-wc-minxiong');
    expect(within(detail).getByRole('button', { name: '回報資料錯誤' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    expect(within(detail).getByRole('button', { name: '複製連結' })).toBeInTheDocument();
  });

  it('shows the open state beside the hours of a shop', () => {
    renderWithData(<ResourceDetail />);
    act(() => {
      useAppStore.getState().tick(MONDAY_3PM);
      useAppStore.getState().select('sample-shop-001', 'list');
    });
    expect(screen.getByText('開放時間').nextElementSibling).toHaveTextContent(
      '已休息 週一至週五 10:30–14:00、16:30–20:00',
    );
    expect(screen.queryByText('距離')).not.toBeInTheDocument();
  });

  it('gives a township-centre position farther away in whole kilometres, and says so', () => {
    renderWithData(<ResourceDetail />);
    act(() => {
      useAppStore.getState().select('chiayi-wc-minxiong', 'list');
      // Chiayi city, about 11 km south of Minxiong's centre.
      useAppStore.getState().setReference({ source: 'map', point: toLatLng(23.4801, 120.4491) });
    });
    const distance = screen.getByText('距離').nextElementSibling;
    expect(distance).toHaveTextContent(/^約 \d+ 公里（位置為鄉鎮中心）$/);
  });

  it('summarises the place, the radius and the nearest; says when nothing is within the radius', async () => {
    const { user } = renderWithData(<NearbySummary onChange={() => undefined} />);
    expect(screen.getByRole('button', { name: '使用我的位置' })).toBeInTheDocument();
    nearMinxiong();
    expect(screen.getByText('離「你的位置」由近到遠排列')).toBeInTheDocument();
    expect(screen.getByText(`最近的是 ${MINXIONG_CENTRE}，同鄉鎮（位置為鄉鎮中心）。`)).toBeInTheDocument();
    act(() => {
      useAppStore.getState().setRadius(1);
      useAppStore.getState().setQuery('金門');
    });
    expect(screen.getByText('1 公里內沒有符合的資源，可以把距離範圍放大。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '清除位置' }));
    expect(useAppStore.getState().reference).toBeNull();
  });
});
