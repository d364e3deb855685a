import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnalysisPanel } from '../../src/features/inventory/analysis-panel.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { renderWithData } from './fixtures.ts';
import { townships } from './workshop-helpers.ts';

const COVERAGE_FIXTURE = `id,名稱,類別,地址,緯度,經度
cov-puzi,測試社福中心（朴子）,社會福利服務中心,嘉義縣朴子市,23.4600,120.2700
cov-minxiong,測試社福中心（民雄）,社會福利服務中心,嘉義縣民雄鄉,23.5560,120.4400
cov-zhuqi,測試社福中心（竹崎）,社會福利服務中心,嘉義縣竹崎鄉,23.5240,120.5520
`;

function renderPanel(options: Parameters<typeof renderWithData>[1] = {}) {
  const result = renderWithData(<AnalysisPanel />, options);
  act(() => {
    const s = useAppStore.getState();
    s.setTownships('ready', townships);
    s.setArea('嘉義縣', '');
    s.setAnalysisOpen(true);
  });
  return result;
}
const table = () => screen.getByRole('table', { name: '各鄉鎮市區的資源數量（依類別）' });
const rowOf = (town: string) => within(table()).getByRole('row', { name: new RegExp(`^嘉義縣 ${town}`) });
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('resource inventory', () => {
  it('has a row for every township of the county, counting each category, with gaps marked', () => {
    const { dataset } = renderPanel();
    const bodyRows = within(table()).getAllByRole('rowgroup')[1] as HTMLElement;
    expect(within(bodyRows).getAllByRole('row')).toHaveLength(18);
    const minxiong = dataset.resources.filter((r) => r.town === '民雄鄉');
    // A zero is a gap: it says so to a screen reader, "0（缺）".
    const count = (category: string) => {
      const n = minxiong.filter((r) => r.category === category).length;
      return n === 0 ? '0（缺）' : String(n);
    };
    expect(cells(rowOf('民雄鄉'))).toEqual([
      count('welfare-center'),
      count('friendly-shop'),
      count('community-association'),
      count('care-point'),
      count('after-school'),
      count('mental-health'),
      count('township-office'),
      String(minxiong.length),
    ]);
    // A township without a welfare centre: the zero says so to a screen reader too.
    expect(within(rowOf('大埔鄉')).getAllByRole('cell')[0]).toHaveTextContent('0（缺）');
  });

  it('follows the category ticks: a hidden category has no column', () => {
    renderPanel();
    act(() => useAppStore.getState().toggleCategory('friendly-shop', false));
    expect(within(table()).queryByRole('columnheader', { name: /友善商店/ })).not.toBeInTheDocument();
  });

  it('sorts by a column when its header is clicked, largest first, and again the other way', async () => {
    const { user } = renderPanel();
    const header = within(table()).getByRole('columnheader', { name: /合計/ });
    await user.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'descending');
    const totals = () =>
      within(within(table()).getAllByRole('rowgroup')[1] as HTMLElement)
        .getAllByRole('row')
        .map((row) => Number(within(row).getAllByRole('cell').at(-1)?.textContent));
    expect(totals()).toEqual([...totals()].sort((a, b) => b - a));
    await user.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    expect(totals()).toEqual([...totals()].sort((a, b) => a - b));
  });

  it('draws one bar per township with its total written beside it', () => {
    renderPanel();
    const chart = screen.getByRole('figure', { name: '各鄉鎮市區資源數量' });
    expect(
      within(chart)
        .getAllByRole('listitem')
        .filter((li) => li.className === 'inventory-chart__row'),
    ).toHaveLength(18);
  });
});

describe('coverage and gaps', () => {
  it('lists the townships outside every radius for the fixture, farthest first, with the coverage rate', async () => {
    const { user } = renderPanel({
      extraFiles: [{ path: 'coverage.csv', text: COVERAGE_FIXTURE, category: 'welfare-center' }],
      failures: { 'chiayi-welfare-centers.csv': 'replaced by the fixture' },
    });
    await user.click(screen.getByRole('tab', { name: '涵蓋範圍與缺口' }));
    expect(screen.getByRole('tab', { name: '涵蓋範圍與缺口' })).toHaveAttribute('aria-selected', 'true');
    await user.selectOptions(screen.getByLabelText('資源類別'), '社會福利服務中心');
    await user.selectOptions(screen.getByLabelText('服務半徑'), '10 公里');
    const list = screen.getByRole('list', { name: /10 公里 範圍外的鄉鎮市區：7 個/ });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.coverage__place')?.textContent),
    ).toEqual(
      ['大埔鄉', '阿里山鄉', '水上鄉', '義竹鄉', '中埔鄉', '布袋鎮', '番路鄉'].map((t) => `嘉義縣 ${t}`),
    );
    expect(screen.getByText(/18 個鄉鎮市區中，有 11 個.*（涵蓋率 61%）/)).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('最近 26 公里');
  });

  it('choosing a category starts from its usual radius (1 km for friendly shops)', async () => {
    const { user } = renderPanel();
    await user.click(screen.getByRole('tab', { name: '涵蓋範圍與缺口' }));
    await user.selectOptions(screen.getByLabelText('資源類別'), '友善商店');
    expect(screen.getByLabelText('服務半徑')).toHaveValue('1000');
  });

  it('closes', async () => {
    const { user } = renderPanel();
    await user.click(screen.getByRole('button', { name: '關閉盤點' }));
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });
});

describe('coverage by village, with no upload', () => {
  /** The page's data folder as the server gives it (jsdom has no server): data/<file>, or a 404 when `down`. */
  function serveDataFolder(down = false) {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string | URL) => {
      const path = new URL(String(url)).pathname;
      asked.push(path);
      if (down) return new Response('', { status: 404 });
      const file = path.replace(/^\/data\//, '');
      return new Response(readFileSync(resolve(process.cwd(), 'data', file), 'utf8'));
    });
    return asked;
  }
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('offers the villages of the county in view, each gap with its nearest resource, and an office file as an override', async () => {
    const asked = serveDataFolder();
    const { user } = renderPanel();
    await user.click(screen.getByRole('tab', { name: '涵蓋範圍與缺口' }));
    await user.selectOptions(screen.getByLabelText('資源類別'), '社會福利服務中心');
    expect(screen.getByLabelText('服務半徑')).toHaveValue('5000');
    expect(asked).toEqual([]);

    const unit = screen.getByRole('group', { name: '計算的地點' });
    expect(within(unit).getByRole('radio', { name: '鄉鎮市區中心點' })).toBeChecked();
    await user.click(within(unit).getByRole('radio', { name: '村里中心點（內政部村里界，免上傳）' }));
    // 357 villages of 嘉義縣 (not 7,701 of Taiwan); the six 日安 centres at their township centroids reach 132.
    expect(await screen.findByText(/357 個村里中，有 132 個.*（涵蓋率 37%）/)).toBeInTheDocument();
    expect(asked).toEqual(['/data/tw-village-centroids.csv']);
    expect(screen.getByText(/內政部村里界圖/)).toBeInTheDocument();
    const list = screen.getByRole('list', { name: /5 公里 範圍外的村里：225 個/ });
    const [first] = within(list).getAllByRole('listitem');
    expect(first).toHaveTextContent('嘉義縣 阿里山鄉 中山村');
    expect(first).toHaveTextContent('最近 27 公里：嘉義縣日安社會福利服務中心（竹崎）');
    const daPu = within(list).getByText('嘉義縣 大埔鄉 大埔村').closest('li');
    expect(daPu).toHaveTextContent('最近 14 公里：嘉義縣日安社會福利服務中心（中埔）');
    expect(screen.getByText(/6 處資源沒有精確座標/)).toBeInTheDocument();

    // The office's own villages stand in for the Ministry's, until it goes back to them.
    const text = readFileSync(resolve(process.cwd(), 'tests', 'fixtures', 'coverage-villages.csv'), 'utf8');
    const file = new File([text], 'coverage-villages.csv', { type: 'text/csv' });
    // jsdom's File has no arrayBuffer (browsers' has): give it the bytes a browser would.
    Object.defineProperty(file, 'arrayBuffer', { value: async () => new TextEncoder().encode(text).buffer });
    await user.upload(screen.getByLabelText('改用自己的村里點位或界線（CSV／GeoJSON，選填）'), file);
    expect(
      await screen.findByText(/已載入 coverage-villages.csv：4 個村里（1 列無法使用）/),
    ).toBeInTheDocument();
    expect(screen.getByText(/4 個村里中，有/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '改回內政部村里' }));
    expect(screen.getByText(/357 個村里中，有 132 個/)).toBeInTheDocument();

    // Back to townships; the villages came once.
    await user.click(within(unit).getByRole('radio', { name: '鄉鎮市區中心點' }));
    expect(screen.getByText(/18 個鄉鎮市區中/)).toBeInTheDocument();
    await user.click(within(unit).getByRole('radio', { name: '村里中心點（內政部村里界，免上傳）' }));
    expect(screen.getByText(/357 個村里中/)).toBeInTheDocument();
    expect(asked).toHaveLength(1);
    // Reading 7,701 villages on the page (jsdom has no workers) and an upload: seconds on a busy machine.
  }, 30_000);

  it('says when the villages cannot be loaded, shows no made-up figures, and tries again', async () => {
    serveDataFolder(true);
    const { user } = renderPanel();
    await user.click(screen.getByRole('tab', { name: '涵蓋範圍與缺口' }));
    await user.click(screen.getByRole('radio', { name: '村里中心點（內政部村里界，免上傳）' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('村里中心點無法載入');
    expect(screen.queryByText(/個村里中/)).toBeNull();
    expect(screen.getByRole('button', { name: '下載缺口清單（CSV）' })).toBeDisabled();
    serveDataFolder();
    await user.click(screen.getByRole('button', { name: '重試' }));
    expect(await screen.findByText(/357 個村里中/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下載缺口清單（CSV）' })).toBeEnabled();
  }, 30_000);
});
