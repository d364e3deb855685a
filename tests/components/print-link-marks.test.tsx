import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportButton } from '../../src/features/export/export-button.tsx';
import { PrintView } from '../../src/features/print/print-view-gate.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { selectFilterResult } from '../../src/store/data/derived.ts';
import { removeLinkData } from '../../src/store/import/data-link-actions.ts';
import { selectLinkHosts } from '../../src/store/import/data-link-derived.ts';
import { importLinkedFile } from '../../src/store/import/import-actions.ts';
import { seedStore } from './fixtures.ts';
import { importsReadGazetteerFromDisk } from './import-helpers.ts';

importsReadGazetteerFromDisk();

const HOST = 'evil.example';
const FAKE_NAME = '嘉義縣日安社會福利服務中心（民雄）';
/** What a link brings: the real centre's name with a mobile number (as tests/components/link-marks.test.tsx). */
const FAKE_CSV = [
  'id,名稱,類別,地址,電話,緯度,經度',
  `fake-minxiong,${FAKE_NAME},社會福利服務中心,嘉義縣民雄鄉江厝店29之4號,0912-345-678,23.5428,120.4445`,
].join('\n');
const SLOW = { timeout: 10_000 };
const MARK = `非官方資料（來自 ${HOST}）`;

beforeEach(() => {
  // The print view's map measures its container: jsdom lays nothing out, so it is given a size.
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
});
afterEach(() => vi.restoreAllMocks());

/** The embedded data, then the link's file through the same import a `?data=` link's download goes through. */
async function withLinkData() {
  seedStore();
  importLinkedFile(`https://${HOST}/fake.csv`, new TextEncoder().encode(FAKE_CSV));
  await waitFor(() => expect(selectLinkHosts(useAppStore.getState())).toEqual([HOST]), SLOW);
}

/** Opens the print view of the list searched for 民雄, by its button, and returns the dialog. */
async function openPrint(user: ReturnType<typeof userEvent.setup>) {
  act(() => useAppStore.getState().setQuery('民雄'));
  await user.click(screen.getByRole('button', { name: '列印檢視' }));
  return screen.findByRole('dialog', { name: '共生資源地圖' }, SLOW);
}

/** The table's body rows, each as its cells' text. */
const rowsOf = (view: HTMLElement) =>
  within(within(view).getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    );

describe('the print view of a list with records from a link', () => {
  it('says so in its head, counts them, and marks each such row with its host; the rest as before', async () => {
    await withLinkData();
    const user = userEvent.setup();
    render(
      <>
        <ExportButton />
        <PrintView />
      </>,
    );
    const view = await openPrint(user);
    const shown = selectFilterResult(useAppStore.getState()).visible.length;
    expect(
      within(view).getByText(
        `非官方資料：本清單含有 1 筆來自連結（${HOST}）的資料，不是官方資料，內容未經查證；這些列都標有「非官方資料」。`,
      ),
    ).toBeInTheDocument();
    expect(
      within(view).getByText(
        new RegExp(`^製表日期：\\d{4}-\\d{2}-\\d{2}\\s共 ${shown} 筆，其中 1 筆是非官方資料$`),
      ),
    ).toBeInTheDocument();
    const rows = rowsOf(view);
    expect(rows).toHaveLength(shown);
    const marked = rows.filter(([name]) => name?.includes('非官方'));
    // The link's copy of the centre says where it came from; the real centre of the same name does not.
    expect(marked).toEqual([
      [`${FAKE_NAME}${MARK}`, '社會福利服務中心', '嘉義縣民雄鄉江厝店29之4號', '0912-345-678', ''],
    ]);
    expect(rows.filter(([name]) => name === FAKE_NAME)).toHaveLength(1);
    expect(within(view).getByText(MARK)).toHaveClass('print-link-mark');
    // The map's caption explains the dashed dots.
    expect(
      within(view).getByText('地圖：清單中有位置的資源；黑色虛線框的點是非官方資料'),
    ).toBeInTheDocument();
  }, 30_000);

  it('once the link’s data is removed, prints exactly as a list without it', async () => {
    await withLinkData();
    const user = userEvent.setup();
    render(
      <>
        <ExportButton />
        <PrintView />
      </>,
    );
    act(() => removeLinkData());
    await waitFor(() => expect(selectLinkHosts(useAppStore.getState())).toEqual([]), SLOW);
    const view = await openPrint(user);
    const shown = selectFilterResult(useAppStore.getState()).visible.length;
    expect(within(view).queryByText(/非官方/)).toBeNull();
    expect(
      within(view).getByText(new RegExp(`^製表日期：\\d{4}-\\d{2}-\\d{2}\\s共 ${shown} 筆$`)),
    ).toBeInTheDocument();
    expect(within(view).getByText('地圖：清單中有位置的資源')).toBeInTheDocument();
    expect(rowsOf(view).filter(([name]) => name === FAKE_NAME)).toHaveLength(1);
  }, 30_000);
});
