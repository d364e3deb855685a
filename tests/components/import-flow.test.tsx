import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EditHistoryBar } from '../../src/features/edit/edit-history-bar.tsx';
import { ImportPanel } from '../../src/features/import/import-panel.tsx';
import { ImportReport } from '../../src/features/import/import-report-dialog-gate.tsx';
import { MappingDialog } from '../../src/features/import/mapping-dialog-gate.tsx';
import { SaveNotice } from '../../src/features/import/save-notice.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { selectResources } from '../../src/store/data/derived.ts';
import { renderWithData } from './fixtures.ts';
import { bytesFile, csvFile, importsReadGazetteerFromDisk } from './import-helpers.ts';

importsReadGazetteerFromDisk();

/** Imports run on the page in jsdom (no workers), loading the chain on demand: slower than a click. */
const SLOW = { timeout: 10_000 };

function ImportUi() {
  return (
    <>
      <SaveNotice />
      <ImportPanel />
      <MappingDialog />
      <ImportReport />
    </>
  );
}

const picker = () => screen.getByLabelText('選擇要匯入的檔案');

describe('importing a file', () => {
  it('asks to confirm the columns, imports, reports every row and lists the dataset', async () => {
    const { user, dataset } = renderWithData(<ImportUi />);
    const csv =
      '據點名稱,地址,備註,lat,lon\r\n甲據點,嘉義縣民雄鄉中樂路1號,週三休,23.5537,120.4316\r\n乙據點,嘉義縣溪口鄉1號,,,\r\n,無名,,,\r\n';
    await user.upload(picker(), csvFile('points.csv', csv));
    const dialog = await screen.findByRole('dialog', { name: '確認欄位：points.csv' }, SLOW);
    expect(within(dialog).getByText('格式：CSV／TSV；文字編碼：UTF-8。')).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: '欄位「據點名稱」對應到' })).toHaveDisplayValue(
      '名稱',
    );
    expect(within(dialog).getByRole('combobox', { name: '欄位「備註」對應到' })).toHaveDisplayValue('說明');
    // The person keeps 備註 as an extra column instead.
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: '欄位「備註」對應到' }),
      '其他欄位（原樣保留）',
    );
    await user.click(within(dialog).getByRole('button', { name: '開始匯入' }));

    const report = await screen.findByRole('dialog', { name: '匯入報告：points.csv' }, SLOW);
    expect(within(report).getByText('共 3 列：已匯入 2、需要放置 0、未匯入 1')).toBeInTheDocument();
    expect(within(report).getByRole('row', { name: /缺少名稱，此列未載入/ })).toBeInTheDocument();
    const imported = selectResources(useAppStore.getState()).filter((r) => !dataset.resources.includes(r));
    expect(imported.map((r) => [r.name, r.precision, r.extra])).toEqual([
      ['甲據點', 'exact', { 備註: '週三休' }],
      ['乙據點', 'approximate-town', {}],
    ]);
    await user.click(within(report).getByRole('button', { name: '關閉' }));
    const list = screen.getByRole('list', { name: '已匯入的資料' });
    expect(within(list).getByText('3 列：匯入 2、需要放置 0、未匯入 1')).toBeInTheDocument();
    // The first import with positions decodes the Ministry's village boundaries (4.2 MB) on the page in jsdom.
  }, 30_000);

  it('fills an empty address from a second address column, and the report says so on that row', async () => {
    const { user, dataset } = renderWithData(<ImportUi />);
    const csv = '名稱,地址,據點地址\r\n甲據點,,嘉義縣竹崎鄉鹿鳴路2號\r\n乙據點,嘉義縣布袋鎮中山路206號,\r\n';
    await user.upload(picker(), csvFile('two-addresses.csv', csv));
    const dialog = await screen.findByRole('dialog', { name: '確認欄位：two-addresses.csv' }, SLOW);
    await user.click(within(dialog).getByRole('button', { name: '開始匯入' }));

    const report = await screen.findByRole('dialog', { name: '匯入報告：two-addresses.csv' }, SLOW);
    const row = within(report).getByRole('row', { name: /甲據點/ });
    expect(row).toHaveTextContent('欄位「地址」 此列這欄空白，改用同樣代表此項目的另一欄 「據點地址」');
    expect(within(report).getByRole('row', { name: /乙據點/ })).not.toHaveTextContent('另一欄');
    const imported = selectResources(useAppStore.getState()).filter((r) => !dataset.resources.includes(r));
    expect(imported.map((r) => [r.name, r.address, r.town, r.extra])).toEqual([
      ['甲據點', '嘉義縣竹崎鄉鹿鳴路2號', '竹崎鄉', { 據點地址: '嘉義縣竹崎鄉鹿鳴路2號' }],
      ['乙據點', '嘉義縣布袋鎮中山路206號', '布袋鎮', {}],
    ]);
  });

  it('names both records of a possible duplicate, and an older saved pair by looking them up', async () => {
    const { user, dataset } = renderWithData(<ImportUi />);
    const shown = dataset.resources.find((r) => r.address.trim() !== '') ?? dataset.resources[0];
    if (!shown) throw new Error('the test dataset is empty');
    // The same place, written with spaces: a possible duplicate of the record on show.
    const csv = `名稱,地址\r\n ${shown.name} ,${shown.address}\r\n`;
    await user.upload(picker(), csvFile('again.csv', csv));
    const dialog = await screen.findByRole('dialog', { name: '確認欄位：again.csv' }, SLOW);
    await user.click(within(dialog).getByRole('button', { name: '開始匯入' }));
    const report = await screen.findByRole('dialog', { name: '匯入報告：again.csv' }, SLOW);
    const sentence = `「${shown.name}」與既有的「${shown.name}」名稱與地址相同。`;
    expect(within(report).getByText(sentence, { exact: false })).toBeInTheDocument();

    // A dataset saved before pairs carried names: the names are found among the records on show.
    const state = useAppStore.getState();
    const imported = state.importedDatasets[0];
    if (!imported) throw new Error('nothing was imported');
    const older = imported.duplicates.map(({ keepName: _k, duplicateName: _d, ...pair }) => pair);
    act(() => useAppStore.setState({ importedDatasets: [{ ...imported, duplicates: older }] }));
    expect(within(report).getByText(sentence, { exact: false })).toBeInTheDocument();
  });

  it('merges a duplicate as an office edit: undo brings the row back and the pair opens again, redo merges again', async () => {
    const { user, dataset } = renderWithData(
      <>
        <ImportUi />
        <EditHistoryBar />
      </>,
    );
    const shown = dataset.resources.find((r) => r.address.trim() !== '' && r.phones.length > 0);
    if (!shown) throw new Error('the test dataset has no record with an address and a phone');
    // The same place with another phone and a column of its own: what the merge brings over.
    const csv = `名稱,地址,電話,合併測試\r\n${shown.name},${shown.address},(05)000-0000,7\r\n`;
    await user.upload(picker(), csvFile('again.csv', csv));
    const dialog = await screen.findByRole('dialog', { name: '確認欄位：again.csv' }, SLOW);
    await user.click(within(dialog).getByRole('button', { name: '開始匯入' }));
    const report = await screen.findByRole('dialog', { name: '匯入報告：again.csv' }, SLOW);
    const total = dataset.resources.length;
    const onShow = () => selectResources(useAppStore.getState());
    const kept = () => onShow().find((r) => r.id === shown.id);
    expect(onShow()).toHaveLength(total + 1);

    await user.click(within(report).getByRole('button', { name: '合併' }));
    expect(onShow()).toHaveLength(total);
    expect(kept()?.phones).toEqual([...shown.phones, '(05)000-0000']);
    expect(kept()?.extra).toMatchObject({ 合併測試: '7' });
    expect(within(report).queryByRole('button', { name: '合併' })).toBeNull();
    // One record corrected: the merged-away one is not counted apart.
    expect(screen.getByText('已修正 1 筆')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '復原' }));
    expect(onShow()).toHaveLength(total + 1);
    expect(kept()).toEqual(shown);
    expect(within(report).getByRole('button', { name: '合併' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '重做' }));
    expect(onShow()).toHaveLength(total);
    expect(kept()?.phones).toEqual([...shown.phones, '(05)000-0000']);
    // The dataset itself is not rewritten by a merge: its records and its pair stay as imported.
    const imported = useAppStore.getState().importedDatasets[0];
    expect(imported?.duplicates.map((p) => p.resolution)).toEqual(['open']);
    expect(useAppStore.getState().layers.at(-1)?.dataset.resources).toHaveLength(1);
  });

  it('detects Big5, lets the person override the encoding, and remembers the confirmed mapping', async () => {
    const bytes = new Uint8Array(
      readFileSync(resolve(process.cwd(), '..', 'shared', 'data', 'tainan-area-population-big5.csv')),
    );
    const { user } = renderWithData(<ImportUi />);
    await user.upload(picker(), bytesFile('population.csv', bytes));
    let dialog = await screen.findByRole('dialog', { name: '確認欄位：population.csv' }, SLOW);
    expect(within(dialog).getByText(/文字編碼：BIG5/)).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('看起來是統計表');
    await user.selectOptions(within(dialog).getByLabelText('文字編碼'), 'UTF-8');
    dialog = await screen.findByRole('dialog', { name: '確認欄位：population.csv' }, SLOW);
    await waitFor(() => expect(within(dialog).getByText(/文字編碼：UTF-8/)).toBeInTheDocument(), SLOW);
    expect(within(dialog).queryByRole('rowheader', { name: '鄉鎮市區名稱' })).toBeNull();
    await user.selectOptions(within(dialog).getByLabelText('文字編碼'), '自動偵測（BIG5）');
    dialog = await screen.findByRole('dialog', { name: '確認欄位：population.csv' }, SLOW);
    await waitFor(
      () => expect(within(dialog).getByRole('rowheader', { name: '鄉鎮市區名稱' })).toBeInTheDocument(),
      SLOW,
    );
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: '欄位「鄉鎮市區名稱」對應到' }),
      '名稱',
    );
    await user.click(within(dialog).getByRole('button', { name: '開始匯入' }));
    const report = await screen.findByRole('dialog', { name: '匯入報告：population.csv' }, SLOW);
    // 鄉鎮市區名稱 now feeds the name (a column feeds one field): no township left to place by, nothing lost.
    expect(within(report).getByText('共 54 列：已匯入 0、需要放置 54、未匯入 0')).toBeInTheDocument();
    await user.click(within(report).getByRole('button', { name: '關閉' }));

    // The same headers again: the dialog comes pre-filled with the confirmed mapping.
    await user.upload(picker(), bytesFile('population-2.csv', bytes));
    dialog = await screen.findByRole('dialog', { name: '確認欄位：population-2.csv' }, SLOW);
    expect(within(dialog).getByText('已套用您上次為相同欄位確認的對應方式。')).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: '欄位「鄉鎮市區名稱」對應到' })).toHaveDisplayValue(
      '名稱',
    );
  });

  it('detects Excel\'s "Unicode text" (UTF-16LE, tabs) and offers both UTF-16 byte orders', async () => {
    const text =
      '據點名稱\t地址\tlat\tlon\r\n甲據點\t嘉義縣民雄鄉中樂路1號\t23.5537\t120.4316\r\n乙據點\t嘉義縣溪口鄉1號\t\t\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const { user } = renderWithData(<ImportUi />);
    await user.upload(picker(), bytesFile('points.txt', bytes));
    let dialog = await screen.findByRole('dialog', { name: '確認欄位：points.txt' }, SLOW);
    expect(within(dialog).getByText('格式：CSV／TSV；文字編碼：UTF-16LE。')).toBeInTheDocument();
    const encoding = within(dialog).getByRole('combobox', { name: '文字編碼' });
    expect(
      within(encoding)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      '自動偵測（UTF-16LE）',
      'UTF-8',
      'Big5 (CP950)',
      'UTF-16LE（Excel「Unicode 文字」）',
      'UTF-16BE（Unicode 文字，大端序）',
    ]);
    expect(within(dialog).getByRole('combobox', { name: '欄位「據點名稱」對應到' })).toHaveDisplayValue(
      '名稱',
    );
    await user.selectOptions(encoding, 'UTF-16BE（Unicode 文字，大端序）');
    dialog = await screen.findByRole('dialog', { name: '確認欄位：points.txt' }, SLOW);
    await waitFor(() => expect(within(dialog).getByText(/文字編碼：UTF-16BE/)).toBeInTheDocument(), SLOW);
    expect(within(dialog).queryByRole('rowheader', { name: '據點名稱' })).toBeNull();
    await user.selectOptions(within(dialog).getByLabelText('文字編碼'), 'UTF-16LE（Excel「Unicode 文字」）');
    dialog = await screen.findByRole('dialog', { name: '確認欄位：points.txt' }, SLOW);
    await waitFor(
      () => expect(within(dialog).getByRole('rowheader', { name: '據點名稱' })).toBeInTheDocument(),
      SLOW,
    );
    await user.click(within(dialog).getByRole('button', { name: '開始匯入' }));
    const report = await screen.findByRole('dialog', { name: '匯入報告：points.txt' }, SLOW);
    expect(within(report).getByText('共 2 列：已匯入 2、需要放置 0、未匯入 0')).toBeInTheDocument();
  });

  it('says why a file cannot be read at all', async () => {
    const { user } = renderWithData(<ImportUi />);
    await user.upload(picker(), bytesFile('archive.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])));
    expect(await screen.findByRole('alert', {}, SLOW)).toHaveTextContent('無法匯入「archive.zip」');
  });

  it('lists records that need a location, and placing one starts the map click mode', async () => {
    const { user } = renderWithData(<ImportUi />);
    await user.upload(picker(), csvFile('nowhere.csv', '名稱,地址\r\n巷口據點,某處巷口\r\n'));
    await user.click(await screen.findByRole('button', { name: '開始匯入' }, SLOW));
    await user.click(
      within(await screen.findByRole('dialog', { name: /^匯入報告/ }, SLOW)).getByRole('button', {
        name: '關閉',
      }),
    );
    expect(screen.getByRole('heading', { name: '需要放置位置（1 筆）' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '在地圖上放置「巷口據點」' }));
    const placingId = useAppStore.getState().placingId;
    expect(selectResources(useAppStore.getState()).find((r) => r.id === placingId)?.name).toBe('巷口據點');
  });

  it('replaces a dataset with a newer file, keeping its place in the list', async () => {
    const { user, dataset } = renderWithData(<ImportUi />);
    await user.upload(picker(), csvFile('v1.csv', '名稱,緯度,經度\r\n甲,23.5,120.4\r\n'));
    await user.click(await screen.findByRole('button', { name: '開始匯入' }, SLOW));
    await user.click(
      within(await screen.findByRole('dialog', { name: /^匯入報告/ }, SLOW)).getByRole('button', {
        name: '關閉',
      }),
    );
    const id = useAppStore.getState().importedDatasets[0]?.id;
    await user.upload(
      screen.getByLabelText('選擇取代用的檔案'),
      csvFile('v2.csv', '名稱,緯度,經度\r\n甲,23.5,120.4\r\n乙,23.6,120.5\r\n'),
    );
    await user.click(await screen.findByRole('button', { name: '開始匯入' }, SLOW));
    await user.click(
      within(await screen.findByRole('dialog', { name: '匯入報告：v2.csv' }, SLOW)).getByRole('button', {
        name: '關閉',
      }),
    );
    expect(useAppStore.getState().importedDatasets.map((d) => [d.id, d.fileName])).toEqual([[id, 'v2.csv']]);
    expect(selectResources(useAppStore.getState())).toHaveLength(dataset.resources.length + 2);
  });

  it('removes a dataset, and goes back to the default data', async () => {
    const { user, dataset } = renderWithData(<ImportUi />);
    await user.upload(picker(), csvFile('a.csv', '名稱,緯度,經度\r\n甲,23.5,120.4\r\n'));
    await user.click(await screen.findByRole('button', { name: '開始匯入' }, SLOW));
    await user.click(
      within(await screen.findByRole('dialog', { name: /^匯入報告/ }, SLOW)).getByRole('button', {
        name: '關閉',
      }),
    );
    expect(selectResources(useAppStore.getState())).toHaveLength(dataset.resources.length + 1);
    await user.click(screen.getByRole('button', { name: '移除「a.csv」' }));
    expect(selectResources(useAppStore.getState())).toHaveLength(dataset.resources.length);
    act(() => useAppStore.getState().clearImports());
    expect(useAppStore.getState().layers).toEqual([]);
  });

  it('says "saving" until the write ends, and on a failed save keeps the alert with a way out: export now', async () => {
    const { user } = renderWithData(<ImportUi />);
    act(() => useAppStore.getState().setImportStorage('saving'));
    expect(screen.getByRole('status')).toHaveTextContent('儲存中…');
    act(() => useAppStore.getState().setImportStorage('failed'));
    expect(screen.getByRole('status')).toHaveTextContent('尚未保存到這個瀏覽器');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('無法保存到這個瀏覽器');
    expect(alert).toHaveTextContent('畫面上的資料都還在');
    await user.click(within(alert).getByRole('button', { name: '再試一次' }));
    expect(useAppStore.getState().saveAgainRequests).toBe(1);
    await user.click(within(alert).getByRole('button', { name: '立即匯出' }));
    expect(useAppStore.getState().exportOpen).toBe(true);
  });
});
