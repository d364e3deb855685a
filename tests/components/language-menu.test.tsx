import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LanguageMenu } from '../../src/app/language-menu.tsx';
import { applyUrlToStore, useUrlSync } from '../../src/app/use-url-sync.ts';
import { FilterPanel } from '../../src/features/filters/filter-panel.tsx';
import { ResultCount } from '../../src/features/list/result-count.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { renderWithData } from './fixtures.ts';

function UrlSync() {
  useUrlSync();
  return null;
}

const ui = (
  <>
    <UrlSync />
    <LanguageMenu />
    <FilterPanel />
    <ResultCount />
  </>
);

const menu = () => screen.getByRole('combobox', { name: /Language/ });

describe('LanguageMenu', () => {
  afterEach(() => {
    window.history.replaceState(null, '', '/');
    window.localStorage.clear();
    document.documentElement.lang = '';
  });

  it('offers the five languages, each named in itself and marked with its lang', () => {
    renderWithData(ui);
    expect(menu()).toHaveAccessibleName('語言 Language');
    const options = within(menu()).getAllByRole('option');
    expect(options.map((o) => [o.textContent, o.getAttribute('lang')])).toEqual([
      ['中文', 'zh-TW'],
      ['English', 'en'],
      ['Tiếng Việt', 'vi'],
      ['Bahasa Indonesia', 'id'],
      ['ไทย', 'th'],
    ]);
    expect(menu()).toHaveValue('zh-TW');
  });

  it.each([
    ['en', 'Filters', 'Search name, address or service', /^Friendly shop \(\d+\)$/, 'Meals', /^\d+ results$/],
    [
      'vi',
      'Bộ lọc',
      'Tìm theo tên, địa chỉ hoặc dịch vụ',
      /^Cửa hàng thân thiện \(\d+\)$/,
      'Bữa ăn',
      /^\d+ kết quả$/,
    ],
    ['id', 'Filter', 'Cari nama, alamat, atau layanan', /^Toko ramah \(\d+\)$/, 'Makanan', /^\d+ hasil$/],
    ['th', 'ตัวกรอง', 'ค้นหาชื่อ ที่อยู่ หรือบริการ', /^ร้านค้าที่เป็นมิตร \(\d+\)$/, 'อาหาร', /^\d+ รายการ$/],
  ])(
    'switches the page, the category and service names, the URL, <html lang> and the remembered choice to %s',
    async (code, heading, search, category, service, count) => {
      const { user } = renderWithData(ui);
      await user.selectOptions(menu(), code);

      expect(await screen.findByRole('heading', { name: heading })).toBeInTheDocument();
      expect(useAppStore.getState().language).toBe(code);
      expect(screen.queryByRole('heading', { name: '篩選' })).not.toBeInTheDocument();
      expect(screen.getByRole('searchbox', { name: search })).toBeInTheDocument();
      expect(screen.getByRole('checkbox', { name: category })).toBeInTheDocument();
      expect(screen.getByRole('checkbox', { name: service })).toBeInTheDocument();
      expect(screen.getByRole('status')).toHaveTextContent(count);
      expect(menu()).toHaveValue(code);
      await waitFor(() => expect(new URLSearchParams(window.location.search).get('lang')).toBe(code));
      expect(document.documentElement.lang).toBe(code);
      expect(window.localStorage.getItem('crm.language')).toBe(code);

      await user.selectOptions(menu(), 'zh-TW');
      expect(await screen.findByRole('heading', { name: '篩選' })).toBeInTheDocument();
      await waitFor(() => expect(new URLSearchParams(window.location.search).get('lang')).toBeNull());
      expect(document.documentElement.lang).toBe('zh-TW');
    },
  );

  it('opens a link in the language it names, and a remembered language when the link names none', async () => {
    renderWithData(ui);
    await act(() => applyUrlToStore('?lang=th'));
    expect(screen.getByRole('heading', { name: 'ตัวกรอง' })).toBeInTheDocument();

    window.localStorage.setItem('crm.language', 'id');
    await act(() => applyUrlToStore(''));
    expect(screen.getByRole('heading', { name: 'Filter' })).toBeInTheDocument();

    await act(() => applyUrlToStore('?lang=fr'));
    expect(useAppStore.getState().language).toBe('zh-TW');
  });

  it('names counties and townships in the Ministry of the Interior’s romanisation, the Chinese name beside it', async () => {
    const { user } = renderWithData(ui);
    await user.selectOptions(menu(), 'th');
    const county = await screen.findByRole('combobox', { name: 'เทศมณฑล / เมือง' });
    expect(within(county).getByRole('option', { name: 'Chiayi County (嘉義縣)' })).toHaveValue('嘉義縣');
    await user.selectOptions(county, '嘉義縣');
    const town = screen.getByRole('combobox', { name: 'ตำบล / เขต' });
    expect(within(town).getByRole('option', { name: 'Minxiong Township (民雄鄉)' })).toHaveValue('民雄鄉');
  });

  it('keeps the filters when the language changes', async () => {
    const { user } = renderWithData(ui);
    await user.type(screen.getByRole('searchbox', { name: '搜尋名稱、地址或服務' }), '民雄');
    await user.click(screen.getByRole('checkbox', { name: /友善商店/ }));

    await user.selectOptions(menu(), 'en');

    expect(await screen.findByRole('searchbox', { name: 'Search name, address or service' })).toHaveValue(
      '民雄',
    );
    expect(screen.getByRole('checkbox', { name: /Friendly shop/ })).not.toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent(/^Showing \d+ of \d+$/);
  });
});
