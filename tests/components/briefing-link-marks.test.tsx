import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/domain/model/language.ts';
import { BriefingView } from '../../src/features/inventory/briefing-view.tsx';
import { translateBriefing } from '../../src/i18n/briefing/translate-briefing.ts';
import { useAppStore } from '../../src/store/app-store.ts';
import { removeLinkData } from '../../src/store/import/data-link-actions.ts';
import { selectLinkHosts } from '../../src/store/import/data-link-derived.ts';
import { importLinkedFile } from '../../src/store/import/import-actions.ts';
import { giveBriefingPlaces, ONLY_BRIEFING_FIXTURE, showMinxiongBriefing } from './briefing-setup.ts';
import { renderWithData } from './fixtures.ts';
import { importsReadGazetteerFromDisk } from './import-helpers.ts';

importsReadGazetteerFromDisk();

const HOST = 'link.example';
const HEADER = '名稱,類別,縣市,鄉鎮市區,緯度,經度';
/**
 * An association in 民雄鄉 with no friendly shop within 1 km (counted, it would be a fourth association and a gap
 * of its own), and an after-school centre in 番路鄉 (民雄鄉 has none: it would be named as the nearest one).
 */
const IN_TOWN = '辛社區發展協會,社區發展協會,嘉義縣,民雄鄉,23.55,120.49';
const ELSEWHERE = '壬課後照顧班,課後照顧據點,嘉義縣,番路鄉,23.55,120.53';
const SLOW = { timeout: 10_000 };

/** 民雄鄉's briefing over the fixture, with a link's records (`rows`) when given, in `language`. */
async function openBriefing(rows: readonly string[], language: Language = 'zh-TW') {
  giveBriefingPlaces();
  const result = renderWithData(<BriefingView />, ONLY_BRIEFING_FIXTURE);
  if (rows.length > 0) {
    importLinkedFile(`https://${HOST}/more.csv`, new TextEncoder().encode([HEADER, ...rows].join('\n')));
    await waitFor(() => expect(selectLinkHosts(useAppStore.getState())).toEqual([HOST]), SLOW);
  }
  showMinxiongBriefing(language);
  return result;
}

/** The briefing's page as read, without its head's note. */
function pageWithoutNote(): string {
  const page = screen.getByRole('article');
  const note = within(page).queryByRole('note')?.textContent ?? '';
  return (page.textContent ?? '').replace(note, '');
}

/** The page of the fixture's own records alone: what every briefing below must show besides its note. */
async function plainPage(): Promise<string> {
  const plain = await openBriefing([]);
  expect(screen.queryByRole('note')).toBeNull();
  const text = pageWithoutNote();
  plain.unmount();
  return text;
}

describe('the township briefing of a map showing a link’s records', () => {
  it('counts none of them, and says in one sentence how many of the township’s it left out', async () => {
    const plain = await plainPage();
    await openBriefing([IN_TOWN, ELSEWHERE]);
    const dialog = screen.getByRole('dialog', { name: '嘉義縣 民雄鄉資源簡報' });
    expect(within(dialog).getByRole('note')).toHaveTextContent(
      `非官方資料：民雄鄉另有 1 筆來自連結（${HOST}）的資料未計入本簡報，因為它們不是官方資料，內容也未經查證。`,
    );
    const points = within(screen.getByRole('region', { name: '重點' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(points[0]).toBe('民雄鄉在地圖上共有 8 筆資源。');
    expect(points).toContain('民雄鄉有 3 處社區發展協會，與 2025 年底一樣多。');
    // Named nowhere, neither as a gap nor as the nearest help: every figure and name is the official data's.
    expect(pageWithoutNote()).toBe(plain);
    expect(dialog).not.toHaveTextContent(/辛社區發展協會|壬課後照顧班/);
  }, 30_000);

  it('with link records only outside the township, says that link data is not counted', async () => {
    const plain = await plainPage();
    await openBriefing([ELSEWHERE]);
    expect(screen.getByRole('note')).toHaveTextContent(
      `非官方資料：地圖上來自連結（${HOST}）的資料不是官方資料，未計入本簡報。`,
    );
    expect(pageWithoutNote()).toBe(plain);
  }, 30_000);

  it('once the link’s data is removed, shows no note and the same page', async () => {
    const plain = await plainPage();
    await openBriefing([IN_TOWN, ELSEWHERE]);
    expect(screen.getAllByRole('note')).toHaveLength(1);
    act(() => removeLinkData());
    await waitFor(() => expect(selectLinkHosts(useAppStore.getState())).toEqual([]), SLOW);
    await waitFor(() => expect(screen.queryByRole('note')).toBeNull(), SLOW);
    expect(screen.getByRole('dialog')).not.toHaveTextContent('非官方');
    expect(pageWithoutNote()).toBe(plain);
  }, 30_000);
});

describe.each(['en', 'vi', 'id', 'th'] as const)('the link note in %s', (language) => {
  it('is written in the language, with the same count, and the figures leave the link out', async () => {
    await openBriefing([IN_TOWN], language);
    const note = translateBriefing(language, 'briefing.linkNote', { town: '民雄鄉', count: 1, host: HOST });
    expect(note).not.toBe('briefing.linkNote');
    expect(screen.getByRole('note')).toHaveTextContent(note);
    expect(screen.getByRole('dialog')).not.toHaveTextContent('辛社區發展協會');
    const elsewhere = translateBriefing(language, 'briefing.linkNoteElsewhere', { host: HOST });
    expect(elsewhere).toContain(HOST);
  }, 30_000);
});
