import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ResourceDetail } from '../../src/features/detail/resource-detail.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import type { SelectionOrigin } from '../../src/store/ui/ui-slice.ts';
import { hostileFile, renderWithData, resourceById } from './fixtures.ts';

const select = (id: string, origin: SelectionOrigin = 'list') =>
  act(() => useAppStore.getState().select(id, origin));
const detail = () => screen.getByRole('region', { name: (name) => name !== '' });
/** The value next to a field name in the detail's definition list. */
const field = (term: string) => {
  const dt = within(detail()).getByText(term, { selector: 'dt' });
  const dd = dt.nextElementSibling;
  if (!(dd instanceof HTMLElement) || dd.tagName !== 'DD') throw new Error(`no value after ${term}`);
  return dd;
};
const destination = (link: HTMLElement) =>
  new URL(link.getAttribute('href') ?? '').searchParams.get('destination');

describe('ResourceDetail', () => {
  it('shows nothing until a resource is selected, nor for an id that is not in the data', () => {
    const { container } = renderWithData(<ResourceDetail />);
    expect(container).toBeEmptyDOMElement();
    select('no-such-id', 'url');
    expect(container).toBeEmptyDOMElement();
  });

  it('shows the name as a heading that takes focus, with the category and the fields', () => {
    renderWithData(<ResourceDetail />);
    select('chiayi-wc-minxiong');

    const heading = screen.getByRole('heading', { level: 2, name: '嘉義縣日安社會福利服務中心（民雄）' });
    expect(detail()).toHaveAccessibleName('嘉義縣日安社會福利服務中心（民雄）');
    expect(heading).toHaveFocus();
    expect(field('類別')).toHaveTextContent('社會福利服務中心');
    expect(field('服務項目')).toHaveTextContent('關懷訪視、通報轉介、福利諮詢');
    expect(field('地址')).toHaveTextContent('嘉義縣民雄鄉江厝店29之4號');
    expect(field('開放時間')).toHaveTextContent('未提供');
    expect(field('說明')).toHaveTextContent('嘉義縣第一棟社會福利綜合大樓。');
    expect(field('最後確認')).toHaveTextContent('2023/3/15');
  });

  it('leaves focus alone when the selection comes from a shared link', () => {
    renderWithData(<ResourceDetail />);
    select('chiayi-wc-minxiong', 'url');
    expect(screen.getByRole('heading', { level: 2 })).not.toHaveFocus();
  });

  it('dials a phone number with its extension', () => {
    renderWithData(<ResourceDetail />);
    select('chiayi-wc-minxiong');
    const phone = within(field('電話')).getByRole('link', { name: '(05)220-7017 分機17' });
    expect(phone).toHaveAttribute('href', 'tel:052207017,17');
  });

  it('warns that a township-centre position is approximate, and routes to the address instead', () => {
    const { dataset } = renderWithData(<ResourceDetail />);
    select('chiayi-wc-minxiong');
    expect(
      screen.getByText('此位置為鄉鎮市區的中心點，並非確切地點；前往前請依地址或電話確認。'),
    ).toBeInTheDocument();
    const directions = screen.getByRole('link', { name: /^路線導航（嘉義縣日安社會福利服務中心（民雄））$/ });
    expect(destination(directions)).toBe(resourceById(dataset, 'chiayi-wc-minxiong').address);
    expect(directions).toHaveAttribute('target', '_blank');
    expect(directions).toHaveAttribute('rel', expect.stringContaining('noopener'));
    expect(screen.queryByText(/示範資料/)).not.toBeInTheDocument();
  });

  it('badges sample data and routes to exact coordinates', () => {
    const { dataset } = renderWithData(<ResourceDetail />);
    const shop = resourceById(dataset, 'sample-shop-001');
    select(shop.id);
    // The badge stands above the fields (the sample files' source line happens to say the same).
    expect(screen.getByText('示範資料（虛構，僅供展示）', { selector: 'p' })).toBeInTheDocument();
    expect(screen.queryByText(/並非確切地點/)).not.toBeInTheDocument();
    expect(field('電話')).toHaveTextContent('未提供');
    const [lat, lng] = shop.position ?? [Number.NaN, Number.NaN];
    expect(destination(screen.getByRole('link', { name: /^路線導航（/ }))).toBe(
      `${lat.toFixed(6)},${lng.toFixed(6)}`,
    );
  });

  it('puts 打電話 (with the extension) and 路線 right under the name, before any other field', () => {
    renderWithData(<ResourceDetail />);
    select('chiayi-wc-minxiong');
    const call = screen.getByRole('link', {
      name: /^打電話 \(05\)220-7017 分機17（嘉義縣日安社會福利服務中心（民雄））$/,
    });
    expect(call).toHaveAttribute('href', 'tel:052207017,17');
    expect(call).toHaveTextContent('打電話');
    const heading = screen.getByRole('heading', { level: 2 });
    const firstField = within(detail()).getByText('類別', { selector: 'dt' });
    // In document order: the name, then the call button, then the fields.
    expect(heading.compareDocumentPosition(call) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(call.compareDocumentPosition(firstField) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('lists the help lines in a welfare record’s detail (1957, 113, 1925, 1966), not in a shop’s', () => {
    renderWithData(<ResourceDetail />);
    select('chiayi-wc-minxiong');
    const lines = within(detail()).getByRole('heading', { name: '可以打的專線' })
      .parentElement as HTMLElement;
    expect(
      within(lines)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['tel:1957', 'tel:113', 'tel:1925', 'tel:1966']);
    expect(within(lines).getByRole('link', { name: /撥打 1966\s*長照專線/ })).toBeInTheDocument();

    select('sample-shop-001');
    expect(within(detail()).queryByRole('heading', { name: '可以打的專線' })).not.toBeInTheDocument();
  });

  it('writes the opening hours in words, in the page’s language', () => {
    renderWithData(<ResourceDetail />);
    select('sample-shop-001');
    expect(field('開放時間')).toHaveTextContent('週一至週五 10:30–14:00、16:30–20:00');
    expect(field('開放時間')).not.toHaveTextContent('Mo-Fr');
  });

  it('closes on Escape and gives focus back to the result that opened it', async () => {
    const { user, container } = renderWithData(
      <>
        <button type="button" onClick={() => useAppStore.getState().select('chiayi-wc-minxiong', 'list')}>
          打開民雄
        </button>
        <ResourceDetail />
      </>,
    );
    const opener = screen.getByRole('button', { name: '打開民雄' });
    await user.click(opener);
    expect(screen.getByRole('heading', { level: 2 })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(useAppStore.getState().selectedId).toBeNull();
    expect(container.querySelector('.resource-detail')).toBeNull();
    await waitFor(() => expect(opener).toHaveFocus());
  });

  it('links an http(s) website, adding the scheme when the file left it out', () => {
    renderWithData(<ResourceDetail />, { extraFiles: [hostileFile] });
    select('test-website');
    expect(within(field('網站')).getByRole('link')).toHaveAttribute(
      'href',
      'https://example.org/shop?a=1&b=2',
    );

    select('test-bare-website');
    expect(within(field('網站')).getByRole('link', { name: 'https://www.example.com/path' })).toHaveAttribute(
      'href',
      'https://www.example.com/path',
    );
  });

  it('renders hostile text as text: no markup, no script link', () => {
    const { container } = renderWithData(<ResourceDetail />, { extraFiles: [hostileFile] });
    select('test-hostile');

    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(field('地址')).toHaveTextContent('<script>alert(1)</script>嘉義縣民雄鄉');
    expect(field('說明')).toHaveTextContent('<b>粗體</b><a href="javascript:alert(2)">按我</a>');
    expect(container.querySelector('img, script, b')).toBeNull();
    // The javascript: website was dropped on load, so there is no website field at all.
    expect(within(detail()).queryByText('網站', { selector: 'dt' })).not.toBeInTheDocument();
    const hrefs = within(detail())
      .getAllByRole('link')
      .map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.length).toBeGreaterThan(0);
    // mailto: is the report-a-correction link, with the hostile text percent-encoded into its subject.
    for (const href of hrefs) expect(href).toMatch(/^(tel:|https:|mailto:)/);
  });

  it('closes with its button, clearing the selection', async () => {
    const { user, container } = renderWithData(<ResourceDetail />);
    select('chiayi-wc-minxiong');
    await user.click(screen.getByRole('button', { name: '關閉詳細資料' }));
    expect(useAppStore.getState().selectedId).toBeNull();
    expect(container).toBeEmptyDOMElement();
  });
});
