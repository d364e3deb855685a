import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AreaFilter } from '../../src/features/filters/area-filter.tsx';
import { ResultCount } from '../../src/features/list/result-count.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { countWhere, renderWithData } from './fixtures.ts';

const ui = (
  <>
    <AreaFilter />
    <ResultCount />
  </>
);
const countySelect = () => screen.getByRole('combobox', { name: '縣市' });
const townSelect = () => screen.getByRole('combobox', { name: '鄉鎮市區' });
const optionNames = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('AreaFilter', () => {
  it('offers the counties in the data, and no township until a county is chosen', () => {
    renderWithData(ui);
    // zh-Hant-TW collation orders by stroke count: 金 (8) before 嘉 (14), as the result list does.
    expect(optionNames(countySelect())).toEqual(['全部縣市', '金門縣', '嘉義縣']);
    expect(townSelect()).toBeDisabled();
  });

  it('filters by county, then by a township of that county', async () => {
    const { user, dataset } = renderWithData(ui);
    const total = dataset.resources.length;

    await user.selectOptions(countySelect(), '金門縣');

    const kinmen = countWhere(dataset, (r) => r.county === '金門縣');
    const kinmenTowns = [
      ...new Set(dataset.resources.filter((r) => r.county === '金門縣').map((r) => r.town)),
    ];
    expect(useAppStore.getState().filters).toMatchObject({ county: '金門縣', town: '' });
    expect(screen.getByRole('status')).toHaveTextContent(`顯示 ${kinmen} / ${total} 筆`);
    expect(townSelect()).toBeEnabled();
    expect(optionNames(townSelect()).slice(1).sort()).toEqual(kinmenTowns.sort());
    expect(optionNames(townSelect())).not.toContain('民雄鄉');

    await user.selectOptions(townSelect(), '金城鎮');

    const jincheng = countWhere(dataset, (r) => r.county === '金門縣' && r.town === '金城鎮');
    expect(useAppStore.getState().filters).toMatchObject({ county: '金門縣', town: '金城鎮' });
    expect(screen.getByRole('status')).toHaveTextContent(`顯示 ${jincheng} / ${total} 筆`);
  });

  it('clears the township when the county changes', async () => {
    const { user, dataset } = renderWithData(ui);
    await user.selectOptions(countySelect(), '嘉義縣');
    await user.selectOptions(townSelect(), '民雄鄉');

    await user.selectOptions(countySelect(), '金門縣');

    expect(useAppStore.getState().filters).toMatchObject({ county: '金門縣', town: '' });
    expect(townSelect()).toHaveValue('');

    await user.selectOptions(countySelect(), '全部縣市');

    expect(townSelect()).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent(`共 ${dataset.resources.length} 筆結果`);
  });
});
