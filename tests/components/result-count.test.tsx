import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ResultCount } from '../../src/features/list/result-count.tsx';
import { enMessages } from '../../src/i18n/messages-en.ts';
import { useAppStore } from '../../src/store/app-store.ts';
import { countWhere, renderWithData, seedStore } from './fixtures.ts';

describe('ResultCount', () => {
  it('says nothing while the data is loading', () => {
    const { container } = render(<ResultCount />);
    act(() => useAppStore.getState().startLoading());
    expect(container).toBeEmptyDOMElement();
  });

  it('announces the total politely, then how many of it match', () => {
    const { dataset } = renderWithData(<ResultCount />);
    const total = dataset.resources.length;
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent(`共 ${total} 筆結果`);

    act(() => useAppStore.getState().setArea('金門縣', ''));

    const kinmen = countWhere(dataset, (r) => r.county === '金門縣');
    expect(screen.getByRole('status')).toHaveTextContent(`顯示 ${kinmen} / ${total} 筆`);
  });

  it('speaks English and groups thousands', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `bulk-${i},測試據點${i},嘉義縣民雄鄉測試路${i}號`);
    render(<ResultCount />);
    act(() => {
      seedStore({ extraFiles: [{ path: 'bulk.csv', text: ['id,名稱,地址', ...rows].join('\n') }] });
      useAppStore.getState().setLanguage('en', enMessages);
    });
    const total = useAppStore.getState().base.resources.length;
    expect(total).toBeGreaterThan(1000);
    expect(screen.getByRole('status')).toHaveTextContent(`${total.toLocaleString('en')} results`);
    expect(screen.getByRole('status')).toHaveTextContent(/^1,\d{3} results$/);

    act(() => useAppStore.getState().setQuery('測試據點999'));

    expect(screen.getByRole('status')).toHaveTextContent(`Showing 1 of ${total.toLocaleString('en')}`);
  });
});
