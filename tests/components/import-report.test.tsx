import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ImportPanel } from '../../src/features/import/import-panel.tsx';
import { ImportReport } from '../../src/features/import/import-report-dialog-gate.tsx';
import { MappingDialog } from '../../src/features/import/mapping-dialog-gate.tsx';
import { tainanTwd97Big5, ZERO_NAME, ZERO_ROW } from '../tainan-twd97-file.ts';
import { renderWithData } from './fixtures.ts';
import { bytesFile, importsReadGazetteerFromDisk } from './import-helpers.ts';

importsReadGazetteerFromDisk();

/** The import runs on the page in jsdom, the village boundaries decoded there: seconds, not a click. */
const SLOW = { timeout: 30_000 };

describe('the import report leads to the problems', () => {
  it('lists the one (0, 0) row of a Big5/TWD97 file first, with filter chips that agree with the summary', async () => {
    const { user } = renderWithData(
      <>
        <ImportPanel />
        <MappingDialog />
        <ImportReport />
      </>,
    );
    const file = tainanTwd97Big5();
    await user.upload(screen.getByLabelText('選擇要匯入的檔案'), bytesFile(file.name, file.bytes));
    const dialog = await screen.findByRole('dialog', { name: `確認欄位：${file.name}` }, SLOW);
    await user.click(within(dialog).getByRole('button', { name: '開始匯入' }));
    const report = await screen.findByRole('dialog', { name: `匯入報告：${file.name}` }, SLOW);

    expect(within(report).getByText('共 500 列：已匯入 500、需要放置 0、未匯入 0')).toBeInTheDocument();
    // What was done to the whole file is said once, not on 499 rows.
    const notes = within(report).getByRole('region', { name: '整個檔案的處理' });
    expect(within(notes).getByText(/文字編碼：BIG5/)).toBeInTheDocument();
    expect(within(notes).getByText(/整個檔案的座標為 TM2 二度分帶公尺值.*EPSG:3826/)).toBeInTheDocument();
    expect(within(notes).getByText(/判定為 「臺南市」/)).toBeInTheDocument();

    const chips = within(report).getByRole('group', { name: '依結果篩選' });
    const labels = within(chips)
      .getAllByRole('button')
      .map((chip) => chip.textContent);
    expect(labels).toEqual([
      '全部（500）',
      '未匯入（0）',
      '需要放置（0）',
      '約略位置（1）',
      '已修正後匯入（0）',
      '已匯入（有附註）（499）',
      '照原樣匯入（0）',
    ]);

    // The (0, 0) row is the first row listed, before any routine one.
    const table = within(report).getByRole('table');
    const [, first] = within(table).getAllByRole('row');
    expect(first).toHaveTextContent(String(ZERO_ROW));
    expect(first).toHaveTextContent(ZERO_NAME);
    expect(first).toHaveTextContent('座標為 (0, 0)');
    // Then the rows placed from their position (the address names no county): the village from the boundaries.
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent(
      /已依座標（內政部界線）補上 「臺南市中西區.+里」/,
    );
    expect(within(table).getByText('第 1–50 列，共 500 列')).toBeInTheDocument();

    // A chip lists only its class; the pager goes through every row of it.
    await user.click(within(chips).getByRole('button', { name: /^約略位置/ }));
    expect(within(chips).getByRole('button', { name: /^約略位置/ })).toHaveAttribute('aria-pressed', 'true');
    expect(within(report).getAllByRole('row')).toHaveLength(2);
    await user.click(within(chips).getByRole('button', { name: /^全部/ }));
    await user.click(within(report).getByRole('button', { name: '下一頁' }));
    expect(within(report).getByText('第 51–100 列，共 500 列')).toBeInTheDocument();
    expect(within(report).getByRole('table')).not.toHaveTextContent(ZERO_NAME);
  }, 60_000);
});
