import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QuestionBox } from '../../src/features/inventory/question-box.tsx';
import { translateBriefing } from '../../src/i18n/briefing/translate-briefing.ts';
import type { BriefingKey } from '../../src/i18n/briefing/zh-briefing.ts';
import { idMessages } from '../../src/i18n/messages-id.ts';
import { thMessages } from '../../src/i18n/messages-th.ts';
import { viMessages } from '../../src/i18n/messages-vi.ts';
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

/**
 * In Vietnamese, Indonesian and Thai the box still reads Chinese and English questions, but everything it writes
 * is in the interface language: its labels, its examples (each with the English wording it asks), how it
 * understood the question, the answer, and the "not understood" message.
 */
describe.each([
  [
    'vi',
    viMessages,
    'Ở Jinning có bao nhiêu cửa hàng thân thiện?',
    'Tổng cộng 2 nơi.',
    'Đếm số lượng',
    'Hôm nay thời tiết thế nào?',
  ],
  [
    'id',
    idMessages,
    'Berapa toko ramah di Jinning?',
    'Seluruhnya 2.',
    'Berapa banyak',
    'Bagaimana cuaca hari ini?',
  ],
  ['th', thMessages, 'ที่ Jinning มีร้านค้าที่เป็นมิตรกี่แห่ง', 'รวม 2 แห่ง', 'นับจำนวน', 'วันนี้อากาศเป็นอย่างไร'],
] as const)('the question box in %s', (language, messages, example, answer, kind, weather) => {
  const tb = (key: BriefingKey) => translateBriefing(language, key);
  const renderIn = () => {
    const result = renderBox();
    act(() => useAppStore.getState().setLanguage(language, messages));
    return result;
  };

  it('writes its examples in the language, with the English wording each one asks', () => {
    renderIn();
    const examples = within(screen.getByRole('region', { name: tb('question.examples') }));
    const button = examples.getByRole('button', { name: new RegExp(`^${escapeRegExp(example)}`) });
    const english = translateBriefing('en', 'question.example.count');
    expect(within(button).getByText(english)).toHaveAttribute('lang', 'en');
    expect(examples.getByText(tb('question.languages'))).toBeVisible();
  });

  it('answers an example and shows how it understood it in the language', async () => {
    const { user, dataset } = renderIn();
    await user.click(screen.getByRole('button', { name: new RegExp(`^${escapeRegExp(example)}`) }));
    expect(screen.getByRole('searchbox', { name: tb('question.label') })).toHaveValue(
      translateBriefing('en', 'question.example.count'),
    );
    const understood = within(screen.getByRole('group', { name: tb('question.understood') }));
    const chosen = (label: BriefingKey) =>
      (understood.getByLabelText(tb(label)) as HTMLSelectElement).selectedOptions[0]?.textContent;
    expect(chosen('question.kind')).toBe(kind);
    const shop = dataset.manifest.categories.find((c) => c.id === 'friendly-shop');
    expect(chosen('question.category')).toBe(shop?.label[language]);
    expect(screen.getByText(answer)).toBeInTheDocument();
  });

  it('says in the language when it does not understand, and which languages it reads', () => {
    renderIn();
    fireEvent.change(screen.getByRole('searchbox', { name: tb('question.label') }), {
      target: { value: weather },
    });
    fireEvent.click(screen.getByRole('button', { name: tb('question.submit') }));
    expect(screen.getByRole('status')).toHaveTextContent(tb('question.notUnderstood'));
  });
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
