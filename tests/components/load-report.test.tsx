import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { LoadReport } from '../../src/features/load-report/load-report.tsx';
import { enMessages } from '../../src/i18n/messages-en.ts';
import { useAppStore } from '../../src/store/app-store.ts';
import { hostileFile, renderWithData, seedStore } from './fixtures.ts';

/** axe-core's WCAG 2.1 A/AA rules on the rendered report (layout-dependent checks such as contrast need a browser). */
async function axeViolations(container: HTMLElement): Promise<string[]> {
  const result = await axe.run(container, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    resultTypes: ['violations'],
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

const heading = () => screen.getByRole('heading', { level: 2, name: '資料載入報告' });
const summaryText = (d: {
  files: readonly { rowCount: number }[];
  resources: unknown[];
  issues: unknown[];
}) =>
  `${d.files.length} 個檔案、${d.files.reduce((n, f) => n + f.rowCount, 0)} 列資料、${d.resources.length} 筆資源、${d.issues.length} 則提示`;
/** The disclosure's control: the summary (a button to browsers and screen readers; Testing Library gives it no role). */
const disclosure = (text: string) => {
  const summary = screen.getByText(text).closest('summary');
  if (!summary) throw new Error(`no summary holds “${text}”`);
  return summary;
};
const detailsOf = (element: HTMLElement) => element.closest('details');
/** Opens the report as a person does, by its summary; its rows are made when it opens. */
async function openReport() {
  const summary = document.querySelector('.load-report summary');
  if (!(summary instanceof HTMLElement)) throw new Error('no load report summary');
  await userEvent.setup().click(summary);
}

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

  it('is a region named by its heading, which stands outside the disclosure (a summary holds no heading)', async () => {
    const { container, dataset } = renderWithData(<LoadReport />);
    const region = screen.getByRole('region', { name: '資料載入報告' });
    expect(region).toContainElement(heading());
    expect(heading().closest('summary, details')).toBeNull();
    const summary = disclosure(summaryText(dataset));
    expect(summary.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]')).toBeNull();
    expect(summary.parentElement?.tagName).toBe('DETAILS');
    expect(summary.parentElement?.firstElementChild).toBe(summary);
    // The heading comes first, then the disclosure it names.
    expect(heading().compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('opens and closes from its summary, and axe finds nothing either way', async () => {
    const { container, dataset, user } = renderWithData(<LoadReport />);
    const summary = disclosure(summaryText(dataset));
    const details = detailsOf(summary);
    const [first] = dataset.files;
    const fileLine = screen.getByText(
      `${first?.file}：${first?.rowCount} 列，載入 ${first?.resourceCount} 筆`,
    );
    expect(details).not.toHaveAttribute('open');
    expect(fileLine).not.toBeVisible();
    expect(heading()).toBeVisible();
    await user.click(summary);
    expect(details).toHaveAttribute('open');
    expect(fileLine).toBeVisible();
    expect(await axeViolations(container)).toEqual([]);
    await user.click(summary);
    expect(details).not.toHaveAttribute('open');
    expect(fileLine).not.toBeVisible();
    expect(heading()).toBeVisible();
  });

  it('speaks English', () => {
    const { dataset } = renderWithData(<LoadReport />);
    act(() => useAppStore.getState().setLanguage('en', enMessages));
    expect(screen.getByRole('heading', { level: 2, name: 'Data load report' })).toBeInTheDocument();
    const rows = dataset.files.reduce((n, f) => n + f.rowCount, 0);
    expect(
      disclosure(
        `${dataset.files.length} files, ${rows} rows, ${dataset.resources.length} resources, ${dataset.issues.length} notes`,
      ),
    ).toBeInTheDocument();
  });

  it('sums up files, rows, resources and notes, collapsed when every file loaded', () => {
    const { dataset } = renderWithData(<LoadReport />);
    expect(disclosure(summaryText(dataset))).toBeInTheDocument();
    expect(detailsOf(disclosure(summaryText(dataset)))).not.toHaveAttribute('open');
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

  it('lists each note with its file, row, column and value, once opened', async () => {
    renderWithData(<LoadReport />, { extraFiles: [hostileFile] });
    expect(document.querySelector('.report-issues')).toBeNull();
    await openReport();
    expect(
      await screen.findByText(
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
    expect(detailsOf(disclosure(summaryText(dataset)))).toHaveAttribute('open');
    const chiayi = dataset.files.find((f) => f.file === 'chiayi-welfare-centers.csv');
    expect(chiayi?.resourceCount).toBeGreaterThan(0);
    expect(
      screen.getByText(
        `chiayi-welfare-centers.csv：${chiayi?.rowCount} 列，載入 ${chiayi?.resourceCount} 筆`,
      ),
    ).toBeInTheDocument();
  });

  it("names, in both languages, a place name brought to today's", async () => {
    const former = {
      path: 'former-names.csv',
      text: '名稱,地址\n板橋關懷據點,臺北縣板橋市文化路一段1號\n永康關懷據點,台南縣永康市中正路1號\n',
    };
    renderWithData(<LoadReport />, { extraFiles: [former] });
    await openReport();
    expect(
      screen.getByText(
        '縣市或鄉鎮市名稱為 2010／2014 年改制前的舊名，已改為現行名稱（例如臺北縣板橋市 → 新北市板橋區）：2',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/former-names\.csv · 第 2 列 · 欄位「地址」 · 縣市或鄉鎮市名稱/),
    ).toHaveTextContent('「臺北縣板橋市 → 新北市板橋區」');
    act(() => useAppStore.getState().setLanguage('en', enMessages));
    expect(
      screen.getByText(
        'A county or township name from before the 2010/2014 mergers was changed to today’s (e.g. 臺北縣板橋市 → 新北市板橋區)：2',
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
