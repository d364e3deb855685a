import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HelpOverlay } from '../../src/features/presentation/help-overlay.tsx';
import { PresentationButton } from '../../src/features/presentation/presentation-button.tsx';
import { PresentationLegend } from '../../src/features/presentation/presentation-legend.tsx';
import { QrOverlay } from '../../src/features/presentation/qr-overlay.tsx';
import { YearSlider } from '../../src/features/presentation/year-slider.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { renderWithData } from './fixtures.ts';

const store = () => useAppStore.getState();
const legendCounts = () =>
  within(screen.getByRole('region', { name: '圖例' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('presentation legend', () => {
  it('is only there in presentation mode, entered and left with the button', async () => {
    const { user } = renderWithData(
      <>
        <PresentationButton />
        <PresentationLegend />
      </>,
    );
    expect(screen.queryByRole('region', { name: '圖例' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '簡報模式' }));
    expect(store().presenting).toBe(true);
    expect(screen.getByRole('region', { name: '圖例' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '結束簡報' }));
    expect(screen.queryByRole('region', { name: '圖例' })).not.toBeInTheDocument();
  });

  it('lists every category with its number key, symbol and count; hidden ones say so', () => {
    const { dataset } = renderWithData(<PresentationLegend />);
    act(() => {
      store().setPresenting(true);
      store().toggleCategory('friendly-shop', false);
    });
    const shops = dataset.resources.filter((r) => r.category === 'friendly-shop').length;
    expect(legendCounts()[1]).toBe(`2友善商店 （已隱藏）${shops}`);
    expect(legendCounts()[0]).toMatch(/^1社會福利服務中心\d+$/);
    expect(screen.getByText(`共 ${dataset.resources.length - shops} 處`)).toBeInTheDocument();
    expect(screen.getByText('全部地區')).toBeInTheDocument();
  });

  it('names the area and the year in view', () => {
    renderWithData(<PresentationLegend />);
    act(() => {
      store().setPresenting(true);
      store().setArea('嘉義縣', '民雄鄉');
      store().setAsOfYear(2022);
    });
    const area = screen.getByText(/^嘉義縣 民雄鄉/);
    expect(area).toHaveTextContent('嘉義縣 民雄鄉至 2022 年');
  });
});

describe('overlays', () => {
  it('the QR overlay shows the participants’ link (no present=1) as text, and closes', async () => {
    window.history.replaceState(
      null,
      '',
      '/?present=1&county=%E5%98%89%E7%BE%A9%E7%B8%A3&town=%E6%B0%91%E9%9B%84%E9%84%89',
    );
    const { user } = renderWithData(<QrOverlay />);
    act(() => store().setArea('嘉義縣', '民雄鄉'));
    act(() => store().setOverlay('qr'));
    const dialog = screen.getByRole('dialog', { name: '用手機掃描，開啟同一畫面' });
    expect(await within(dialog).findByText('localhost:3000/?county=嘉義縣&town=民雄鄉')).toBeInTheDocument();
    const code = within(dialog).getByRole('img', { name: '目前畫面的 QR code' });
    expect(code).toHaveAttribute(
      'data-link',
      'http://localhost:3000/?county=%E5%98%89%E7%BE%A9%E7%B8%A3&town=%E6%B0%91%E9%9B%84%E9%84%89',
    );
    // The map just moved: the address bar holds it once the map is still, the code at once.
    act(() => store().setMapView({ lat: 23.55, lng: 120.44, zoom: 13 }));
    await waitFor(() => expect(code.getAttribute('data-link')).toContain('at=23.55000%2C120.44000%2C13'));
    expect(within(dialog).getByRole('button', { name: '關閉' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: '關閉' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    window.history.replaceState(null, '', '/');
  });

  it('the help overlay lists the shortcuts', () => {
    renderWithData(<HelpOverlay />);
    act(() => store().setOverlay('help'));
    const rows = within(screen.getByRole('dialog', { name: '鍵盤快捷鍵' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((r) => r.textContent)).toContain('N / PageDown下一個鄉鎮市區');
    expect(rows).toHaveLength(12);
  });
});

describe('year slider', () => {
  const withYears = `id,名稱,類別,地址,設立年度
y1,甲據點,社區照顧關懷據點,嘉義縣民雄鄉,2020
y2,乙據點,社區照顧關懷據點,嘉義縣民雄鄉,110
y3,丙據點,社區照顧關懷據點,嘉義縣民雄鄉,民國112年
`;

  it('is absent when no record carries a start year', () => {
    const { container } = renderWithData(<YearSlider />);
    expect(container).toBeEmptyDOMElement();
  });

  it('spans the years in the data; ticking it shows the data as of the chosen year', async () => {
    const { user, dataset } = renderWithData(<YearSlider />, {
      extraFiles: [{ path: 'years.csv', text: withYears }],
    });
    const slider = screen.getByRole('slider', { name: /顯示至/ });
    expect(slider).toBeDisabled();
    expect(slider).toHaveAttribute('min', '2020');
    expect(slider).toHaveAttribute('max', '2023');
    await user.click(screen.getByRole('checkbox', { name: '依設立年度顯示' }));
    expect(store().asOfYear).toBe(2023);
    expect(
      screen.getByText(`${dataset.resources.length - 3} 筆未註明設立年度，目前未顯示。`),
    ).toBeInTheDocument();
    act(() => store().setAsOfYear(2021));
    expect(slider).toHaveAttribute('aria-valuetext', '2021 年');
    await user.click(screen.getByRole('checkbox', { name: '依設立年度顯示' }));
    expect(store().asOfYear).toBeNull();
  });
});
