import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/domain/model/language.ts';
import { BriefingView } from '../../src/features/inventory/briefing-view.tsx';
import { translateBriefing } from '../../src/i18n/briefing/translate-briefing.ts';
import { useAppStore } from '../../src/store/app-store.ts';
import { removeLinkData } from '../../src/store/import/data-link-actions.ts';
import { selectLinkHosts } from '../../src/store/import/data-link-derived.ts';
import { importLinkedFile } from '../../src/store/import/import-actions.ts';
import { ONLY_BRIEFING_FIXTURE, showMinxiongBriefing } from './briefing-setup.ts';
import { renderWithData } from './fixtures.ts';
import { importsReadGazetteerFromDisk } from './import-helpers.ts';

importsReadGazetteerFromDisk();

const HOST = 'link.example';
/**
 * A link's two records: an association in 民雄鄉 with no friendly shop within 1 km (so the briefing counts it and
 * names it among the gaps), and an after-school centre in 番路鄉 (the nearest of a category 民雄鄉 has none of:
 * named, not counted).
 */
const LINK_CSV = [
  '名稱,類別,縣市,鄉鎮市區,緯度,經度',
  '辛社區發展協會,社區發展協會,嘉義縣,民雄鄉,23.55,120.49',
  '壬課後照顧班,課後照顧據點,嘉義縣,番路鄉,23.55,120.53',
].join('\n');
const SLOW = { timeout: 10_000 };

/** 民雄鄉's briefing over the fixture, with the link's records when `linked`, in `language`. */
async function openBriefing(linked: boolean, language: Language = 'zh-TW') {
  const result = renderWithData(<BriefingView />, ONLY_BRIEFING_FIXTURE);
  if (linked) {
    importLinkedFile(`https://${HOST}/more.csv`, new TextEncoder().encode(LINK_CSV));
    await waitFor(() => expect(selectLinkHosts(useAppStore.getState())).toEqual([HOST]), SLOW);
  }
  showMinxiongBriefing(language);
  return result;
}

const MARK = `非官方資料（來自 ${HOST}）`;

describe('the township briefing of a map showing a link’s records', () => {
  it('says in its head how many of the township’s records are unofficial, and from which host', async () => {
    await openBriefing(true);
    const dialog = screen.getByRole('dialog', { name: '嘉義縣 民雄鄉資源簡報' });
    expect(within(dialog).getByRole('note')).toHaveTextContent(
      `非官方資料：本簡報的 9 筆資源中，有 1 筆來自連結（${HOST}），不是官方資料，內容未經查證，但簡報的數字都算入了它們；列出名稱時標有「非官方資料」。`,
    );
    // The figures do count it: four associations, nine resources.
    const points = within(screen.getByRole('region', { name: '重點' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(points[0]).toBe('民雄鄉在地圖上共有 9 筆資源。');
    expect(points).toContain('民雄鄉有 4 處社區發展協會，與 2025 年底一樣多。');
  }, 30_000);

  it('marks the link’s records wherever it names them, and only those', async () => {
    await openBriefing(true);
    const points = within(screen.getByRole('region', { name: '重點' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(points.filter((p) => p.includes('非官方'))).toEqual([
      `丁社區發展協會、辛社區發展協會［${MARK}］、戊社區發展協會 1 公里內沒有友善商店。`,
    ]);
    const gaps = screen.getByRole('region', { name: '缺口' });
    const marks = within(gaps).getAllByText(MARK);
    expect(marks.map((m) => m.closest('li')?.textContent)).toEqual([
      `課後照顧據點：壬課後照顧班（8.8 公里）${MARK}`,
      `北村：民雄社福中心（10 公里）、戊社區發展協會（10 公尺）、辛社區發展協會（1.0 公里）${MARK}`,
      `辛社區發展協會${MARK}：番路友善商店（3.1 公里）`,
    ]);
    // The map's own records beside them stay unmarked.
    expect(within(gaps).getByText('南村').closest('li')).not.toHaveTextContent('非官方');
    expect(screen.getByRole('table')).not.toHaveTextContent('非官方');
    expect(within(gaps).getByText('丁社區發展協會').closest('li')).not.toHaveTextContent('非官方');
  }, 30_000);

  it('without link records (or once they are removed) shows neither note nor mark', async () => {
    const first = await openBriefing(false);
    const plain = screen.getByRole('dialog').textContent;
    expect(screen.queryByRole('note')).toBeNull();
    expect(plain).not.toContain('非官方');
    first.unmount();

    await openBriefing(true);
    expect(screen.getAllByRole('note')).toHaveLength(1);
    act(() => removeLinkData());
    await waitFor(() => expect(selectLinkHosts(useAppStore.getState())).toEqual([]), SLOW);
    await waitFor(() => expect(screen.queryByRole('note')).toBeNull(), SLOW);
    expect(screen.getByRole('dialog').textContent).not.toContain('非官方');
    expect(screen.getByRole('dialog').textContent).toBe(plain);
  }, 30_000);
});

describe.each(['en', 'vi', 'id', 'th'] as const)('the link note and mark in %s', (language) => {
  it('are written in the language, with the same counts', async () => {
    await openBriefing(true, language);
    const tb = (key: Parameters<typeof translateBriefing>[1], values?: Record<string, string | number>) =>
      translateBriefing(language, key, values);
    expect(screen.getByRole('note')).toHaveTextContent(
      tb('briefing.linkNote', { total: 9, count: 1, host: HOST }),
    );
    const mark = tb('briefing.linkMark', { host: HOST });
    expect(
      within(screen.getByRole('region', { name: tb('briefing.gapsHeading') })).getAllByText(mark),
    ).toHaveLength(3);
    expect(screen.getByRole('region', { name: tb('briefing.keyPoints') })).toHaveTextContent(
      tb('briefing.linkNamed', { name: '辛社區發展協會', mark }),
    );
  }, 30_000);
});
