import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ServiceFilter } from '../../src/features/filters/service-filter.tsx';
import { ResultCount } from '../../src/features/list/result-count.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { countWhere, renderWithData } from './fixtures.ts';

const ui = (
  <>
    <ServiceFilter />
    <ResultCount />
  </>
);

describe('ServiceFilter', () => {
  it('lists every configured service, none ticked', () => {
    const { dataset } = renderWithData(ui);
    const group = screen.getByRole('group', { name: '服務項目' });
    expect(group).toBeInTheDocument();
    for (const tag of dataset.manifest.serviceTags) {
      expect(screen.getByRole('checkbox', { name: tag.label.zh })).not.toBeChecked();
    }
  });

  it('shows the places offering any of the ticked services', async () => {
    const { user, dataset } = renderWithData(ui);
    const total = dataset.resources.length;

    await user.click(screen.getByRole('checkbox', { name: '心理諮商' }));

    const counselling = countWhere(dataset, (r) => r.services.includes('counselling'));
    expect(useAppStore.getState().filters.services).toEqual(['counselling']);
    expect(screen.getByRole('status')).toHaveTextContent(`顯示 ${counselling} / ${total} 筆`);

    await user.click(screen.getByRole('checkbox', { name: '課後照顧' }));

    const either = countWhere(
      dataset,
      (r) => r.services.includes('counselling') || r.services.includes('after-school-care'),
    );
    expect(either).toBeGreaterThan(counselling);
    expect(useAppStore.getState().filters.services).toEqual(['counselling', 'after-school-care']);
    expect(screen.getByRole('status')).toHaveTextContent(`顯示 ${either} / ${total} 筆`);
  });

  it('drops the constraint when the last service is unticked', async () => {
    const { user, dataset } = renderWithData(ui);
    const meals = screen.getByRole('checkbox', { name: '餐食提供' });
    await user.click(meals);
    await user.click(meals);
    expect(meals).not.toBeChecked();
    expect(useAppStore.getState().filters.services).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent(`共 ${dataset.resources.length} 筆結果`);
  });
});
