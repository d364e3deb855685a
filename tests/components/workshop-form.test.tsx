import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import { ResourceDetail } from '../../src/features/detail/resource-detail.tsx';
import { useWorkshopKeys } from '../../src/features/workshop/use-workshop-keys.ts';
import { WorkshopForm } from '../../src/features/workshop/workshop-form.tsx';
import { WorkshopPanel } from '../../src/features/workshop/workshop-panel.tsx';
import { WorkshopRecordActions } from '../../src/features/workshop/workshop-record-actions.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { selectResources } from '../../src/store/data/derived.ts';
import { renderWithData } from './fixtures.ts';
import { startWorkshop } from './workshop-helpers.ts';

const MINXIONG = toLatLng(23.556, 120.44);

/** The app's workshop keys (useWorkshopSetup), alone. */
function WorkshopKeys() {
  useWorkshopKeys();
  return null;
}
const store = () => useAppStore.getState();

function renderWorkshop() {
  const result = renderWithData(
    <>
      <WorkshopPanel />
      <ResourceDetail actions={(resource) => <WorkshopRecordActions resource={resource} />} />
      <WorkshopForm />
    </>,
  );
  act(startWorkshop);
  return result;
}
const form = () => screen.getByRole('dialog', { name: /新增資源|編輯資源/ });
const changes = () =>
  within(screen.getByRole('list', { name: '工作坊異動清單' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('co-mapping form and panel', () => {
  it('a click on the map opens the form at the nearest township, focused on the name; saving adds the record', async () => {
    const { user, dataset } = renderWorkshop();
    await user.type(screen.getByLabelText('記錄者（選填）'), '王小明');
    await act(async () => store().startAdd(MINXIONG));
    expect(within(form()).getByLabelText('地址')).toHaveValue('嘉義縣民雄鄉');
    expect(within(form()).getByLabelText('名稱（必填）')).toHaveFocus();
    await user.keyboard('阿美早餐店');
    await user.selectOptions(within(form()).getByLabelText('類別'), '友善商店');
    await user.click(within(form()).getByRole('checkbox', { name: '餐食提供' }));
    await user.type(within(form()).getByLabelText('電話'), '05-2201234');
    await user.click(within(form()).getByRole('button', { name: '儲存' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(changes()).toEqual(['新增 阿美早餐店']);
    expect(screen.getByText('本次工作坊：新增 1 筆、修改 0 筆、刪除 0 筆')).toBeInTheDocument();
    expect(selectResources(store())).toHaveLength(dataset.resources.length + 1);
    // The detail of the new record says it is a workshop addition, with date and facilitator.
    expect(screen.getByRole('heading', { name: '阿美早餐店' })).toBeInTheDocument();
    expect(screen.getByText(/^工作坊新增（\d{4}-\d{2}-\d{2}） · 記錄者 王小明$/)).toBeInTheDocument();
  });

  it('refuses a record without a name, says why next to the field, and keeps the form open', async () => {
    const { user } = renderWorkshop();
    await act(async () => store().startAdd(MINXIONG));
    await user.click(within(form()).getByRole('button', { name: '儲存' }));
    const name = within(form()).getByLabelText('名稱（必填）');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('請填寫名稱。');
    expect(name).toHaveFocus();
    expect(store().layers).toEqual([]);
  });

  it('Esc cancels the form without adding anything', async () => {
    const { user } = renderWorkshop();
    await act(async () => store().startAdd(MINXIONG));
    await user.keyboard('半途');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(store().layers).toEqual([]);
  });

  it('every keystroke is in the store (and so in IndexedDB) before the form is saved', async () => {
    const { user } = renderWorkshop();
    await act(async () => store().startAdd(MINXIONG));
    await user.keyboard('打到一半');
    expect(store().workshopDraft?.draft.name).toBe('打到一半');
  });

  it('edits, deletes, undoes and redoes a source record from its detail', async () => {
    const { user } = renderWorkshop();
    act(() => store().select('chiayi-wc-minxiong', 'list'));
    await user.click(screen.getByRole('button', { name: '編輯' }));
    expect(within(form()).getByLabelText('名稱（必填）')).toHaveValue('嘉義縣日安社會福利服務中心（民雄）');
    await user.type(within(form()).getByLabelText('備註'), '週六開放');
    await user.click(within(form()).getByRole('button', { name: '儲存' }));
    expect(changes()).toEqual(['修改 嘉義縣日安社會福利服務中心（民雄）']);
    expect(screen.getByText(/^工作坊修改/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '刪除' }));
    expect(
      screen.queryByRole('heading', { name: '嘉義縣日安社會福利服務中心（民雄）' }),
    ).not.toBeInTheDocument();
    expect(changes()).toEqual(['刪除 嘉義縣日安社會福利服務中心（民雄）']);
    await user.click(screen.getByRole('button', { name: '復原' }));
    expect(changes()).toEqual(['修改 嘉義縣日安社會福利服務中心（民雄）']);
    await user.click(screen.getByRole('button', { name: '重做' }));
    expect(changes()).toEqual(['刪除 嘉義縣日安社會福利服務中心（民雄）']);
  });

  it('Ctrl+Z and Ctrl+Y undo and redo the workshop’s last change from the keyboard', async () => {
    const { user } = renderWithData(
      <>
        <WorkshopKeys />
        <WorkshopPanel />
        <ResourceDetail actions={(resource) => <WorkshopRecordActions resource={resource} />} />
      </>,
    );
    act(startWorkshop);
    act(() => store().select('chiayi-wc-minxiong', 'list'));
    await user.click(screen.getByRole('button', { name: '刪除' }));
    expect(changes()).toEqual(['刪除 嘉義縣日安社會福利服務中心（民雄）']);
    // The undo keys reach the workshop's document module by a dynamic import (it is not in the first screen).
    await user.keyboard('{Control>}z{/Control}');
    await vi.waitFor(() =>
      expect(screen.getByText('本次工作坊：新增 0 筆、修改 0 筆、刪除 0 筆')).toBeInTheDocument(),
    );
    await user.keyboard('{Control>}y{/Control}');
    await vi.waitFor(() => expect(changes()).toEqual(['刪除 嘉義縣日安社會福利服務中心（民雄）']));
  });

  it('offers no export while nothing changed, and says where the work is kept', () => {
    renderWorkshop();
    expect(screen.getByRole('button', { name: '匯出工作坊資料（CSV）' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '匯出工作坊資料（GeoJSON）' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '復原' })).toBeDisabled();
    // jsdom has no IndexedDB: nothing is connected, and the panel says the work would be lost.
    expect(screen.getByText('此瀏覽器無法保存工作坊資料，重新整理後會遺失。')).toBeInTheDocument();
  });

  it('shows no edit buttons and no panel while co-mapping is off', () => {
    renderWithData(
      <>
        <WorkshopPanel />
        <ResourceDetail actions={(resource) => <WorkshopRecordActions resource={resource} />} />
      </>,
    );
    act(() => store().select('chiayi-wc-minxiong', 'list'));
    expect(screen.queryByRole('button', { name: '編輯' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '共同繪製（工作坊）' })).not.toBeInTheDocument();
  });
});
