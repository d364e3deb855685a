import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { workshopMark } from '../../src/domain/workshop/workshop-record.ts';
import {
  clearShelf,
  memoryShelf,
  shelvedDocument,
} from '../../src/services/local-docs/memory-local-document.ts';
import { initialAppState, useAppStore } from '../../src/store/app-store.ts';
import { selectFilterResult, selectResources } from '../../src/store/data/derived.ts';
import { localRecords } from '../../src/store/shared-map/shared-map-derived.ts';
import {
  closeWorkshopDocument,
  deleteWorkshopRecord,
  moveTo,
  redoWorkshop,
  saveDraft,
  undoWorkshop,
} from '../../src/store/workshop/workshop-actions.ts';
import {
  selectCoverage,
  selectInventory,
  selectWorkshopRows,
} from '../../src/store/workshop/workshop-derived.ts';
import {
  connectWorkshopStorage,
  connectWorkshopStorageWhenUsed,
  type WorkshopStorage,
} from '../../src/store/workshop/workshop-persistence.ts';
import { WORKSHOP_LAYER_ID } from '../../src/store/workshop/workshop-slice.ts';
import { loadedPayload } from '../store-payload.ts';
import { repoFile } from './fixture-paths.ts';
import { gazetteer, loadPath, manifest } from './load-context.ts';

const MINXIONG = toLatLng(23.556, 120.44);
const source: Resource = {
  id: 'src-1',
  name: '原始資料',
  category: 'welfare-center',
  services: [],
  address: '嘉義縣民雄鄉',
  county: '嘉義縣',
  town: '民雄鄉',
  position: toLatLng(23.54, 120.44),
  precision: 'exact',
  phones: [],
  source: '縣府',
  visibility: 'public',
  extra: {},
};
const store = () => useAppStore.getState();

function addByClick(name: string, position = MINXIONG) {
  store().startAdd(position);
  store().updateDraft({ name });
  return saveDraft();
}

/** A browser's storage in memory: the document's shelf, the old store, the session. */
function memoryStorage(old?: unknown) {
  const shelf = memoryShelf();
  let session: unknown = null;
  let oldSnapshot = old;
  const storage: WorkshopStorage = {
    openDocument: () => shelvedDocument('local/workshop', shelf),
    mayHoldWorkshop: async () => shelf.updates.length > 0 || oldSnapshot !== undefined,
    readOldSnapshot: async () => oldSnapshot,
    deleteOldSnapshot: async () => {
      oldSnapshot = undefined;
    },
    readSession: () => session,
    writeSession: (value) => {
      session = { version: 1, ...value };
    },
  };
  return { storage, shelf, session: () => session, old: () => oldSnapshot };
}

/** A new page: a fresh store (and document), the same storage. */
function reload() {
  closeWorkshopDocument();
  useAppStore.setState(initialAppState, true);
  store().setDataset(loadedPayload(manifest, [source]));
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  store().setDataset(loadedPayload(manifest, [source]));
  store().setTownships('ready', gazetteer.townships);
  store().setWorkshopEditing(true);
});
afterEach(() => {
  closeWorkshopDocument();
  useAppStore.setState(initialAppState, true);
});

describe('co-mapping in the store', () => {
  it('a click opens a form with the nearest township as the address; saving adds a marked workshop layer', () => {
    store().setFacilitator('王小明');
    store().startAdd(MINXIONG);
    expect(store().workshopDraft).toMatchObject({
      mode: 'add',
      draft: { address: '嘉義縣民雄鄉', category: 'welfare-center' },
    });
    store().updateDraft({ name: '阿美早餐店', category: 'friendly-shop' });
    expect(saveDraft()).toEqual([]);
    expect(store().workshopDraft).toBeNull();
    const layer = store().layers.find((l) => l.id === WORKSHOP_LAYER_ID);
    expect(layer?.kind).toBe('workshop');
    expect(layer?.dataset.resources.map((r) => r.name)).toEqual(['阿美早餐店']);
    const added = selectResources(store()).find((r) => r.name === '阿美早餐店') as Resource;
    expect(workshopMark(added)).toMatchObject({ change: 'added', facilitator: '王小明' });
    expect(store().selectedId).toBe(added.id);
    // The source data itself is untouched.
    expect(store().base.resources).toEqual([source]);
  });

  it('a click before the township centroids arrive gets its township as the address once they do', () => {
    store().setTownships('loading', []);
    store().startAdd(MINXIONG);
    expect(store().workshopDraft?.draft.address).toBe('');
    store().setTownships('ready', gazetteer.townships);
    store().fillDraftPlace();
    expect(store().workshopDraft?.draft.address).toBe('嘉義縣民雄鄉');
    // What the facilitator typed is never replaced.
    store().updateDraft({ address: '廟口' });
    store().fillDraftPlace();
    expect(store().workshopDraft?.draft.address).toBe('廟口');
  });

  it('a form without a name is not saved and says why', () => {
    expect(addByClick('  ')).toEqual(['name-required']);
    expect(store().workshopDraft?.problems).toEqual(['name-required']);
    expect(store().layers).toEqual([]);
  });

  it('the next addition starts in the category of the last one', () => {
    store().startAdd(MINXIONG);
    store().updateDraft({ name: 'A', category: 'care-point' });
    saveDraft();
    store().startAdd(MINXIONG);
    expect(store().workshopDraft?.draft.category).toBe('care-point');
  });

  it('edits and deletions of source records go to the shared edits and deletions, and undo takes them back', () => {
    store().startEdit('src-1');
    store().updateDraft({ name: '改名後' });
    saveDraft();
    expect(store().edits['src-1']?.name).toBe('改名後');
    expect(selectResources(store()).map((r) => r.name)).toEqual(['改名後']);
    deleteWorkshopRecord('src-1');
    expect(store().deletedIds).toEqual(['src-1']);
    expect(store().edits).toEqual({});
    expect(selectResources(store())).toEqual([]);
    undoWorkshop();
    expect(store().deletedIds).toEqual([]);
    expect(store().edits['src-1']?.name).toBe('改名後');
    undoWorkshop();
    expect(store().edits).toEqual({});
    redoWorkshop();
    redoWorkshop();
    expect(store().deletedIds).toEqual(['src-1']);
  });

  it('leaves edits and deletions made elsewhere alone', () => {
    store().editResource({ ...source, id: 'other', name: 'office edit' });
    store().setDeleted('other-2', true);
    addByClick('工作坊的');
    undoWorkshop();
    expect(store().edits.other?.name).toBe('office edit');
    expect(store().deletedIds).toEqual(['other-2']);
  });

  it('moves a record to the clicked point, exact, as one undoable step', () => {
    store().startMove('src-1');
    moveTo(toLatLng(23.55, 120.45));
    expect(store().workshopMoving).toBeNull();
    expect(store().edits['src-1']).toMatchObject({ position: [23.55, 120.45], precision: 'exact' });
    undoWorkshop();
    expect(store().edits).toEqual({});
  });

  it('lists its rows for export: additions, edits, deletions', () => {
    addByClick('新的');
    deleteWorkshopRecord('src-1');
    expect(selectWorkshopRows(store()).map((r) => `${r.change}:${r.resource.name}`)).toEqual([
      'added:新的',
      'deleted:原始資料',
    ]);
  });

  it('an upload into a shared map takes the records on show: additions and changes in, deleted ones out', () => {
    store().setDataset(loadedPayload(manifest, [source, { ...source, id: 'src-2', name: '要刪的' }]));
    addByClick('工作坊新增的');
    store().startEdit('src-1');
    store().updateDraft({ name: '工作坊改過' });
    saveDraft();
    deleteWorkshopRecord('src-2');
    expect(localRecords(store()).map((r) => r.name)).toEqual(['工作坊改過', '工作坊新增的']);
  });

  it('workshop additions count in the inventory and coverage', () => {
    store().setArea('嘉義縣', '');
    addByClick('新的社福', MINXIONG);
    const inventory = selectInventory(store());
    expect(inventory.rows.find((r) => r.town === '民雄鄉')?.counts['welfare-center']).toBe(2);
    store().setCoverage('welfare-center', 1000);
    expect(selectCoverage(store()).uncovered.map((u) => u.target.town)).not.toContain('民雄鄉');
  });

  it('the year filter shows the map as of a year', () => {
    store().startAdd(MINXIONG);
    store().updateDraft({ name: '2021 設立', startYear: '2021' });
    saveDraft();
    store().setAsOfYear(2020);
    expect(selectFilterResult(store()).visible).toEqual([]);
    store().setAsOfYear(2021);
    expect(selectFilterResult(store()).visible).toHaveLength(1);
    store().setAsOfYear(null);
    expect(selectFilterResult(store()).visible).toHaveLength(2);
  });
});

describe('persistence in the workshop’s local document', () => {
  it('keeps every change and a half-typed form; a new page gets it all back, saved once read back', async () => {
    const { storage, shelf } = memoryStorage();
    const stop = connectWorkshopStorage(storage);
    await settle();
    expect(store().workshopStorage).toBe('saved');
    addByClick('存起來的');
    expect(store().workshopStorage).toBe('saving');
    store().startAdd(MINXIONG);
    store().updateDraft({ name: '打到一半' });
    await settle();
    expect(store().workshopStorage).toBe('saved');
    expect(shelf.updates.length).toBeGreaterThan(0);
    stop();

    reload();
    expect(selectResources(store()).map((r) => r.name)).toEqual(['原始資料']);
    const again = connectWorkshopStorage(storage);
    await settle();
    expect(selectResources(store()).map((r) => r.name)).toEqual(['原始資料', '存起來的']);
    expect(store().workshopDraft?.draft.name).toBe('打到一半');
    expect(store().workshopEditing).toBe(true);
    expect(store().workshopStorage).toBe('saved');
    // Undo covers this page's own changes: what an earlier page did stays (its record has a history instead).
    expect(store().workshopSteps).toEqual({ undo: 0, redo: 0 });
    store().cancelDraft();
    deleteWorkshopRecord(store().workshop.additions[0]?.id ?? '');
    undoWorkshop();
    expect(selectResources(store()).map((r) => r.name)).toEqual(['原始資料', '存起來的']);
    again();
  });

  it('says failed while storage loses writes, and saved once a later write holds everything again', async () => {
    const { storage, shelf } = memoryStorage();
    const stop = connectWorkshopStorage(storage);
    await settle();
    shelf.failing = true;
    addByClick('存不了');
    await settle();
    expect(store().workshopStorage).toBe('failed');
    // The record stays on the map meanwhile.
    expect(selectResources(store()).map((r) => r.name)).toContain('存不了');
    shelf.failing = false;
    addByClick('又能存了');
    await settle();
    expect(store().workshopStorage).toBe('saved');
    stop();
    reload();
    const again = connectWorkshopStorage(storage);
    await settle();
    expect(selectResources(store()).map((r) => r.name)).toEqual(['原始資料', '存不了', '又能存了']);
    again();
  });

  it('a browser that refuses the database: says failed, the workshop works in memory, no change is claimed saved', async () => {
    const { storage, shelf } = memoryStorage();
    shelf.refused = true;
    const stop = connectWorkshopStorage(storage);
    await settle();
    expect(store().workshopStorage).toBe('failed');
    addByClick('只在畫面上');
    await settle();
    expect(selectResources(store()).map((r) => r.name)).toEqual(['原始資料', '只在畫面上']);
    expect(store().workshopStorage).toBe('failed');
    undoWorkshop();
    expect(selectResources(store()).map((r) => r.name)).toEqual(['原始資料']);
    redoWorkshop();
    await settle();
    expect(store().workshopStorage).toBe('failed');
    expect(shelf.updates).toEqual([]);
    stop();
  });

  it('site data cleared while open: says failed, and at the next change stores the whole workshop anew', async () => {
    const { storage, shelf } = memoryStorage();
    const stop = connectWorkshopStorage(storage);
    await settle();
    addByClick('清除前的');
    await settle();
    expect(store().workshopStorage).toBe('saved');
    clearShelf(shelf);
    expect(store().workshopStorage).toBe('failed');
    expect(shelf.reopened).toBe(0);
    addByClick('清除後的');
    await settle();
    expect(shelf.reopened).toBe(1);
    expect(store().workshopStorage).toBe('saved');
    stop();
    reload();
    const again = connectWorkshopStorage(storage);
    await settle();
    expect(selectResources(store()).map((r) => r.name)).toEqual(['原始資料', '清除前的', '清除後的']);
    again();
  });

  it('moves a real version-1 snapshot of the old store into the document once, then deletes the old store', async () => {
    const snapshot: unknown = JSON.parse(
      readFileSync(new URL('../fixtures/workshop/crm-workshop-snapshot-v1.json', import.meta.url), 'utf8'),
    );
    const chiayi = loadPath(repoFile('data', 'chiayi-welfare-centers.csv'), {
      file: 'chiayi-welfare-centers.csv',
    });
    store().setDataset(loadedPayload(manifest, chiayi.resources));
    const { storage, old } = memoryStorage(snapshot);
    const stop = connectWorkshopStorage(storage);
    await settle();
    const names = selectResources(store()).map((r) => r.name);
    expect(names).toContain('阿美早餐店');
    expect(names).toContain('朴子長青食堂');
    expect(names).not.toContain('嘉義縣日安社會福利服務中心（布袋）');
    expect(store().edits['chiayi-wc-minxiong']?.phones).toEqual(['05-2207017']);
    expect(store().deletedIds).toEqual(['chiayi-wc-budai']);
    expect(store().facilitator).toBe('王小明');
    expect(store().workshopDraft?.draft.name).toBe('打到一半的');
    // Not a change of this page's: nothing to undo.
    expect(store().workshopSteps.undo).toBe(0);
    expect(old()).toBeUndefined();
    stop();

    // The next page reads the document; the old store is gone, and nothing is moved twice.
    closeWorkshopDocument();
    useAppStore.setState(initialAppState, true);
    store().setDataset(loadedPayload(manifest, chiayi.resources));
    const again = connectWorkshopStorage(storage);
    await settle();
    expect(store().workshop.additions.map((r) => r.name)).toEqual(['阿美早餐店', '朴子長青食堂']);
    again();
  });

  it('a visit that does not co-map writes nothing; co-mapping opens the storage; a kept workshop opens at once', async () => {
    const { storage, shelf } = memoryStorage();
    store().setWorkshopEditing(false);
    const stop = connectWorkshopStorageWhenUsed(storage);
    await settle();
    expect(store().workshopStorage).toBe('off');
    expect(shelf.updates).toEqual([]);
    store().setWorkshopEditing(true);
    addByClick('開始共同編製');
    await settle();
    expect(store().workshopStorage).toBe('saved');
    stop();

    reload();
    const again = connectWorkshopStorageWhenUsed(storage);
    await settle();
    expect(store().workshop.additions.map((r) => r.name)).toEqual(['開始共同編製']);
    again();
  });

  it('a form stored by another version is ignored; the workshop itself still loads', async () => {
    const { storage } = memoryStorage({ version: 2 });
    storage.writeSession = () => {};
    storage.readSession = () => ({ version: 2, draft: 'x' });
    const stop = connectWorkshopStorage(storage);
    await settle();
    expect(store().workshopDraft).toBeNull();
    expect(store().layers).toEqual([]);
    expect(store().workshopStorage).toBe('saved');
    stop();
  });
});
