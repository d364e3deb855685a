import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ImportedDataset } from '../../src/domain/loading/imported-dataset.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import { ImportPanel } from '../../src/features/import/import-panel.tsx';
import { SaveNotice } from '../../src/features/import/save-notice.tsx';
import type { SavedImports } from '../../src/services/import/idb-import-storage.ts';
import { createAppStore, useAppStore } from '../../src/store/app-store.ts';
import { selectResources } from '../../src/store/data/derived.ts';
import {
  connectImportStorage,
  type ImportStorage,
  restoredEdits,
} from '../../src/store/import/import-persistence.ts';
import {
  createMemoryBrowser,
  createMemoryImportStorage,
  createMemorySaveEnvironment,
  type MemoryBrowser,
} from '../../src/store/import/memory-import-storage.ts';
import { loadedPayload } from '../store-payload.ts';
import { seedStore } from './fixtures.ts';
import { pause, settle } from './save-helpers.ts';

const manifestOf = () => useAppStore.getState().manifest ?? { categories: [], serviceTags: [] };

const importedRecord: Resource = {
  id: 'imp-1',
  name: '匯入據點',
  category: 'care-point',
  services: [],
  address: '嘉義縣民雄鄉某處',
  county: '嘉義縣',
  town: '民雄鄉',
  position: null,
  precision: 'missing',
  phones: [],
  source: 'big.csv',
  visibility: 'public',
  extra: {},
};
const bigFile: ImportedDataset = {
  id: 'import-big',
  fileName: 'big.csv',
  format: 'csv',
  encoding: 'utf-8',
  importedAt: '2025-03-14T08:00:00.000Z',
  visibility: 'public',
  origin: 'file',
  mapping: { name: '名稱' },
  rows: Array.from({ length: 3 }, (_, i) => ({
    row: i + 2,
    outcome: 'needs-location' as const,
    name: '匯入據點',
    resourceId: 'imp-1',
    issues: [],
  })),
  duplicates: [],
};

/** One tab of the app: its own store (the default data on show) connected to the browser's storage. */
function openTab(storage: ImportStorage, browser: MemoryBrowser, store = useAppStore) {
  if (store === useAppStore) seedStore();
  else {
    const { manifest } = useAppStore.getState();
    if (!manifest) throw new Error('seed the first tab first');
    store.getState().setDataset(loadedPayload(manifest, useAppStore.getState().base.resources));
  }
  const env = createMemorySaveEnvironment(browser);
  const stop = connectImportStorage(storage, env, store);
  return {
    env,
    store,
    /** The tab goes away: closed, or killed (nothing more is written either way). */
    close: () => {
      stop();
      env.close();
    },
  };
}

/** A reload: the store starts afresh; the storage and the browser's ledger stay. */
function reloadFresh() {
  useAppStore.setState(useAppStore.getInitialState(), true);
}

const addBigFile = (store = useAppStore) =>
  store.getState().addImportedDataset(bigFile, buildDataset([importedRecord], manifestOf()));

describe('two tabs of the same browser', () => {
  it('each corrects a different record: both are saved, each tab shows the other’s, undo takes back only its own', async () => {
    const storage = createMemoryImportStorage();
    const browser = createMemoryBrowser();
    const a = openTab(storage, browser);
    const b = openTab(storage, browser, createAppStore());
    await settle(a.store, b.store);
    const [first, second] = useAppStore.getState().base.resources;
    if (!first || !second) throw new Error('the default data is empty');

    a.store.getState().commitOfficeEdit({ ...first, name: `${first.name}（A 更正）` });
    b.store.getState().commitOfficeEdit({ ...second, phones: ['(05)000-1111'] });
    await settle(a.store, b.store);
    expect([...storage.edits.keys()].sort()).toEqual([first.id, second.id].sort());
    await vi.waitFor(() => {
      expect(a.store.getState().officeEdits.present[second.id]?.phones).toEqual(['(05)000-1111']);
      expect(b.store.getState().officeEdits.present[first.id]?.name).toBe(`${first.name}（A 更正）`);
    });
    expect(selectResources(b.store.getState()).find((r) => r.id === first.id)?.name).toBe(
      `${first.name}（A 更正）`,
    );
    expect(a.store.getState().importStorage).toBe('saved');
    expect(b.store.getState().importStorage).toBe('saved');

    // A's undo takes back A's correction only; B hears of it.
    a.store.getState().undoOfficeEdit();
    await settle(a.store, b.store);
    expect([...storage.edits.keys()]).toEqual([second.id]);
    expect(a.store.getState().officeEdits.present[second.id]).toBeDefined();
    await vi.waitFor(() => expect(b.store.getState().officeEdits.present[first.id]).toBeUndefined());
    a.store.getState().redoOfficeEdit();
    await settle(a.store, b.store);
    a.close();
    b.close();

    reloadFresh();
    const again = openTab(storage, browser);
    await settle();
    const shown = selectResources(useAppStore.getState());
    expect(shown.find((r) => r.id === first.id)?.name).toBe(`${first.name}（A 更正）`);
    expect(shown.find((r) => r.id === second.id)?.phones).toEqual(['(05)000-1111']);
    expect(useAppStore.getState().saveLosses).toEqual([]);
    again.close();
  });

  it('shows a file the other tab imported, and removes it when the other tab does (not a loss)', async () => {
    const storage = createMemoryImportStorage();
    const browser = createMemoryBrowser();
    const a = openTab(storage, browser);
    const b = openTab(storage, browser, createAppStore());
    await settle(a.store, b.store);
    addBigFile(b.store);
    await settle(a.store, b.store);
    await vi.waitFor(() =>
      expect(a.store.getState().importedDatasets.map((d) => d.fileName)).toEqual(['big.csv']),
    );
    b.store.getState().clearImports();
    await settle(a.store, b.store);
    await vi.waitFor(() => expect(a.store.getState().importedDatasets).toEqual([]));
    await settle(a.store, b.store);
    expect(a.store.getState().storageCleared).toBe(false);
    expect(a.store.getState().importStorage).toBe('saved');
    a.close();
    b.close();
  });
});

describe('changes made while the saved data loads', () => {
  it('are written once it has loaded, beside what was saved', async () => {
    const memory = createMemoryImportStorage();
    const browser = createMemoryBrowser();
    seedStore();
    const [first, second] = useAppStore.getState().base.resources;
    if (!first || !second) throw new Error('the default data is empty');
    const before = openTab(memory, browser);
    await settle();
    useAppStore.getState().commitOfficeEdit({ ...first, phones: ['(05)111-0000'] });
    await settle();
    before.close();

    reloadFresh();
    let finishLoading = () => {};
    const slow: ImportStorage = {
      ...memory,
      load: async (config) => {
        await new Promise<void>((resolve) => (finishLoading = resolve));
        return memory.load(config);
      },
    };
    const tab = openTab(slow, browser);
    addBigFile();
    useAppStore.getState().commitOfficeEdit({ ...second, phones: ['(05)222-0000'] });
    finishLoading();
    await settle();
    expect(memory.datasets.has(bigFile.id)).toBe(true);
    expect([...memory.edits.keys()].sort()).toEqual([first.id, second.id].sort());
    expect(useAppStore.getState().officeEdits.present[first.id]?.phones).toEqual(['(05)111-0000']);
    tab.close();
  });
});

describe('a save that fails for want of room', () => {
  function fullStorage() {
    const memory = createMemoryImportStorage();
    const state = { full: true };
    const storage: ImportStorage = {
      ...memory,
      putDataset: async (stored) => {
        if (state.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        await memory.putDataset(stored);
      },
    };
    return { memory, storage, state };
  }

  it('keeps "not saved" after a later small save succeeds, and the next start says the file was not saved', async () => {
    const { memory, storage } = fullStorage();
    const browser = createMemoryBrowser();
    const tab = openTab(storage, browser);
    await settle();
    addBigFile();
    await settle();
    expect(useAppStore.getState().importStorage).toBe('failed');
    expect(browser.ledger.value?.datasets[bigFile.id]?.state).toBe('failed');
    // The records stay on show (in memory) for the person to export.
    expect(selectResources(useAppStore.getState()).some((r) => r.id === importedRecord.id)).toBe(true);

    const [first] = useAppStore.getState().base.resources;
    if (!first) throw new Error('the default data is empty');
    useAppStore.getState().commitOfficeEdit({ ...first, phones: ['(05)222-3333'] });
    await settle();
    expect(memory.edits.has(first.id)).toBe(true);
    expect(useAppStore.getState().importStorage).toBe('failed');
    tab.close();

    reloadFresh();
    const next = openTab(storage, browser);
    await settle();
    expect(useAppStore.getState().saveLosses).toEqual([
      { cause: 'unfinished', datasets: [{ fileName: 'big.csv', rows: 3 }], edits: 0 },
    ]);
    expect(selectResources(useAppStore.getState()).find((r) => r.id === first.id)?.phones).toEqual([
      '(05)222-3333',
    ]);
    // Acknowledged: the start after that says nothing more.
    useAppStore.getState().dismissSaveLosses();
    next.close();
    reloadFresh();
    const third = openTab(storage, browser);
    await settle();
    expect(useAppStore.getState().saveLosses).toEqual([]);
    third.close();
  });

  it('writes it when the person tries again after freeing space', async () => {
    const { memory, storage, state } = fullStorage();
    const tab = openTab(storage, createMemoryBrowser());
    await settle();
    addBigFile();
    await settle();
    expect(useAppStore.getState().importStorage).toBe('failed');
    state.full = false;
    useAppStore.getState().requestSaveAgain();
    await settle();
    expect(memory.datasets.has(bigFile.id)).toBe(true);
    expect(useAppStore.getState().importStorage).toBe('saved');
    tab.close();
  });
});

describe('the page killed while saving', () => {
  it('says on the next start which file was not saved, and which corrections', async () => {
    const memory = createMemoryImportStorage();
    // A write that never finishes: the browser is killed in the middle of it.
    const storage: ImportStorage = { ...memory, putDataset: () => new Promise<void>(() => {}) };
    const browser = createMemoryBrowser();
    const tab = openTab(storage, browser);
    await settle();
    addBigFile();
    const [first] = useAppStore.getState().base.resources;
    if (!first) throw new Error('the default data is empty');
    useAppStore.getState().commitOfficeEdit({ ...first, phones: ['(05)222-3333'] });
    await pause(200);
    expect(useAppStore.getState().importStorage).toBe('saving');
    tab.close();

    reloadFresh();
    const next = openTab(memory, browser);
    await settle();
    expect(useAppStore.getState().saveLosses).toEqual([
      { cause: 'unfinished', datasets: [{ fileName: 'big.csv', rows: 3 }], edits: 1 },
    ]);
    next.close();
  });

  it('says so even when the ledger’s own note was lost with the browser (localStorage commits late)', async () => {
    const memory = createMemoryImportStorage();
    const storage: ImportStorage = { ...memory, putDataset: () => new Promise<void>(() => {}) };
    const browser = createMemoryBrowser();
    const tab = openTab(storage, browser);
    await settle();
    const ledgerBefore = browser.ledger.value;
    addBigFile();
    await pause(200);
    expect(memory.saving.has(bigFile.id)).toBe(true);
    tab.close();
    browser.ledger.value = ledgerBefore;

    reloadFresh();
    const next = openTab(memory, browser);
    await settle();
    expect(useAppStore.getState().saveLosses).toEqual([
      { cause: 'unfinished', datasets: [{ fileName: 'big.csv', rows: 3 }], edits: 0 },
    ]);
    await vi.waitFor(() => expect(memory.saving.size).toBe(0));
    next.close();
  });

  it('does not report a file removed before its write finished', async () => {
    const memory = createMemoryImportStorage();
    const storage: ImportStorage = { ...memory, putDataset: () => new Promise<void>(() => {}) };
    const browser = createMemoryBrowser();
    const tab = openTab(storage, browser);
    await settle();
    addBigFile();
    await pause(100);
    useAppStore.getState().removeImportedDataset(bigFile.id);
    await pause(100);
    tab.close();

    reloadFresh();
    const next = openTab(memory, browser);
    await settle();
    expect(useAppStore.getState().saveLosses).toEqual([]);
    expect(memory.saving.size).toBe(0);
    next.close();
  });

  it('does not call another live tab’s save in progress a loss', async () => {
    const memory = createMemoryImportStorage();
    const slow: ImportStorage = { ...memory, putDataset: () => new Promise<void>(() => {}) };
    const browser = createMemoryBrowser();
    seedStore();
    const busy = openTab(slow, browser, createAppStore());
    await settle(busy.store);
    addBigFile(busy.store);
    await pause(200);
    const other = openTab(memory, browser);
    await settle();
    expect(useAppStore.getState().saveLosses).toEqual([]);
    other.close();
    busy.close();
  });
});

describe('site data cleared', () => {
  it('while the page is open: says so, writes nothing until asked, never claims "saved"; saving again writes it all', async () => {
    const storage = createMemoryImportStorage();
    const browser = createMemoryBrowser();
    const tab = openTab(storage, browser);
    await settle();
    addBigFile();
    const [first, second] = useAppStore.getState().base.resources;
    if (!first || !second) throw new Error('the default data is empty');
    useAppStore.getState().commitOfficeEdit({ ...first, phones: ['(05)222-3333'] });
    await settle();
    expect(useAppStore.getState().importStorage).toBe('saved');

    // Clearing site data deletes the database and localStorage (the ledger) alike.
    storage.clearSiteData();
    browser.ledger.value = null;
    await vi.waitFor(() => expect(useAppStore.getState().storageCleared).toBe(true));
    expect(useAppStore.getState().importStorage).toBe('unsaved');

    useAppStore.getState().commitOfficeEdit({ ...second, phones: ['(05)444-5555'] });
    await settle();
    expect(useAppStore.getState().importStorage).toBe('unsaved');
    expect(storage.edits.size).toBe(0);

    useAppStore.getState().requestSaveAgain();
    await settle();
    expect(useAppStore.getState().storageCleared).toBe(false);
    expect(useAppStore.getState().importStorage).toBe('saved');
    expect(storage.datasets.has(bigFile.id)).toBe(true);
    expect([...storage.edits.keys()].sort()).toEqual([first.id, second.id].sort());
    tab.close();
  });

  it('seen when the page comes back into view, even if the browser did not close the database', async () => {
    const memory = createMemoryImportStorage();
    const storage: ImportStorage = { ...memory, onTerminated: () => () => undefined };
    const tab = openTab(storage, createMemoryBrowser());
    await settle();
    addBigFile();
    await settle();
    memory.clearSiteData();
    await settle();
    expect(useAppStore.getState().storageCleared).toBe(false);
    tab.env.show();
    await vi.waitFor(() => expect(useAppStore.getState().storageCleared).toBe(true));
    tab.close();
  });

  it('between visits (the database alone, the ledger kept): the next start names what is gone', async () => {
    const storage = createMemoryImportStorage();
    const browser = createMemoryBrowser();
    const tab = openTab(storage, browser);
    await settle();
    addBigFile();
    const [first] = useAppStore.getState().base.resources;
    if (!first) throw new Error('the default data is empty');
    useAppStore.getState().commitOfficeEdit({ ...first, phones: ['(05)222-3333'] });
    await settle();
    tab.close();
    storage.clearSiteData();

    reloadFresh();
    const next = openTab(storage, browser);
    await settle();
    expect(useAppStore.getState().saveLosses).toEqual([
      { cause: 'cleared', datasets: [{ fileName: 'big.csv', rows: 3 }], edits: 1 },
    ]);
    next.close();
  });
});

describe('restoredEdits', () => {
  const x = { ...importedRecord, name: 'x' };
  const y = { ...importedRecord, id: 'imp-2', name: 'y' };
  const theirs = { ...importedRecord, name: 'theirs' };
  const saved = (edits: SavedImports['edits']): SavedImports => ({
    datasets: [],
    edits,
    // The last writer's history: it corrected imp-1 (x) in one step.
    history: {
      version: 1,
      history: { past: [{}], present: { 'imp-1': x }, future: [] },
      stamps: { 'imp-1': 's1' },
    },
    revision: 1,
    saving: [],
  });

  it('keeps the last writer’s undo steps and adds what other tabs stored since into every state', () => {
    const { history, edits } = restoredEdits(
      saved([
        { version: 1, id: 'imp-1', resource: structuredClone(x), stamp: 's1' },
        { version: 1, id: 'imp-2', resource: y, stamp: 's2' },
      ]),
    );
    expect(history.present).toEqual({ 'imp-1': x, 'imp-2': y });
    expect(history.past).toEqual([{ 'imp-2': y }]);
    // The mirror holds the history's own object: nothing reads as unwritten.
    expect(edits.get('imp-1')?.resource).toBe(history.present['imp-1']);
    expect(edits.get('imp-1')?.stamp).toBe('s1');
  });

  it('takes another tab’s later correction of the same record, and drops one undone elsewhere', () => {
    const changed = restoredEdits(
      saved([{ version: 1, id: 'imp-1', resource: theirs, stamp: 's9' }]),
    ).history;
    expect(changed.present).toEqual({ 'imp-1': theirs });
    expect(changed.past).toEqual([{ 'imp-1': theirs }]);
    expect(restoredEdits(saved([])).history.present).toEqual({});
  });
});

describe('the save notice', () => {
  it('names what a previous visit lost, and goes once acknowledged', async () => {
    seedStore();
    const user = userEvent.setup();
    render(
      <>
        <SaveNotice />
        <ImportPanel />
      </>,
    );
    act(() =>
      useAppStore.getState().setSaveLosses([
        { cause: 'unfinished', datasets: [{ fileName: 'bench-100k.csv', rows: 100_000 }], edits: 2 },
        { cause: 'cleared', datasets: [], edits: 5 },
      ]),
    );
    const [unfinished, cleared] = screen.getAllByRole('alert');
    expect(unfinished).toHaveTextContent(
      '上次有資料沒有保存完成，現在不在這個瀏覽器中：「bench-100k.csv」（100,000 列）、2 筆修正',
    );
    expect(cleared).toHaveTextContent('先前保存在這個瀏覽器的資料已經不在了');
    expect(cleared).toHaveTextContent('5 筆修正');
    await user.click(within(unfinished as HTMLElement).getByRole('button', { name: '知道了' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('after a clearing: export now or save again, and the panel says not saved', async () => {
    seedStore();
    const user = userEvent.setup();
    render(
      <>
        <SaveNotice />
        <ImportPanel />
      </>,
    );
    act(() => {
      useAppStore.getState().setStorageCleared(true);
      useAppStore.getState().setImportStorage('unsaved');
    });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('剛剛被清除了');
    // The panel's list of what is kept loads (with its words) once there is something to say.
    expect(await screen.findByRole('status')).toHaveTextContent('尚未保存到這個瀏覽器');
    expect(screen.queryByText(/重新整理或關閉後仍會保留/)).toBeNull();
    await user.click(within(alert).getByRole('button', { name: '重新保存到這個瀏覽器' }));
    expect(useAppStore.getState().saveAgainRequests).toBe(1);
    await user.click(within(alert).getByRole('button', { name: '立即匯出' }));
    expect(useAppStore.getState().exportOpen).toBe(true);
  });

  it('says "kept after a reload" only once saved, and that the browser may still evict it', async () => {
    seedStore();
    render(<ImportPanel />);
    act(() => {
      addBigFile();
      useAppStore.getState().setImportStorage('saved');
      useAppStore.getState().setStoragePersistent(false);
    });
    expect(await screen.findByText(/重新整理或關閉後仍會保留/)).toHaveTextContent(
      '瀏覽器在空間不足時仍可能刪除',
    );
  });
});
