import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import { SharedMapPanel } from '../../src/features/shared-map/shared-map-panel.tsx';
import { SharedMapPanel as SharedMapPanelGate } from '../../src/features/shared-map/shared-map-panel-gate.tsx';
import { SharedRecordActions } from '../../src/features/shared-map/shared-record-actions.tsx';
import { enMessages } from '../../src/i18n/messages-en.ts';
import { enOfficeMessages } from '../../src/i18n/office-messages-en.ts';
import { useAppStore } from '../../src/store/app-store.ts';
import { selectDataset } from '../../src/store/data/derived.ts';
import { minxiongRecord } from '../minxiong-record.ts';
import { defaultManifest } from './fixtures.ts';

const record = (id: string, name: string) => minxiongRecord(id, name);
const ours = record('a1', '甲協會據點');
const theirs = record('b1', '乙協會據點');

/** A member organisation's page once its link has opened: its own document and another member's. */
function joinAsMember() {
  const s = useAppStore.getState();
  s.setDataset({
    manifest: defaultManifest,
    dataset: buildDataset([], defaultManifest),
    report: { files: [], issueCount: 0, issueCounts: {}, issuesJson: '[]' },
  });
  s.setSharedPhase('on', { role: 'member', county: 'chiayi', label: '甲協會', own: 'org/assoc-a' });
  s.setSharedDisplayName('王小明');
  s.setSharedDoc('org/assoc-a', { label: '甲協會', access: 'write', connection: 'online', synced: true });
  s.setSharedDoc('org/assoc-b', { label: '乙協會', access: 'read', connection: 'online', synced: true });
  s.putLayer({
    id: 'org/assoc-a',
    kind: 'shared',
    label: '甲協會',
    dataset: buildDataset([ours], defaultManifest),
  });
  s.putLayer({
    id: 'org/assoc-b',
    kind: 'shared',
    label: '乙協會',
    dataset: buildDataset([theirs], defaultManifest),
  });
}

describe('the shared map panel', () => {
  it('residents never see it: without a link there is nothing', () => {
    const { container } = render(<SharedMapPanelGate />);
    expect(container).toBeEmptyDOMElement();
  });

  it('says who the link speaks for, whether it is online, and what waits for the server', () => {
    joinAsMember();
    render(<SharedMapPanel />);
    const panel = screen.getByRole('region', { name: '共享地圖' });
    expect(within(panel).getByText(/你代表：甲協會/)).toBeInTheDocument();
    expect(within(panel).getByRole('status')).toHaveTextContent('已連線，修改會即時同步');
    expect(within(panel).getByLabelText('你的名字（記在每一次修改）')).toHaveValue('王小明');
    act(() => useAppStore.getState().setSharedDoc('org/assoc-a', { connection: 'offline', unsynced: 2 }));
    expect(within(panel).getByRole('status')).toHaveTextContent('離線中：修改先存在這台裝置');
    expect(within(panel).getByRole('status')).toHaveTextContent('2 項修改等待上傳');
    expect(within(panel).getByRole('status')).not.toHaveTextContent('這個瀏覽器不允許儲存資料');
    // One document this browser refuses to keep (sites may not save data): the panel says so.
    act(() => useAppStore.getState().setSharedDoc('org/assoc-b', { notKept: true }));
    expect(within(panel).getByRole('status')).toHaveTextContent(
      '這個瀏覽器不允許儲存資料：離線時的修改不會保留在這台裝置上。',
    );
    // Offline, it does not claim the changes are kept on this device.
    expect(within(panel).getByRole('status')).toHaveTextContent(
      '離線中：這個瀏覽器不保存資料，修改只在這個頁面裡',
    );
    expect(within(panel).getByRole('status')).not.toHaveTextContent('修改先存在這台裝置');
    // A member has no office tools.
    expect(within(panel).queryByRole('button', { name: '發布給民眾' })).toBeNull();
    expect(within(panel).getByRole('button', { name: '新增一筆資料' })).toBeInTheDocument();
  });

  it('says in words what the server refused, naming the organisation that keeps the record', async () => {
    joinAsMember();
    render(<SharedMapPanel />);
    act(() =>
      useAppStore.getState().setSharedNotice({ reason: 'read-only', document: 'org/assoc-b', at: 0 }),
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('伺服器拒絕了這項修改：「乙協會」的資料只能檢視');
    await userEvent.click(within(alert).getByRole('button', { name: '知道了' }));
    expect(screen.queryByRole('alert')).toBeNull();
    act(() =>
      useAppStore.getState().setSharedNotice({ reason: 'token-revoked', document: 'org/assoc-a', at: 0 }),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('這個連結已被撤銷');
  });

  it('offers to undo and redo only when there is one of its own changes to undo or redo', () => {
    joinAsMember();
    render(<SharedMapPanel />);
    const panel = screen.getByRole('region', { name: '共享地圖' });
    const undo = within(panel).getByRole('button', { name: '復原我的上一項修改' });
    const redo = within(panel).getByRole('button', { name: '重做' });
    expect(undo).toBeDisabled();
    expect(redo).toBeDisabled();
    expect(undo).toHaveAttribute('aria-keyshortcuts', 'Control+Z Meta+Z');
    act(() => useAppStore.getState().setSharedUndo({ undo: 2, redo: 1 }));
    expect(undo).toBeEnabled();
    expect(redo).toBeEnabled();
    act(() => useAppStore.getState().setSharedUndo({ undo: 0, redo: 0 }));
  });

  it('shows the office its tools: invite, publish', () => {
    joinAsMember();
    act(() =>
      useAppStore
        .getState()
        .setSharedPhase('on', { role: 'admin', county: 'chiayi', label: '嘉義縣政府', own: 'county/chiayi' }),
    );
    render(<SharedMapPanel />);
    expect(screen.getByRole('form', { name: '邀請成員組織' })).toBeInTheDocument();
    expect(screen.getByLabelText('組織名稱')).toBeInTheDocument();
    expect(screen.getByLabelText('類型')).toHaveDisplayValue('社區發展協會');
    expect(screen.getByRole('button', { name: '發布給民眾' })).toBeInTheDocument();
  });
});

describe('the office’s upload of today’s records', () => {
  const defaults = [record('d1', '民雄鄉社會福利服務中心'), record('d2', '民雄鄉大崎社區發展協會')];

  /** The county office's page: the default data on show, its county document open and synced. */
  function joinAsOffice(county: readonly ReturnType<typeof record>[]) {
    const s = useAppStore.getState();
    s.setDataset({
      manifest: defaultManifest,
      dataset: buildDataset(defaults, defaultManifest),
      report: { files: [], issueCount: 0, issueCounts: {}, issuesJson: '[]' },
    });
    s.setSharedPhase('on', { role: 'admin', county: 'chiayi', label: '嘉義縣政府', own: 'county/chiayi' });
    s.setSharedDoc('county/chiayi', {
      label: '嘉義縣政府',
      access: 'write',
      connection: 'online',
      synced: true,
    });
    s.putLayer({
      id: 'county/chiayi',
      kind: 'shared',
      label: '嘉義縣政府',
      dataset: buildDataset(county, defaultManifest),
    });
  }
  const namesOnShow = () =>
    selectDataset(useAppStore.getState())
      .resources.map((r) => r.name)
      .sort();

  it('a record added or approved before the upload leaves the default data on show and the upload offered', () => {
    joinAsOffice([record('n1', '新增的共餐據點'), record('d2', '大崎社區發展協會（已更正）')]);
    render(<SharedMapPanel />);
    // The county's correction of d2 wins over the default's; d1 stays.
    expect(namesOnShow()).toEqual(['大崎社區發展協會（已更正）', '新增的共餐據點', '民雄鄉社會福利服務中心']);
    expect(screen.getByRole('button', { name: '把目前地圖上的 2 筆資料放進共享地圖' })).toBeInTheDocument();
  });

  it('once the county’s document holds the upload, it is the map: the default data steps aside', () => {
    joinAsOffice([record('d1', '民雄鄉社會福利服務中心'), record('d2', '民雄鄉大崎社區發展協會')]);
    render(<SharedMapPanel />);
    act(() =>
      useAppStore.getState().setSharedDoc('county/chiayi', {
        defaultData: { at: '2026-12-06T10:00:00.000Z', by: '嘉義縣政府', count: 2 },
      }),
    );
    expect(screen.queryByRole('button', { name: /放進共享地圖/ })).toBeNull();
    // A record deleted from the county's document after the upload does not come back from the default data.
    act(() =>
      useAppStore.getState().putLayer({
        id: 'county/chiayi',
        kind: 'shared',
        label: '嘉義縣政府',
        dataset: buildDataset([record('d2', '民雄鄉大崎社區發展協會')], defaultManifest),
      }),
    );
    expect(namesOnShow()).toEqual(['民雄鄉大崎社區發展協會']);
  });
});

describe("a shared record's owner", () => {
  it("marks another organisation's record read-only, kept by them; one's own is editable and deletable", () => {
    joinAsMember();
    const { rerender } = render(<SharedRecordActions resource={theirs} />);
    expect(screen.getByText('唯讀')).toBeInTheDocument();
    expect(screen.getByText('由「乙協會」維護')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '從共享地圖刪除' })).toBeNull();
    rerender(<SharedRecordActions resource={ours} />);
    expect(screen.queryByText('唯讀')).toBeNull();
    expect(screen.getByText('由「甲協會」維護')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '從共享地圖刪除' })).toBeInTheDocument();
  });

  it("does not offer to edit another organisation's record: the button is disabled, with the reason", () => {
    joinAsMember();
    const { rerender } = render(<SharedRecordActions resource={theirs} />);
    const edit = screen.getByRole('button', { name: '修改這筆（共享地圖）' });
    expect(edit).toBeDisabled();
    expect(edit).toHaveAccessibleDescription(
      '不能修改：這筆由「乙協會」維護，你的連結只能檢視。需要更正請聯絡他們。',
    );
    // Before the server has said what the link may do, it says it is asking.
    act(() => useAppStore.getState().setSharedDoc('org/assoc-b', { access: null }));
    expect(edit).toBeDisabled();
    expect(edit).toHaveAccessibleDescription('正在向伺服器確認你能不能修改這筆…');
    rerender(<SharedRecordActions resource={ours} />);
    expect(screen.getByRole('button', { name: '修改這筆（共享地圖）' })).toBeEnabled();
  });

  it('the edit form of its own record is a dialog with labelled fields', async () => {
    joinAsMember();
    render(<SharedRecordActions resource={ours} />);
    await userEvent.click(screen.getByRole('button', { name: '修改這筆（共享地圖）' }));
    const dialog = await screen.findByRole('dialog', { name: '修改「甲協會據點」' });
    expect(within(dialog).getByLabelText('名稱')).toHaveValue('甲協會據點');
    expect(within(dialog).getByLabelText('地址')).toHaveValue('嘉義縣民雄鄉');
  });

  it('speaks English too', () => {
    joinAsMember();
    act(() => useAppStore.getState().setLanguage('en', enMessages, null, enOfficeMessages));
    render(<SharedRecordActions resource={theirs} />);
    expect(screen.getByText('Read-only')).toBeInTheDocument();
    expect(screen.getByText('Kept by “乙協會”')).toBeInTheDocument();
  });

  it('says nothing for a record that is not part of a shared map', () => {
    joinAsMember();
    const { container } = render(<SharedRecordActions resource={record('elsewhere', '別處')} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('a shared workshop', () => {
  const proposal = (id: string, table: string, name: string, status: 'pending' | 'approved' = 'pending') => ({
    id,
    table,
    status,
    proposedAt: `2026-12-06T10:0${id.length}:00Z`,
    resource: record(`r-${id}`, name),
  });

  it('a table names itself before it proposes, and sees how many it has proposed', async () => {
    joinAsMember();
    act(() =>
      useAppStore.getState().setSharedPhase('on', {
        role: 'participant',
        county: 'chiayi',
        label: '民雄工作坊',
        own: 'workshop/w1',
      }),
    );
    act(() =>
      useAppStore.getState().setSharedProposals('workshop/w1', [proposal('a', '第一桌', '阿美早餐店')]),
    );
    render(<SharedMapPanel />);
    const propose = screen.getByRole('button', { name: '提出一筆建議' });
    expect(propose).toBeDisabled();
    expect(screen.queryByLabelText('你的名字（記在每一次修改）')).toBeNull();
    await userEvent.type(screen.getByLabelText('桌名（例如：第一桌）'), '第一桌');
    expect(propose).toBeEnabled();
    expect(screen.getByText('這一桌已提出 1 筆建議。')).toBeInTheDocument();
    await userEvent.click(propose);
    expect(await screen.findByRole('dialog', { name: '提出建議（第一桌）' })).toBeInTheDocument();
  });

  it('the facilitator sees a count per table and the pending proposals to approve or reject', () => {
    joinAsMember();
    const s = useAppStore.getState();
    act(() => {
      s.setSharedPhase('on', { role: 'admin', county: 'chiayi', label: '嘉義縣政府', own: 'county/chiayi' });
      s.setSharedDoc('workshop/w1', { label: '民雄工作坊', access: 'write' });
      s.setSharedProposals('workshop/w1', [
        proposal('a', '第一桌', '阿美早餐店'),
        proposal('bb', '第一桌', '已核准的點', 'approved'),
        proposal('ccc', '第二桌', '民雄共餐點'),
      ]);
    });
    render(<SharedMapPanel />);
    const counts = screen.getByRole('list', { name: '各桌建議數' });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['A第一桌：2 筆', 'B第二桌：1 筆']); // each table's letter, then its count
    const pending = screen.getByRole('list', { name: '待審的建議' });
    expect(within(pending).getByRole('button', { name: '核准「阿美早餐店」' })).toBeInTheDocument();
    expect(within(pending).getByRole('button', { name: '不採用「民雄共餐點」' })).toBeInTheDocument();
    expect(within(pending).queryByText(/已核准的點/)).toBeNull();
  });
});
