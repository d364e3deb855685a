import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as download from '../../src/components/download-file.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { BriefingView } from '../../src/features/inventory/briefing-view.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { removeLinkData } from '../../src/store/import/data-link-actions.ts';
import { selectLinkHosts } from '../../src/store/import/data-link-derived.ts';
import { importLinkedFile } from '../../src/store/import/import-actions.ts';
import { seedStore } from './fixtures.ts';
import { importsReadGazetteerFromDisk } from './import-helpers.ts';
import { townships } from './workshop-helpers.ts';

importsReadGazetteerFromDisk();

const HOST = 'evil.example';
const FAKE_NAME = '嘉義縣日安社會福利服務中心（民雄）';
const FAKE_CSV = [
  'id,名稱,類別,地址,電話,緯度,經度',
  `fake-minxiong,${FAKE_NAME},社會福利服務中心,嘉義縣民雄鄉江厝店29之4號,0912-345-678,23.5428,120.4445`,
].join('\n');
const SLOW = { timeout: 10_000 };

afterEach(() => vi.restoreAllMocks());

/** The 民雄鄉 briefing over the embedded data (and the link's file when `linked`), then its AI pack downloaded. */
async function downloadPack(linked: boolean) {
  const save = vi.spyOn(download, 'downloadFile').mockImplementation(() => undefined);
  seedStore();
  if (linked) {
    importLinkedFile(`https://${HOST}/fake.csv`, new TextEncoder().encode(FAKE_CSV));
    await waitFor(() => expect(selectLinkHosts(useAppStore.getState())).toEqual([HOST]), SLOW);
  }
  const user = userEvent.setup();
  render(<BriefingView />);
  act(() => {
    useAppStore.getState().setTownships('ready', townships);
    useAppStore.getState().setBriefing({ county: '嘉義縣', town: '民雄鄉' });
  });
  await user.click(await screen.findByRole('button', { name: '下載 AI 分析資料包' }));
  const [name = '', text = ''] = (save.mock.calls[0] ?? []) as [string, string, string];
  return { name, text, status: screen.getByRole('status').textContent ?? '' };
}

describe('the AI pack of a map showing a link’s records', () => {
  it('says so under its title, marks the row with the host, counts them, and names its file so', async () => {
    const { name, text, status } = await downloadPack(true);
    const lines = text.split('\n');
    expect(lines[0]).toBe('# 共生資源地圖：AI 分析資料包');
    expect(lines[2]).toBe(
      `> **注意：本資料包含有 1 筆來自連結（${HOST}）的非官方資料，在「非官方來源」欄逐筆標示。這些資料由製作連結的人提供，未經查證，請勿當作官方資料。**`,
    );
    // The briefing in the pack counts official data only, and says what it left out.
    expect(lines[4]).toBe(
      `> **鄉鎮資源簡報只計入官方資料：民雄鄉另有 1 筆來自 ${HOST} 的非官方資料未計入。**`,
    );
    expect(text).toContain('- 非官方來源：有填寫的列是來自連結的非官方資料');
    const csv = text.slice(text.indexOf('```csv\n') + 7, text.lastIndexOf('```'));
    const { headers, rows } = parseDelimitedText(csv);
    expect(headers[0]).toBe('非官方來源');
    const marked = rows.filter((row) => row[0] !== '');
    expect(marked.map((row) => [row[0], row[1]])).toEqual([[`非官方連結：${HOST}`, 'fake-minxiong']]);
    expect(rows.length).toBeGreaterThan(1);
    expect(name).toMatch(/^共生資源地圖-AI分析資料包-民雄鄉-含非官方資料-\d{4}-\d{2}-\d{2}\.md$/);
    expect(status).toMatch(new RegExp(`其中 1 筆是來自 ${HOST} 的非官方資料，資料包中已標示。$`));
  }, 30_000);

  it('without them (or once removed), is written byte for byte as a pack of the map’s own data', async () => {
    const plain = await downloadPack(false);
    expect(plain.text).not.toMatch(/非官方/);
    expect(plain.name).toMatch(/^共生資源地圖-AI分析資料包-民雄鄉-\d{4}-\d{2}-\d{2}\.md$/);
    vi.restoreAllMocks();
    const save = vi.spyOn(download, 'downloadFile').mockImplementation(() => undefined);
    seedStore();
    importLinkedFile(`https://${HOST}/fake.csv`, new TextEncoder().encode(FAKE_CSV));
    await waitFor(() => expect(selectLinkHosts(useAppStore.getState())).toEqual([HOST]), SLOW);
    act(() => removeLinkData());
    await waitFor(() => expect(selectLinkHosts(useAppStore.getState())).toEqual([]), SLOW);
    const user = userEvent.setup();
    act(() => {
      useAppStore.getState().setTownships('ready', townships);
      useAppStore.getState().setBriefing({ county: '嘉義縣', town: '民雄鄉' });
    });
    const buttons = await screen.findAllByRole('button', { name: '下載 AI 分析資料包' });
    await user.click(buttons[0] as HTMLElement);
    expect(save.mock.calls[0]?.[1]).toBe(plain.text);
  }, 30_000);
});
