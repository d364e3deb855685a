import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseVillageTargets } from '../../src/domain/analysis/village-targets.ts';
import { BriefingView } from '../../src/features/inventory/briefing-view.tsx';
import { enMessages } from '../../src/i18n/messages-en.ts';
import { useAppStore } from '../../src/store/app-store.ts';
import { defaultManifest, renderWithData } from './fixtures.ts';
import { townships } from './workshop-helpers.ts';

// The hand-counted fixture (tests/fixtures/briefing/README.md) alone: the default files are made to fail.
const fixture = (name: string) =>
  readFileSync(resolve(process.cwd(), 'tests/fixtures/briefing', name), 'utf8');
const onlyFixture = {
  extraFiles: [{ path: 'briefing-resources.csv', text: fixture('resources.csv') }],
  failures: Object.fromEntries(defaultManifest.files.map((f) => [f.path, 'left out for this test'])),
};

function renderBriefing(language: 'zh-TW' | 'en' = 'zh-TW') {
  const result = renderWithData(<BriefingView />, onlyFixture);
  act(() => {
    const s = useAppStore.getState();
    s.setTownships('ready', townships);
    s.setVillageCentroids('ready', parseVillageTargets(fixture('villages.csv'), null).targets);
    s.setBriefingSinceYear(2025);
    s.setLanguage(language, language === 'en' ? enMessages : null);
    s.setBriefing({ county: '嘉義縣', town: '民雄鄉' });
  });
  return result;
}

const rowsOf = (table: HTMLElement) =>
  within(within(table).getAllByRole('rowgroup')[1] as HTMLElement)
    .getAllByRole('row')
    .map((row) => [
      within(row).getByRole('rowheader').textContent,
      ...within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ]);

describe('township briefing page (hand-counted fixture)', () => {
  it('counts by category with what was added after the year chosen', () => {
    renderBriefing();
    expect(screen.getByRole('dialog', { name: '嘉義縣 民雄鄉資源簡報' })).toBeInTheDocument();
    expect(rowsOf(screen.getByRole('table'))).toEqual([
      ['社會福利服務中心', '1', '+0'],
      ['友善商店', '2', '+1'],
      ['社區發展協會', '3', '+0'],
      ['社區照顧關懷據點', '2', '未填'],
      ['課後照顧據點', '0', '未填'],
      ['心理衛生', '0', '未填'],
      ['鄉鎮市公所', '0', '未填'],
    ]);
  });

  it('writes the key points from templates', () => {
    renderBriefing();
    const points = within(screen.getByRole('region', { name: '重點' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(points).toEqual([
      '民雄鄉在地圖上共有 8 筆資源。',
      '民雄鄉有 1 處社會福利服務中心，與 2025 年底一樣多。',
      '民雄鄉有 2 處友善商店，比 2025 年底多 1 處。',
      '民雄鄉有 3 處社區發展協會，與 2025 年底一樣多。',
      '民雄鄉有 2 處社區照顧關懷據點。',
      '目前沒有課後照顧據點、心理衛生、鄉鎮市公所。',
      '北村、南村 5 公里內沒有社福中心。',
      '丁社區發展協會、戊社區發展協會 1 公里內沒有友善商店。',
      '社區發展協會中有 1／3（33%）投入社區防暴，目標 20%：已達成。',
      '2／4 個村里有社區照顧關懷據點，目標每個村里都有：尚未達成。',
      '目標每個鄉鎮市區都有心理衛生：尚未達成。',
    ]);
  });

  it('lists each gap with the nearest help', () => {
    renderBriefing();
    const gaps = screen.getByRole('region', { name: '缺口' });
    expect(within(gaps).getByText('北村').closest('li')).toHaveTextContent(
      '北村：民雄社福中心（10 公里）、戊社區發展協會（10 公尺）、番路友善商店（2.0 公里）',
    );
    expect(within(gaps).getByText('心理衛生').closest('li')).toHaveTextContent('番路心理諮商站');
  });

  it('adds resources per 1,000 residents once a population table is loaded', async () => {
    const { user } = renderBriefing();
    const text = '縣市,鄉鎮市區,人口數\n嘉義縣,民雄鄉,"80,000"\n';
    const csv = new File([text], 'population.csv', { type: 'text/csv' });
    // jsdom's File has no arrayBuffer (browsers' has): give it the bytes a browser would.
    Object.defineProperty(csv, 'arrayBuffer', { value: async () => new TextEncoder().encode(text).buffer });
    await user.upload(screen.getByLabelText('人口統計表（選填，CSV）'), csv);
    expect(await screen.findByText(/已載入人口：population.csv/)).toBeInTheDocument();
    expect(screen.getByText('以人口 80,000 人計，每千人有 0.10 處資源。')).toBeInTheDocument();
    expect(rowsOf(screen.getByRole('table'))[1]).toEqual(['友善商店', '2', '+1', '0.03']);
  });

  it('speaks English from the same numbers', () => {
    renderBriefing('en');
    const points = within(screen.getByRole('region', { name: 'Key points' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(points).toContain('Friendly shop in 民雄鄉: 2, 1 more than at the end of 2025.');
    expect(points).toContain('北村, 南村: no welfare centre within 5 km.');
  });
});
