import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/domain/model/resource.ts';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import { SharedMapPanel } from '../../src/features/shared-map/shared-map-panel.tsx';
import { SharedMapPanel as SharedMapPanelGate } from '../../src/features/shared-map/shared-map-panel-gate.tsx';
import { SharedRecordActions } from '../../src/features/shared-map/shared-record-actions.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { defaultManifest } from './fixtures.ts';

const record = (id: string, name: string): Resource => ({
  id,
  name,
  category: 'community-association',
  services: [],
  address: '嘉義縣民雄鄉',
  county: '嘉義縣',
  town: '民雄鄉',
  position: null,
  precision: 'missing',
  phones: [],
  source: 'test',
  visibility: 'public',
  extra: {},
});
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

  it('the edit form is a dialog with labelled fields, and warns before a change the server will refuse', async () => {
    joinAsMember();
    render(<SharedRecordActions resource={theirs} />);
    await userEvent.click(screen.getByRole('button', { name: '修改這筆（共享地圖）' }));
    const dialog = await screen.findByRole('dialog', { name: '修改「乙協會據點」' });
    expect(within(dialog).getByLabelText('名稱')).toHaveValue('乙協會據點');
    expect(within(dialog).getByLabelText('地址')).toHaveValue('嘉義縣民雄鄉');
    expect(within(dialog).getByText(/這筆由「乙協會」維護，你的連結只能檢視/)).toBeInTheDocument();
  });

  it('speaks English too', () => {
    joinAsMember();
    act(() => useAppStore.getState().setLanguage('en'));
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
