import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as download from '../../src/components/download-file.ts';
import { ExportButton } from '../../src/features/export/export-button.tsx';
import { ExportDialog } from '../../src/features/export/export-dialog-gate.tsx';
import { ResourceMap } from '../../src/features/map/resource-map.tsx';
import { PresentationLegend } from '../../src/features/presentation/presentation-legend.tsx';
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
/**
 * What a link brings: the real centre's name, a mobile number, a few metres from where the map places the real
 * one (民雄's centre: its address alone is known).
 */
const FAKE_CSV = [
  'id,名稱,類別,地址,電話,緯度,經度',
  `fake-minxiong,${FAKE_NAME},社會福利服務中心,嘉義縣民雄鄉江厝店29之4號,0912-345-678,23.5428,120.4445`,
].join('\n');
const SLOW = { timeout: 10_000 };

beforeEach(() => {
  // Leaflet measures its container: jsdom lays nothing out, so the map is given a size.
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
});
afterEach(() => vi.restoreAllMocks());

/** The embedded data, then the link's file through the same import a `?data=` link's download goes through. */
async function withLinkData() {
  const dataset = seedStore();
  importLinkedFile(`https://${HOST}/fake.csv`, new TextEncoder().encode(FAKE_CSV));
  await waitFor(() => expect(selectLinkHosts(useAppStore.getState())).toEqual([HOST]), SLOW);
  return dataset;
}

/** The map opened on a view (the URL's `at`, as a shared link gives it). */
function renderMapAt(lat: number, lng: number, zoom: number) {
  useAppStore.getState().setMapView({ lat, lng, zoom });
  return render(<ResourceMap />);
}

const markers = (container: HTMLElement) => [
  ...container.querySelectorAll<HTMLElement>('.leaflet-marker-pane .leaflet-marker-icon[aria-label]'),
];

describe('a link’s records on the map', () => {
  it('each has its own look and says 非官方 and the host in its name; the map’s own do not', async () => {
    await withLinkData();
    const { container } = renderMapAt(23.54266, 120.44425, 18);
    const fake = await screen.findByRole(
      'button',
      { name: `${FAKE_NAME}（社會福利服務中心），非官方資料，來自 ${HOST}` },
      SLOW,
    );
    expect(fake).toHaveClass('resource-marker--link');
    expect(fake).toHaveAttribute('title', fake.getAttribute('aria-label'));
    // The ring and the "!" are drawn (a dashed stroke), whatever the category's colour.
    expect(fake.querySelector('circle[stroke-dasharray]')).not.toBeNull();
    const others = markers(container).filter((m) => m !== fake && !m.classList.contains('cluster-marker'));
    expect(others.length).toBeGreaterThan(0);
    for (const m of others) {
      expect(m).not.toHaveClass('resource-marker--link');
      expect(m.getAttribute('aria-label')).not.toContain('非官方');
    }
  }, 30_000);

  it('a cluster holding one says how many of its records are unofficial, and looks it', async () => {
    await withLinkData();
    const { container } = renderMapAt(23.556, 120.432, 9);
    const linked = await screen.findByRole(
      'button',
      { name: /^\d+ 個資源，其中 1 個是非官方資料，點擊放大$/ },
      SLOW,
    );
    expect(linked).toHaveClass('cluster-marker--link');
    const plain = markers(container).filter((m) => m.classList.contains('cluster-marker') && m !== linked);
    for (const m of plain) {
      expect(m).not.toHaveClass('cluster-marker--link');
      expect(m.getAttribute('aria-label')).toMatch(/^\d+ 個資源，點擊放大$/);
    }
  }, 30_000);

  it('the legend has a line for them, naming the host, only while they are on show', async () => {
    await withLinkData();
    renderMapAt(23.556, 120.432, 12);
    const legend = await screen.findByRole('region', { name: '非官方資料的標記' }, SLOW);
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      `虛線框加「!」的標記：來自 ${HOST} 的非官方資料，未經查證`,
      '12!虛線框加「!」的數字圈：其中含有非官方資料',
    ]);
    act(() => removeLinkData());
    await waitFor(() => expect(screen.queryByRole('region', { name: '非官方資料的標記' })).toBeNull());
  }, 30_000);

  it('nothing of it without link data: no legend, no marked marker or cluster', async () => {
    seedStore();
    const { container } = renderMapAt(23.556, 120.432, 9);
    await waitFor(() => expect(markers(container).length).toBeGreaterThan(0), SLOW);
    expect(container.querySelector('.resource-marker--link, .cluster-marker--link')).toBeNull();
    expect(screen.queryByRole('region', { name: '非官方資料的標記' })).toBeNull();
  }, 30_000);

  it('presentation mode’s legend says it too', async () => {
    await withLinkData();
    act(() => useAppStore.setState({ presenting: true }));
    render(<PresentationLegend />);
    expect(screen.getByText(`虛線框加「!」的標記：來自 ${HOST} 的非官方資料，未經查證`)).toBeInTheDocument();
  }, 30_000);
});

describe('exporting a list that holds a link’s records', () => {
  it('the dialog says so, the file name carries it, and the file marks the row', async () => {
    const save = vi.spyOn(download, 'downloadFile').mockImplementation(() => undefined);
    await withLinkData();
    const user = userEvent.setup();
    render(
      <>
        <ExportButton />
        <ExportDialog />
      </>,
    );
    act(() => useAppStore.getState().setQuery('日安'));
    const shown = selectFilterResult(useAppStore.getState()).visible.length;
    await user.click(screen.getByRole('button', { name: `匯出清單（${shown} 筆）` }));
    const dialog = await screen.findByRole('dialog', { name: `匯出目前的清單（${shown} 筆）` }, SLOW);
    expect(
      within(dialog).getByText(
        `清單中有 1 筆來自 ${HOST} 的非官方資料：匯出檔以「非官方來源」欄逐筆標示，檔名也會註明。`,
      ),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: /^CSV/ }));
    const fileName = within(dialog).getByText(/^共生資源地圖_/).textContent ?? '';
    expect(fileName).toContain('_含非官方資料_');
    await user.click(within(dialog).getByRole('button', { name: '下載 CSV' }));
    await waitFor(() => expect(save).toHaveBeenCalled(), SLOW);
    const [name, content] = save.mock.calls[0] ?? [];
    expect(name).toBe(fileName);
    const lines = new TextDecoder().decode(content as Uint8Array).split('\r\n');
    expect(lines[0]?.startsWith('"非官方來源","識別碼","名稱"')).toBe(true);
    const marked = lines.filter((l) => l.startsWith(`"非官方連結：${HOST}"`));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toContain(FAKE_NAME);
    expect(marked[0]).toContain('0912-345-678');
  }, 30_000);

  it('without one, the dialog and the file name are as before', async () => {
    await withLinkData();
    const user = userEvent.setup();
    render(
      <>
        <ExportButton />
        <ExportDialog />
      </>,
    );
    act(() => useAppStore.getState().setArea('嘉義縣', '太保市'));
    const shown = selectFilterResult(useAppStore.getState()).visible.length;
    await user.click(screen.getByRole('button', { name: `匯出清單（${shown} 筆）` }));
    const dialog = await screen.findByRole('dialog', { name: `匯出目前的清單（${shown} 筆）` }, SLOW);
    expect(within(dialog).queryByText(/非官方/)).toBeNull();
    expect(within(dialog).getByText(/^共生資源地圖_/).textContent).not.toContain('非官方');
  }, 30_000);
});
