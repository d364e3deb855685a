import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/domain/query/filter-resources.ts';
import { FilterPanel } from '../../src/features/filters/filter-panel.tsx';
import { ResultCount } from '../../src/features/list/result-count.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { countWhere, renderWithData } from './fixtures.ts';

const ui = (
  <>
    <FilterPanel />
    <ResultCount />
  </>
);

describe('FilterPanel', () => {
  it('is a region named by its heading', () => {
    renderWithData(ui);
    const panel = screen.getByRole('region', { name: '篩選' });
    expect(panel).toContainElement(screen.getByRole('heading', { level: 2, name: '篩選' }));
  });

  it('combines search, category, service and area: a result must pass all of them', async () => {
    const { user, dataset } = renderWithData(ui);
    await user.selectOptions(screen.getByRole('combobox', { name: '縣市' }), '嘉義縣');
    await user.click(screen.getByRole('checkbox', { name: '餐食提供' }));
    await user.click(screen.getByRole('checkbox', { name: /^社區發展協會/ }));
    await user.type(screen.getByRole('searchbox', { name: '搜尋名稱、地址或服務' }), '示範');

    const expected = countWhere(
      dataset,
      (r) =>
        r.county === '嘉義縣' &&
        r.services.includes('meals') &&
        r.category !== 'community-association' &&
        r.name.includes('示範'),
    );
    expect(expected).toBeGreaterThan(0);
    expect(screen.getByRole('status')).toHaveTextContent(`顯示 ${expected} / ${dataset.resources.length} 筆`);
  });

  it('clears every filter with one button', async () => {
    const { user, dataset } = renderWithData(ui);
    const searchbox = screen.getByRole('searchbox', { name: '搜尋名稱、地址或服務' });
    await user.type(searchbox, '民雄');
    await user.click(screen.getByRole('checkbox', { name: /友善商店/ }));
    await user.click(screen.getByRole('checkbox', { name: '關懷訪視' }));
    await user.selectOptions(screen.getByRole('combobox', { name: '縣市' }), '嘉義縣');
    await user.selectOptions(screen.getByRole('combobox', { name: '鄉鎮市區' }), '民雄鄉');

    await user.click(screen.getByRole('button', { name: '清除所有篩選' }));

    expect(useAppStore.getState().filters).toEqual(NO_FILTERS);
    expect(searchbox).toHaveValue('');
    expect(screen.getByRole('checkbox', { name: /友善商店/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: '關懷訪視' })).not.toBeChecked();
    expect(screen.getByRole('combobox', { name: '縣市' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: '鄉鎮市區' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent(`共 ${dataset.resources.length} 筆結果`);
  });
});
