import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LanguageSwitch } from '../../src/app/language-switch.tsx';
import { FilterPanel } from '../../src/features/filters/filter-panel.tsx';
import { ResultCount } from '../../src/features/list/result-count.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { renderWithData } from './fixtures.ts';

const ui = (
  <>
    <LanguageSwitch />
    <FilterPanel />
    <ResultCount />
  </>
);

describe('LanguageSwitch', () => {
  it('switches the labels to English and back', async () => {
    const { user, dataset } = renderWithData(ui);
    const toEnglish = screen.getByRole('button', { name: '切換語言為英文 Switch to English' });
    expect(toEnglish).toHaveTextContent('English');
    expect(toEnglish).toHaveAttribute('lang', 'en');
    expect(screen.getByRole('heading', { name: '篩選' })).toBeInTheDocument();

    await user.click(toEnglish);

    expect(useAppStore.getState().language).toBe('en');
    expect(screen.getByRole('heading', { name: 'Filters' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '篩選' })).not.toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search name, address or service' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /^Friendly shop \(\d+\)$/ })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Meals' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'County / city' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear all filters' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(`${dataset.resources.length} results`);

    const toChinese = screen.getByRole('button', { name: '切換語言為中文 Switch to Chinese' });
    expect(toChinese).toHaveTextContent('中文');
    expect(toChinese).toHaveAttribute('lang', 'zh-TW');
    await user.click(toChinese);

    expect(useAppStore.getState().language).toBe('zh-TW');
    expect(screen.getByRole('heading', { name: '篩選' })).toBeInTheDocument();
  });

  it('keeps the filters when the language changes', async () => {
    const { user } = renderWithData(ui);
    await user.type(screen.getByRole('searchbox', { name: '搜尋名稱、地址或服務' }), '民雄');
    await user.click(screen.getByRole('checkbox', { name: /友善商店/ }));

    await user.click(screen.getByRole('button', { name: /Switch to English/ }));

    expect(screen.getByRole('searchbox', { name: 'Search name, address or service' })).toHaveValue('民雄');
    expect(screen.getByRole('checkbox', { name: /Friendly shop/ })).not.toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent(/^Showing \d+ of \d+$/);
  });
});
