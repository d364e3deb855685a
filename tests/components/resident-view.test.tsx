import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HotlinesButton } from '../../src/app/hotlines-button.tsx';
import { applyRememberedWorkspace } from '../../src/app/office-workspace.ts';
import { OfficeWorkspaceNotice, OfficeWorkspaceToggle } from '../../src/app/office-workspace-toggle.tsx';
import { RecordActions } from '../../src/app/record-actions.tsx';
import { isSampleRecord } from '../../src/domain/model/sample-data.ts';
import { ResourceDetail } from '../../src/features/detail/resource-detail.tsx';
import { ResourceList } from '../../src/features/list/resource-list.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { selectFilterResult, selectResourceById } from '../../src/store/data/derived.ts';
import { renderWithData, simulateListLayout } from './fixtures.ts';

const MINXIONG = 'chiayi-wc-minxiong';
const MINXIONG_NAME = '嘉義縣日安社會福利服務中心（民雄）';

/** The detail as the app wires it, with the office toggle in the header. */
const app = (
  <>
    <OfficeWorkspaceToggle />
    <OfficeWorkspaceNotice />
    <ResourceDetail actions={(resource) => <RecordActions resource={resource} />} />
  </>
);
const open = (id: string) => act(() => useAppStore.getState().select(id, 'list'));

afterEach(() => window.localStorage.clear());

describe('a resident’s detail', () => {
  it('shows no editing controls; the office workspace, entered on purpose and remembered, does', async () => {
    const { user } = renderWithData(app);
    open(MINXIONG);
    for (const name of ['修正資料', '移動位置', '放到地圖上']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }

    const toggle = screen.getByRole('button', { name: '公所工作區' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    // The office's actions (and their words) load when the workspace is first entered.
    expect(await screen.findByRole('button', { name: '修正資料' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '移動位置' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '公所工作區' })).toHaveTextContent(
      /修正只存在這台電腦的瀏覽器/,
    );
    expect(window.localStorage.getItem('crm.workspace')).toBe('office');

    // A reload on this device starts in the workspace again.
    act(() => useAppStore.getState().setOfficeWorkspace(false));
    expect(screen.queryByRole('button', { name: '修正資料' })).not.toBeInTheDocument();
    act(() => applyRememberedWorkspace());
    expect(await screen.findByRole('button', { name: '修正資料' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '回到民眾版' }));
    expect(screen.queryByRole('button', { name: '修正資料' })).not.toBeInTheDocument();
    expect(window.localStorage.getItem('crm.workspace')).toBeNull();
  });

  it('turns a fix into a correction report carrying the record and the proposed change, never a local edit', async () => {
    const { user } = renderWithData(app);
    open(MINXIONG);
    const before = selectResourceById(useAppStore.getState(), MINXIONG);
    const opener = screen.getByRole('button', { name: '回報資料錯誤' });
    await user.click(opener);
    expect(opener).toHaveAttribute('aria-expanded', 'true');
    const form = screen.getByRole('group', { name: `回報「${MINXIONG_NAME}」的資料錯誤` });
    expect(within(form).getByLabelText('哪一項不對？')).toHaveFocus();
    await user.selectOptions(within(form).getByLabelText('哪一項不對？'), '電話');
    expect(form).toHaveTextContent('目前寫的電話：(05)220-7017 分機17');
    await user.type(within(form).getByLabelText('正確的內容是？'), '05-2207018');

    const send = within(form).getByRole('link', { name: '寄出回報' });
    const href = send.getAttribute('href') ?? '';
    expect(href).toMatch(/^mailto:resource-map@example\.org\?subject=/);
    const body = new URLSearchParams(new URL(href).search).get('body') ?? '';
    expect(body).toContain(`資源：${MINXIONG_NAME}（編號 ${MINXIONG}）`);
    expect(body).toContain('哪一項不對：電話');
    expect(body).toContain('目前寫的電話：(05)220-7017 分機17');
    expect(body).toContain('建議改為：05-2207018');
    expect(href).not.toContain('+');

    // Nothing changed on this device: same record, same last-verified date, nothing to undo.
    expect(selectResourceById(useAppStore.getState(), MINXIONG)).toBe(before);
    expect(useAppStore.getState().correctionSteps.undo).toBe(0);
    expect(useAppStore.getState().officeEdits).toEqual({});

    // Escape closes the form (not the detail) and focus goes back to the button that opened it.
    within(form).getByLabelText('正確的內容是？').focus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: /回報「/ })).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
    expect(useAppStore.getState().selectedId).toBe(MINXIONG);
  });
});

describe('a resident’s first screen', () => {
  let layout: ReturnType<typeof simulateListLayout>;
  beforeEach(() => {
    layout = simulateListLayout({ viewport: 4000, row: 84 });
  });
  afterEach(() => layout.restore());

  it('lists the deployment county’s real records first and the samples last', () => {
    const { dataset } = renderWithData(<ResourceList />);
    expect(dataset.manifest.county).toBe('嘉義縣');
    const shown = selectFilterResult(useAppStore.getState()).visible.map((i) => dataset.resources[i]);
    const rank = (r: (typeof shown)[number]) => (!r || isSampleRecord(r) ? 2 : r.county === '嘉義縣' ? 0 : 1);
    const ranks = shown.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks)).toEqual(new Set([0, 1, 2]));
    const first = within(screen.getByRole('list', { name: '結果清單' })).getAllByRole('listitem')[0];
    expect(first).toHaveTextContent('嘉義縣');
    expect(first).not.toHaveTextContent('示範資料');
  });

  it('gives every result card with a phone a call button (tel:, extension included) and a directions button', () => {
    renderWithData(<ResourceList />);
    const rows = within(screen.getByRole('list', { name: '結果清單' })).getAllByRole('listitem');
    const minxiong = rows.find((r) => r.textContent?.includes(MINXIONG_NAME));
    if (!minxiong) throw new Error('民雄 is not listed');
    expect(
      within(minxiong).getByRole('link', { name: `打電話 (05)220-7017 分機17（${MINXIONG_NAME}）` }),
    ).toHaveAttribute('href', 'tel:052207017,17');
    expect(within(minxiong).getByRole('link', { name: `路線導航（${MINXIONG_NAME}）` })).toHaveAttribute(
      'target',
      '_blank',
    );
    // The card still opens the detail with one press.
    expect(
      within(minxiong).getByRole('button', { name: new RegExp(MINXIONG_NAME.replace(/[()（）]/g, '.')) }),
    ).toBeInTheDocument();
  });

  it('reaches every hotline in one tap from the header; Escape closes and focus returns', async () => {
    const { user } = renderWithData(<HotlinesButton />);
    const button = screen.getByRole('button', { name: '緊急電話' });
    await user.click(button);
    const dialog = screen.getByRole('dialog', { name: '緊急求助電話' });
    expect(
      within(dialog)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['tel:110', 'tel:119', 'tel:113', 'tel:1925', 'tel:1957', 'tel:1966']);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(button).toHaveFocus());
  });
});
