import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LoadReport } from '../../src/features/load-report/load-report.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { hostileFile, renderWithData, seedStore } from './fixtures.ts';

const heading = () => screen.getByRole('heading', { name: '資料載入報告' });
const detailsOf = (element: HTMLElement) => element.closest('details');

describe('LoadReport', () => {
  it('shows nothing until the data is ready', () => {
    const { container } = render(<LoadReport />);
    expect(container).toBeEmptyDOMElement();
    act(() => useAppStore.getState().startLoading());
    expect(container).toBeEmptyDOMElement();
    act(() => {
      seedStore();
    });
    expect(heading()).toBeInTheDocument();
  });

  it('sums up files, rows, resources and notes, collapsed when every file loaded', () => {
    const { dataset } = renderWithData(<LoadReport />);
    const rows = dataset.files.reduce((n, f) => n + f.rowCount, 0);
    expect(
      screen.getByText(
        `${dataset.files.length} 個檔案、${rows} 列資料、${dataset.resources.length} 筆資源、${dataset.issues.length} 則提示`,
      ),
    ).toBeInTheDocument();
    expect(detailsOf(heading())).not.toHaveAttribute('open');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    for (const f of dataset.files) {
      expect(screen.getByText(`${f.file}：${f.rowCount} 列，載入 ${f.resourceCount} 筆`)).toBeInTheDocument();
    }
  });

  it('counts the notes by kind', () => {
    const { dataset } = renderWithData(<LoadReport />, { extraFiles: [hostileFile] });
    const count = (code: string) => dataset.issues.filter((i) => i.code === code).length;
    expect(count('approximate-location')).toBeGreaterThan(0);
    expect(
      screen.getByText(`沒有座標，已依地址放在鄉鎮市區中心點（約略位置）：${count('approximate-location')}`),
    ).toBeInTheDocument();
    expect(screen.getByText('網址不是 http/https，未顯示為連結：1')).toBeInTheDocument();
  });

  it('lists each note with its file, row, column and value', () => {
    renderWithData(<LoadReport />, { extraFiles: [hostileFile] });
    expect(
      screen.getByText(
        'hostile.csv · 第 2 列 · 欄位「網址」 · 網址不是 http/https，未顯示為連結 · 「javascript:alert(1)」',
        {
          exact: false,
        },
      ),
    ).toBeInTheDocument();
  });

  it('raises an alert naming a file that failed, opens the report, and still loads the others', () => {
    const { dataset } = renderWithData(<LoadReport />, {
      failures: { 'kinmen-social-services.geojson': 'HTTP 404' },
    });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('kinmen-social-services.geojson：無法載入（HTTP 404）');
    expect(within(alert).queryByText(/chiayi-welfare-centers\.csv/)).not.toBeInTheDocument();
    expect(detailsOf(heading())).toHaveAttribute('open');
    const chiayi = dataset.files.find((f) => f.file === 'chiayi-welfare-centers.csv');
    expect(chiayi?.resourceCount).toBeGreaterThan(0);
    expect(
      screen.getByText(
        `chiayi-welfare-centers.csv：${chiayi?.rowCount} 列，載入 ${chiayi?.resourceCount} 筆`,
      ),
    ).toBeInTheDocument();
  });

  it('explains, in words, why a file without a name column was not loaded', () => {
    renderWithData(<LoadReport />, {
      extraFiles: [{ path: 'no-names.csv', text: '地址,電話\n嘉義縣民雄鄉,05-2207017\n' }],
    });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'no-names.csv：無法載入（找不到名稱欄位（例如「名稱」、「機構名稱」、「name」））',
    );
  });
});
