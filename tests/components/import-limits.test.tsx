import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ImportPanel } from '../../src/features/import/import-panel.tsx';
import { MappingDialog } from '../../src/features/import/mapping-dialog-gate.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { deepGeoJson, xlsxFarCell } from '../hostile-files.ts';
import { renderWithData } from './fixtures.ts';
import { bytesFile, csvFile, importsReadGazetteerFromDisk } from './import-helpers.ts';

importsReadGazetteerFromDisk();

const SLOW = { timeout: 10_000 };
const MiB = 1024 * 1024;
const picker = () => screen.getByLabelText('選擇要匯入的檔案');

function ImportUi() {
  return (
    <>
      <ImportPanel />
      <MappingDialog />
    </>
  );
}

describe('import limits in the import panel', () => {
  it('states every limit beside the file picker', () => {
    renderWithData(<ImportUi />);
    expect(
      screen.getByText(
        '檔案上限：CSV/GeoJSON/JSON 50 MB、KML 30 MB、KMZ 10 MB、XLSX/ODS/XLS/HSDS 20 MB；壓縮檔（XLSX、ODS、KMZ、HSDS）解壓縮後合計 100 MB（KMZ 以 KML 的上限計）、最多 10,000 個檔案；每張工作表最多 200,000 列、200 欄、共 5,000,000 格；巢狀最多 100 層。',
      ),
    ).toBeInTheDocument();
  });

  it('refuses a 300 MB file by its size without reading it, and imports nothing', async () => {
    const { user } = renderWithData(<ImportUi />);
    const layers = useAppStore.getState().layers;
    const file = csvFile('big.csv', '名稱\n甲\n');
    Object.defineProperty(file, 'size', { value: 300 * MiB });
    // jsdom's File has no arrayBuffer(): the picker reads with a FileReader there.
    const read = vi.spyOn(FileReader.prototype, 'readAsArrayBuffer');
    await user.upload(picker(), file);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '無法匯入「big.csv」：檔案大小 300 MB，超過可匯入的最大檔案 50 MB。沒有匯入任何資料。',
    );
    expect(read).not.toHaveBeenCalled();
    expect(useAppStore.getState().importJob).toBeNull();
    expect(useAppStore.getState().layers).toBe(layers);
    read.mockRestore();
  });

  it('refuses the XLSX with one cell at XFD1048576, naming the sheet and the range', async () => {
    const { user } = renderWithData(<ImportUi />);
    await user.upload(picker(), bytesFile('far.xlsx', xlsxFarCell()));
    expect(await screen.findByRole('alert', {}, SLOW)).toHaveTextContent(
      '無法匯入「far.xlsx」：工作表「Sheet1」的資料範圍為 1,048,576 列 × 16,384 欄，超過上限（最多 200,000 列、200 欄、共 5,000,000 格）。沒有匯入任何資料。',
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('refuses GeoJSON nested 100,000 deep, naming the limit', async () => {
    const { user } = renderWithData(<ImportUi />);
    await user.upload(picker(), csvFile('deep.geojson', deepGeoJson(100_000)));
    expect(await screen.findByRole('alert', {}, SLOW)).toHaveTextContent(
      '無法匯入「deep.geojson」：JSON/GeoJSON 的巢狀層數超過上限 100 層。沒有匯入任何資料。',
    );
  });
});
