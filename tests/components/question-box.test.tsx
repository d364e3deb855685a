import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QuestionBox } from '../../src/features/inventory/question-box.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { PHRASINGS } from '../fixtures/briefing/questions.ts';
import { renderWithData } from './fixtures.ts';
import { townships } from './workshop-helpers.ts';

const KIND_LABELS: Record<string, string> = {
  count: '數一數',
  list: '列出來',
  absence: '哪裡沒有',
  near: '附近有什麼',
  change: '新增了什麼',
};

function renderBox() {
  const result = renderWithData(<QuestionBox />);
  act(() => useAppStore.getState().setTownships('ready', townships));
  return result;
}

function ask(question: string) {
  fireEvent.change(screen.getByRole('searchbox', { name: '用一句話問問題' }), {
    target: { value: question },
  });
  fireEvent.click(screen.getByRole('button', { name: '回答' }));
}

const understanding = () => screen.queryByRole('group', { name: '我的理解（可以調整）' });
const chosen = (label: string) =>
  (within(understanding() as HTMLElement).getByLabelText(label) as HTMLSelectElement).selectedOptions[0]
    ?.textContent;

describe('the question box, on every phrasing of the table', () => {
  it.each(PHRASINGS)('%s', (question, expected) => {
    const { dataset } = renderBox();
    ask(question);
    if (expected.kind === 'unknown') {
      expect(understanding()).not.toBeInTheDocument();
      expect(screen.getByRole('status')).toHaveTextContent(/看不懂這個問題|請說要找哪一類資源/);
      // Examples to try instead.
      expect(screen.getByRole('button', { name: '金寧鄉有幾家友善商店' })).toBeInTheDocument();
      return;
    }
    expect(chosen('問題類型')).toBe(KIND_LABELS[expected.kind]);
    if (typeof expected.category === 'string') {
      const label = dataset.manifest.categories.find((c) => c.id === expected.category)?.label.zh;
      expect(chosen('資源類別')).toBe(label);
    }
    if (expected.kind !== 'near' && typeof expected.town === 'string' && expected.town !== '')
      expect(chosen('地區')).toMatch(new RegExp(`${expected.town}$`));
  });
});

describe('adjusting the understanding', () => {
  it('changing the category recounts at once', () => {
    renderBox();
    ask('金寧鄉有幾家友善商店');
    expect(screen.getByText('共 2 筆。')).toBeInTheDocument();
    fireEvent.change(within(understanding() as HTMLElement).getByLabelText('資源類別'), {
      target: { value: 'township-office' },
    });
    expect(screen.getByText('共 1 筆。')).toBeInTheDocument();
  });

  it('puts the understanding on the map as ordinary filters', () => {
    renderBox();
    ask('金寧鄉有幾家友善商店');
    fireEvent.click(screen.getByRole('button', { name: '在地圖與清單上顯示' }));
    const { filters } = useAppStore.getState();
    expect(filters.county).toBe('金門縣');
    expect(filters.town).toBe('金寧鄉');
    expect(filters.hiddenCategories).not.toContain('friendly-shop');
    expect(filters.hiddenCategories).toHaveLength(6);
  });
});
