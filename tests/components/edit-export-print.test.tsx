import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import * as download from '../../src/components/download-file.ts';
import { EditActions } from '../../src/features/edit/edit-actions.tsx';
import { EditForm } from '../../src/features/edit/edit-form-gate.tsx';
import { EditHistoryBar } from '../../src/features/edit/edit-history-bar.tsx';
import { ExportButton } from '../../src/features/export/export-button.tsx';
import { ExportDialog } from '../../src/features/export/export-dialog-gate.tsx';
import { PrintView } from '../../src/features/print/print-view-gate.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { selectFilterResult, selectResourceById } from '../../src/store/data/derived.ts';
import { renderWithData, resourceById } from './fixtures.ts';

const MINXIONG = 'chiayi-wc-minxiong';
/** The dialogs are loaded on demand (lazy chunks): allow for a slow machine. */
const LAZY = { timeout: 10_000 };

function EditUi() {
  const resource = useAppStore((s) => selectResourceById(s, MINXIONG));
  return (
    <>
      <EditHistoryBar />
      {resource && <EditActions resource={resource} />}
      <EditForm />
    </>
  );
}

describe('correcting a record', () => {
  it('saves the corrected fields with today’s date as last verified, and undo brings the original back', async () => {
    const { user, dataset } = renderWithData(<EditUi />);
    const original = resourceById(dataset, MINXIONG);
    await user.click(screen.getByRole('button', { name: '修正資料' }));
    const dialog = await screen.findByRole('dialog', { name: `修正資料：${original.name}` });
    const phone = within(dialog).getByLabelText('電話（多支以；分隔）');
    await user.clear(phone);
    await user.type(phone, '05-2261234；1957');
    await user.click(within(dialog).getByRole('button', { name: '儲存修正' }));
    const edited = selectResourceById(useAppStore.getState(), MINXIONG);
    expect(edited?.phones).toEqual(['05-2261234', '1957']);
    expect(edited?.lastVerified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(screen.getByText('已修正 1 筆')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '復原' }));
    expect(selectResourceById(useAppStore.getState(), MINXIONG)).toEqual(original);
    await user.click(screen.getByRole('button', { name: '重做' }));
    expect(selectResourceById(useAppStore.getState(), MINXIONG)?.phones).toEqual(['05-2261234', '1957']);
  });

  it('refuses an empty name and a website that is not http(s)', async () => {
    const { user } = renderWithData(<EditUi />);
    await user.click(screen.getByRole('button', { name: '修正資料' }));
    const dialog = await screen.findByRole('dialog', { name: /^修正資料/ }, LAZY);
    await user.clear(within(dialog).getByLabelText('名稱'));
    await user.click(within(dialog).getByRole('button', { name: '儲存修正' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('名稱不可空白');
    await user.type(within(dialog).getByLabelText('名稱'), '新名稱');
    await user.type(within(dialog).getByLabelText('網址'), 'javascript:alert(1)');
    await user.click(within(dialog).getByRole('button', { name: '儲存修正' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('網址必須是 http:// 或 https://');
    expect(within(dialog).getByLabelText('網址')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('exporting the filtered list', () => {
  it('exports exactly the filtered list, with the chosen columns, the filter summary and the date in the file name', async () => {
    const save = vi.spyOn(download, 'downloadFile').mockImplementation(() => undefined);
    const { user } = renderWithData(
      <>
        <ExportButton />
        <ExportDialog />
      </>,
    );
    act(() => useAppStore.getState().setArea('嘉義縣', '民雄鄉'));
    const shown = selectFilterResult(useAppStore.getState()).visible.length;
    await user.click(screen.getByRole('button', { name: `匯出清單（${shown} 筆）` }));
    const dialog = await screen.findByRole('dialog', { name: `匯出目前的清單（${shown} 筆）` });
    // A workbook is the default ("Excel" keeps 0930007021); the clerk picks CSV.
    expect(within(dialog).getByRole('radio', { name: /^Excel（XLSX）/ })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: /^CSV/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: '識別碼' }));
    await user.click(within(dialog).getByRole('button', { name: '將「電話」上移' }));
    const fileName = within(dialog).getByText(/^共生資源地圖_/).textContent ?? '';
    expect(fileName).toMatch(new RegExp(`^共生資源地圖_嘉義縣民雄鄉_${shown}筆_\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    await user.click(within(dialog).getByRole('button', { name: '下載 CSV' }));
    await waitFor(() => expect(save).toHaveBeenCalled(), LAZY);
    const [name, content] = save.mock.calls[0] ?? [];
    expect(name).toBe(fileName);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(content as Uint8Array);
    expect(text.startsWith('\uFEFF"名稱"')).toBe(true);
    expect(text.split('\r\n')[0]).toContain('"經度","電話","定位精確度"');
    expect(text).not.toContain('"識別碼"');
    expect(text.split('\r\n').filter((l) => l !== '')).toHaveLength(shown + 1);
  });
});

describe('the print view', () => {
  it('lists the filtered records in a table with the filters and the date', async () => {
    const { user } = renderWithData(
      <>
        <ExportButton />
        <PrintView />
      </>,
    );
    act(() => useAppStore.getState().setQuery('民雄'));
    const shown = selectFilterResult(useAppStore.getState()).visible.length;
    await user.click(screen.getByRole('button', { name: '列印檢視' }));
    const view = await screen.findByRole('dialog', { name: '共生資源地圖' }, LAZY);
    await user.click(within(view).getByRole('checkbox', { name: '在清單上方加入地圖' }));
    expect(within(view).getByText('篩選條件：搜尋「民雄」')).toBeInTheDocument();
    expect(within(view).getByText(/^製表日期：\d{4}-\d{2}-\d{2}/)).toBeInTheDocument();
    const table = within(view).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(shown + 1);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['名稱', '類別', '地址', '電話', '開放時間']);
    await user.click(within(view).getByRole('button', { name: '關閉列印檢視' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
