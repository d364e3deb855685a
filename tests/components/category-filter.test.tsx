import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CategoryFilter } from '../../src/features/filters/category-filter.tsx';
import { ResultCount } from '../../src/features/list/result-count.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { loadedPayload } from '../store-payload.ts';
import { countWhere, loadTestDataset, renderWithData } from './fixtures.ts';

const ui = (
  <>
    <CategoryFilter />
    <ResultCount />
  </>
);

describe('CategoryFilter', () => {
  it('lists the categories while the records download, and adds their counts when they land', () => {
    const dataset = loadTestDataset();
    const store = useAppStore.getState();
    act(() => {
      store.startLoading();
      store.showManifest(dataset.manifest);
    });
    render(ui);
    // Named by the category alone: no count yet, as 0 would say the county has none.
    for (const category of dataset.manifest.categories) {
      expect(screen.getByRole('checkbox', { name: category.label.zh })).toBeChecked();
    }
    expect(screen.queryByText(/（0）/)).not.toBeInTheDocument();

    act(() =>
      store.setDataset(loadedPayload(dataset.manifest, dataset.resources, dataset.issues, dataset.files)),
    );
    const welfare = dataset.manifest.categories[0];
    if (!welfare) throw new Error('no category');
    const count = countWhere(dataset, (r) => r.category === welfare.id);
    expect(screen.getByRole('checkbox', { name: `${welfare.label.zh}（${count}）` })).toBeChecked();
    // A manifest read late (another worker's message) does not undo what has landed.
    act(() => store.showManifest({ ...dataset.manifest, categories: [] }));
    expect(useAppStore.getState().manifest).toBe(dataset.manifest);
  });

  it('has a ticked checkbox per configured category, labelled with how many it shows', () => {
    const { dataset } = renderWithData(ui);
    expect(screen.getByRole('group', { name: '資源類別' })).toBeInTheDocument();
    for (const category of dataset.manifest.categories) {
      const count = countWhere(dataset, (r) => r.category === category.id);
      expect(screen.getByRole('checkbox', { name: `${category.label.zh}（${count}）` })).toBeChecked();
    }
    expect(screen.getAllByRole('checkbox')).toHaveLength(dataset.manifest.categories.length);
  });

  it('hides a category when unticked and shows it again when ticked', async () => {
    const { user, dataset } = renderWithData(ui);
    const total = dataset.resources.length;
    const shops = countWhere(dataset, (r) => r.category === 'friendly-shop');
    const checkbox = screen.getByRole('checkbox', { name: /友善商店/ });

    await user.click(checkbox);

    expect(checkbox).not.toBeChecked();
    expect(useAppStore.getState().filters.hiddenCategories).toEqual(['friendly-shop']);
    expect(screen.getByRole('status')).toHaveTextContent(`顯示 ${total - shops} / ${total} 筆`);
    // The count says what ticking it again would add, so it stays while hidden.
    expect(checkbox).toHaveAccessibleName(`友善商店（${shops}）`);

    await user.click(checkbox);

    expect(checkbox).toBeChecked();
    expect(useAppStore.getState().filters.hiddenCategories).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent(`共 ${total} 筆結果`);
  });

  it('updates the counts when other filters change', () => {
    const { dataset } = renderWithData(ui);
    act(() => useAppStore.getState().setArea('金門縣', ''));
    const kinmenShops = countWhere(dataset, (r) => r.county === '金門縣' && r.category === 'friendly-shop');
    const kinmenCenters = countWhere(
      dataset,
      (r) => r.county === '金門縣' && r.category === 'welfare-center',
    );
    expect(kinmenShops).toBeGreaterThan(0);
    expect(screen.getByRole('checkbox', { name: `友善商店（${kinmenShops}）` })).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', { name: `社會福利服務中心（${kinmenCenters}）` }),
    ).toBeInTheDocument();
  });
});
