import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { ImportPanel } from '../../src/features/import/import-panel.tsx';
import { ImportReport } from '../../src/features/import/import-report-dialog-gate.tsx';
import { MappingDialog } from '../../src/features/import/mapping-dialog-gate.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { selectResources } from '../../src/store/data/derived.ts';
import { commitCorrection } from '../../src/store/import/corrections-actions.ts';
import { villageBoundariesGeoJson } from '../unit/atlas-boundaries.ts';
import { readBytes, sharedDataFile } from '../unit/fixture-paths.ts';
import { renderWithData } from './fixtures.ts';
import { bytesFile, csvFile, importsReadGazetteerFromDisk } from './import-helpers.ts';

importsReadGazetteerFromDisk();

const SLOW = { timeout: 20_000 };
const ui = (
  <>
    <ImportPanel />
    <MappingDialog />
    <ImportReport />
  </>
);

describe('the column dialog says what the importer found', () => {
  it('guesses 臺南市 for addresses without a county, and the clerk confirms it', async () => {
    const { user, dataset } = renderWithData(ui);
    const path = sharedDataFile('tainan-building-committees.csv');
    await user.upload(
      screen.getByLabelText('選擇要匯入的檔案'),
      bytesFile('committees.csv', readBytes(path)),
    );
    const dialog = await screen.findByRole('dialog', { name: '確認欄位：committees.csv' }, SLOW);
    expect(within(dialog).getByText(/這個檔案的地址沒有縣市，看起來是臺南市。/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '確認是臺南市' }));
    expect(within(dialog).getByRole('combobox', { name: '地址未寫縣市時的縣市' })).toHaveDisplayValue(
      '臺南市',
    );
    expect(within(dialog).queryByText(/看起來是臺南市/)).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: '開始匯入' }));
    await screen.findByRole('dialog', { name: '匯入報告：committees.csv' }, SLOW);
    const imported = selectResources(useAppStore.getState()).filter((r) => !dataset.resources.includes(r));
    expect(imported).toHaveLength(2919);
    expect(imported.filter((r) => r.county !== '臺南市')).toEqual([]);
  }, 40_000);

  it('proposes the column whose values look like organisation names when no header names one', async () => {
    const { user } = renderWithData(ui);
    const csv =
      '代碼,單位別,所在位置\r\n1,大同健保藥局,臺北市大同區民生西路1號\r\n2,民雄鄉公所,嘉義縣民雄鄉中樂路1號\r\n';
    await user.upload(screen.getByLabelText('選擇要匯入的檔案'), csvFile('units.csv', csv));
    const dialog = await screen.findByRole('dialog', { name: '確認欄位：units.csv' }, SLOW);
    expect(within(dialog).getByRole('combobox', { name: '欄位「單位別」對應到' })).toHaveDisplayValue('名稱');
    expect(within(dialog).getByText(/「單位別」的內容看起來像機構名稱/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '開始匯入' })).toBeEnabled();
  });

  it('does not start when every row would be rejected, and says why', async () => {
    const { user } = renderWithData(ui);
    const csv = '代碼,備註\r\n1,週三休\r\n2,\r\n';
    await user.upload(screen.getByLabelText('選擇要匯入的檔案'), csvFile('codes.csv', csv));
    const dialog = await screen.findByRole('dialog', { name: '確認欄位：codes.csv' }, SLOW);
    const start = within(dialog).getByRole('button', { name: '開始匯入' });
    expect(start).toBeDisabled();
    expect(start).toHaveAccessibleDescription(/所有列都不會匯入：找不到名稱欄位/);
    await user.selectOptions(within(dialog).getByRole('combobox', { name: '欄位「代碼」對應到' }), '名稱');
    expect(start).toBeEnabled();
  });
});

describe('a file that is not a list of places', () => {
  it('boundaries: one message and a button to the coverage analysis, nothing imported', async () => {
    const { user } = renderWithData(ui);
    const file = bytesFile('民雄鄉村里界.geojson', villageBoundariesGeoJson());
    await user.upload(screen.getByLabelText('選擇要匯入的檔案'), file);
    const dialog = await screen.findByRole('dialog', { name: '確認欄位：民雄鄉村里界.geojson' }, SLOW);
    expect(within(dialog).getByRole('alert')).toHaveTextContent('不是據點清單：用於涵蓋範圍分析');
    expect(within(dialog).queryByRole('button', { name: '開始匯入' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: '用於涵蓋範圍分析' }));
    await waitFor(() => expect(useAppStore.getState().analysisOpen).toBe(true), SLOW);
    const state = useAppStore.getState();
    expect(state.analysisTab).toBe('coverage');
    expect(state.villages?.targets.length).toBeGreaterThan(20);
    expect(state.villages?.targets.every((t) => t.town === '民雄鄉')).toBe(true);
    expect(state.importedDatasets).toEqual([]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a statistics table: says what it is, and does not start', async () => {
    const { user } = renderWithData(ui);
    const path = sharedDataFile('tainan-area-population-big5.csv');
    await user.upload(
      screen.getByLabelText('選擇要匯入的檔案'),
      bytesFile('population.csv', readBytes(path)),
    );
    const dialog = await screen.findByRole('dialog', { name: '確認欄位：population.csv' }, SLOW);
    expect(within(dialog).getByRole('alert')).toHaveTextContent('看起來是統計表');
    expect(within(dialog).getByRole('button', { name: '開始匯入' })).toBeDisabled();
  });
});

describe('re-importing a file', () => {
  it('keeps a place set by hand on a record the new file still cannot place', async () => {
    const { user } = renderWithData(ui);
    const closeReport = async (file: string) =>
      user.click(
        within(await screen.findByRole('dialog', { name: `匯入報告：${file}` }, SLOW)).getByRole('button', {
          name: '關閉',
        }),
      );
    const rows = '名稱,地址\r\n巷口據點,光賢街21巷2弄35號\r\n轉角據點,東區崇學路1號\r\n';
    await user.upload(screen.getByLabelText('選擇要匯入的檔案'), csvFile('v1.csv', rows));
    await user.click(await screen.findByRole('button', { name: '開始匯入' }, SLOW));
    await closeReport('v1.csv');
    const placed = selectResources(useAppStore.getState()).find((r) => r.name === '巷口據點');
    expect(placed?.precision).toBe('missing');
    // The clerk places it on the map (what the place-on-map layer commits).
    act(() =>
      commitCorrection({
        ...(placed as Resource),
        position: toLatLng(23.0052, 120.1884),
        precision: 'exact',
      }),
    );
    // The same file again, now with the county chosen: 取代.
    await user.upload(screen.getByLabelText('選擇取代用的檔案'), csvFile('v2.csv', rows));
    const dialog = await screen.findByRole('dialog', { name: '確認欄位：v2.csv' }, SLOW);
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: '地址未寫縣市時的縣市' }),
      '臺南市',
    );
    await user.click(within(dialog).getByRole('button', { name: '開始匯入' }));
    await closeReport('v2.csv');
    const after = selectResources(useAppStore.getState());
    expect(after.find((r) => r.name === '巷口據點')).toMatchObject({
      precision: 'exact',
      position: [23.0052, 120.1884],
    });
    expect(after.find((r) => r.name === '轉角據點')).toMatchObject({ county: '臺南市', town: '東區' });
  });
});
