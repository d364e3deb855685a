import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SearchBox } from '../../src/features/filters/search-box.tsx';
import { ResultCount } from '../../src/features/list/result-count.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { countWhere, renderWithData } from './fixtures.ts';

const ui = (
  <>
    <SearchBox />
    <ResultCount />
  </>
);
const searchbox = () => screen.getByRole('searchbox', { name: '搜尋名稱、地址或服務' });

describe('SearchBox', () => {
  it('narrows the results to places matching the text', async () => {
    const { user, dataset } = renderWithData(ui);
    const total = dataset.resources.length;
    expect(screen.getByRole('status')).toHaveTextContent(`共 ${total} 筆結果`);

    await user.type(searchbox(), '民雄');

    const minxiong = countWhere(dataset, (r) => r.name.includes('民雄') || r.address.includes('民雄'));
    expect(minxiong).toBeGreaterThan(0);
    expect(useAppStore.getState().filters.query).toBe('民雄');
    expect(screen.getByRole('status')).toHaveTextContent(`顯示 ${minxiong} / ${total} 筆`);
  });

  it('requires every word, and searches category and service names too', async () => {
    const { user, dataset } = renderWithData(ui);
    await user.type(searchbox(), '民雄 友善商店');
    const shops = countWhere(dataset, (r) => r.town === '民雄鄉' && r.category === 'friendly-shop');
    expect(shops).toBeGreaterThan(0);
    expect(screen.getByRole('status')).toHaveTextContent(`顯示 ${shops} / ${dataset.resources.length} 筆`);

    await user.clear(searchbox());
    await user.type(searchbox(), 'meals');
    const meals = countWhere(dataset, (r) => r.services.includes('meals'));
    expect(screen.getByRole('status')).toHaveTextContent(`顯示 ${meals} / ${dataset.resources.length} 筆`);
  });

  it('offers a clear button only while there is text, and clearing shows everything again', async () => {
    const { user, dataset } = renderWithData(ui);
    expect(screen.queryByRole('button', { name: '清除搜尋' })).not.toBeInTheDocument();
    await user.type(searchbox(), '沒有這個地方');
    expect(screen.getByRole('status')).toHaveTextContent(`顯示 0 / ${dataset.resources.length} 筆`);

    await user.click(screen.getByRole('button', { name: '清除搜尋' }));

    expect(searchbox()).toHaveValue('');
    expect(useAppStore.getState().filters.query).toBe('');
    expect(screen.getByRole('status')).toHaveTextContent(`共 ${dataset.resources.length} 筆結果`);
    expect(screen.queryByRole('button', { name: '清除搜尋' })).not.toBeInTheDocument();
  });
});

describe('SearchBox with an input method (注音)', () => {
  it('shows the composition but searches only the characters chosen', () => {
    const { dataset } = renderWithData(ui);
    const total = dataset.resources.length;
    const box = searchbox();

    fireEvent.compositionStart(box);
    fireEvent.change(box, { target: { value: 'ㄇㄧㄣˊ' } });
    expect(box).toHaveValue('ㄇㄧㄣˊ');
    expect(useAppStore.getState().filters.query).toBe('');
    expect(screen.getByRole('status')).toHaveTextContent(`共 ${total} 筆結果`);

    fireEvent.change(box, { target: { value: '民' } });
    fireEvent.compositionEnd(box);

    expect(useAppStore.getState().filters.query).toBe('民');
    const min = countWhere(dataset, (r) => r.name.includes('民') || r.address.includes('民'));
    expect(screen.getByRole('status')).toHaveTextContent(`顯示 ${min} / ${total} 筆`);
  });

  it('shows a query set elsewhere (a link, the back button)', () => {
    renderWithData(ui);
    act(() => useAppStore.getState().setQuery('朴子'));
    expect(searchbox()).toHaveValue('朴子');
  });
});
