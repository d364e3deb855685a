import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, type Mock } from 'vitest';
import { ResourceList } from '../../src/features/list/resource-list.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { hostileFile, renderWithData, simulateListLayout } from './fixtures.ts';

let layout: ReturnType<typeof simulateListLayout>;
let scrollTo: Mock;
beforeEach(() => {
  layout = simulateListLayout({ viewport: 600, row: 84 });
  scrollTo = layout.scrollTo;
});
afterEach(() => layout.restore());

const resultList = () => screen.getByRole('list', { name: '結果清單' });
const rows = () => within(resultList()).getAllByRole('listitem');

describe('ResourceList', () => {
  it('renders only a window of the results, each row knowing its place in the whole list', () => {
    const { dataset } = renderWithData(<ResourceList />);
    const total = dataset.resources.length;
    const rendered = rows();
    // 600px of 84px rows plus the overscan: far fewer rows than results, but more than one screenful.
    expect(rendered.length).toBeGreaterThan(600 / 84);
    expect(rendered.length).toBeLessThan(total);
    expect(rendered.map((row) => row.getAttribute('aria-setsize'))).toEqual(
      rendered.map(() => String(total)),
    );
    expect(rendered.map((row) => row.getAttribute('aria-posinset'))).toEqual(
      rendered.map((_, i) => String(i + 1)),
    );
  });

  it('shows name, category, place and the sample badge in each row', () => {
    renderWithData(<ResourceList />);
    act(() => useAppStore.getState().setQuery('民雄 友善'));
    const button = screen.getByRole('button', { name: /示範友善雜貨店（民雄鄉1）/ });
    expect(button).toHaveTextContent('友善商店 · 嘉義縣 民雄鄉');
    expect(button).toHaveTextContent('示範資料（虛構，僅供展示）');
  });

  it('renders a hostile name as text', () => {
    const { container } = renderWithData(<ResourceList />, { extraFiles: [hostileFile] });
    act(() => useAppStore.getState().setQuery('onerror'));
    expect(rows()).toHaveLength(1);
    expect(screen.getByRole('button', { name: /^<img src=x onerror=alert\(1\)>/ })).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('marks a row placed at its township centre as approximate', () => {
    renderWithData(<ResourceList />);
    act(() => useAppStore.getState().setQuery('日安 民雄'));
    const [row] = rows();
    expect(row).toHaveTextContent('嘉義縣日安社會福利服務中心（民雄）');
    expect(row).toHaveTextContent('約略位置');
  });

  it('follows the filters: fewer rows, and a set size that says so', () => {
    const { dataset } = renderWithData(<ResourceList />);
    act(() => useAppStore.getState().setArea('嘉義縣', '民雄鄉'));
    const expected = dataset.resources.filter((r) => r.town === '民雄鄉').length;
    expect(rows()).toHaveLength(expected);
    expect(rows()[0]).toHaveAttribute('aria-setsize', String(expected));
  });

  it('says so when nothing matches, instead of an empty list', async () => {
    renderWithData(<ResourceList />);
    act(() => useAppStore.getState().setQuery('沒有這個地方'));
    expect(screen.queryByRole('list', { name: '結果清單' })).not.toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: '找不到符合「沒有這個地方」的資源。' }),
    ).toBeInTheDocument();
  });

  it('says nothing of results while the data downloads (the page says it is loading)', () => {
    act(() => useAppStore.getState().startLoading());
    render(<ResourceList />);
    expect(screen.queryByText('沒有符合條件的資源。請放寬篩選條件或清除搜尋文字。')).not.toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('selects a resource when its row is clicked, marking the row current without scrolling the list', async () => {
    const { user } = renderWithData(<ResourceList />);
    act(() => useAppStore.getState().setQuery('民雄'));
    const button = screen.getByRole('button', { name: /嘉義縣日安社會福利服務中心（民雄）/ });
    expect(button).not.toHaveAttribute('aria-current');
    scrollTo.mockClear();

    await user.click(button);

    expect(useAppStore.getState()).toMatchObject({
      selectedId: 'chiayi-wc-minxiong',
      selectionOrigin: 'list',
    });
    expect(screen.getByRole('button', { name: /嘉義縣日安社會福利服務中心（民雄）/ })).toHaveAttribute(
      'aria-current',
      'true',
    );
    expect(scrollTo).not.toHaveBeenCalled();
  });

  it('scrolls a resource selected on the map into view', async () => {
    const { dataset } = renderWithData(<ResourceList />);
    const offscreen = dataset.resources.find((r) => screen.queryByText(r.name) === null);
    if (!offscreen) throw new Error('expected some rows outside the first window');

    act(() => useAppStore.getState().select(offscreen.id, 'map'));

    expect(scrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ top: expect.any(Number) }));
    const button = await screen.findByRole('button', { name: (name) => name.startsWith(offscreen.name) });
    expect(button).toHaveAttribute('aria-current', 'true');
  });
});
