import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { ImportedDataset } from '../../src/domain/loading/imported-dataset.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import { LOCAL_DOCUMENTS, ROOTS } from '../../src/domain/shared-map/schema.ts';
import { ImportPanel } from '../../src/features/import/import-panel.tsx';
import { SaveNotice } from '../../src/features/import/save-notice.tsx';
import type { LocalDocument } from '../../src/services/local-docs/local-document.ts';
import { clearShelf, shelvedDocument } from '../../src/services/local-docs/memory-local-document.ts';
import { createAppStore, useAppStore } from '../../src/store/app-store.ts';
import { selectResources } from '../../src/store/data/derived.ts';
import {
  closeCorrectionsDocument,
  commitCorrection,
  undoCorrection,
} from '../../src/store/import/corrections-actions.ts';
import {
  type CorrectionsStorage,
  connectCorrectionsStorage,
} from '../../src/store/import/corrections-persistence.ts';
import { selectSaveStatus } from '../../src/store/import/import-derived.ts';
import { connectImportStorage, type ImportStorage } from '../../src/store/import/import-persistence.ts';
import {
  createMemoryBrowser,
  createMemoryImportStorage,
  createMemorySaveEnvironment,
  type MemoryBrowser,
  memoryCorrectionsStorage,
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

/**
 * One tab of the app: its own store (the default data on show) connected to the browser's storage. The page's
 * own store (useAppStore) keeps its corrections too (one corrections document per page, see corrections-actions.ts);
 * a second store stands for another tab's imports only (two tabs' corrections are tested in saves.e2e.ts).
 */
function openTab(
  storage: ImportStorage,
  browser: MemoryBrowser,
  store = useAppStore,
  corrections: CorrectionsStorage = memoryCorrectionsStorage(storage, browser),
) {
  if (store === useAppStore) seedStore();
  else {
    const { manifest } = useAppStore.getState();
    if (!manifest) throw new Error('seed the first tab first');
    store.getState().setDataset(loadedPayload(manifest, useAppStore.getState().base.resources));
  }
  const env = createMemorySaveEnvironment(browser);
  const stop = connectImportStorage(storage, env, store);
  const stopCorrections = store === useAppStore ? connectCorrectionsStorage(corrections, env) : () => {};
  return {
    env,
    store,
    /** The tab goes away: closed, or killed (nothing more is written either way). */
    close: () => {
      stopCorrections();
      stop();
      env.close();
    },
  };
}

/** A reload: the store (and its corrections document) starts afresh; the storage and the browser's ledger stay. */
function reloadFresh() {
  closeCorrectionsDocument();
  useAppStore.setState(useAppStore.getInitialState(), true);
}

/** Clearing site data deletes the databases and localStorage (the ledger) alike. */
function clearSiteData(storage: ReturnType<typeof createMemoryImportStorage>, browser: MemoryBrowser) {
  storage.clearSiteData();
  clearShelf(browser.corrections);
}

const addBigFile = (store = useAppStore) =>
  store.getState().addImportedDataset(bigFile, buildDataset([importedRecord], manifestOf()));

describe('two tabs of the same browser', () => {
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
    commitCorrection({ ...first, phones: ['(05)111-0000'] });
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
    seedStore();
    // Corrected before the stored corrections are even open (a document in memory until then).
    commitCorrection({ ...second, phones: ['(05)222-0000'] });
    const tab = openTab(slow, browser);
    addBigFile();
    finishLoading();
    await settle();
    expect(memory.datasets.has(bigFile.id)).toBe(true);
    const edits = useAppStore.getState().officeEdits;
    expect(edits[first.id]?.phones).toEqual(['(05)111-0000']);
    expect(edits[second.id]?.phones).toEqual(['(05)222-0000']);
    tab.close();

    reloadFresh();
    const after = openTab(memory, browser);
    await settle();
    expect(Object.keys(useAppStore.getState().officeEdits).sort()).toEqual([first.id, second.id].sort());
    after.close();
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
    const { storage } = fullStorage();
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
    commitCorrection({ ...first, phones: ['(05)222-3333'] });
    await settle();
    expect(useAppStore.getState().correctionsStorage).toBe('saved');
    expect(useAppStore.getState().importStorage).toBe('failed');
    expect(selectSaveStatus(useAppStore.getState())).toBe('failed');
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

describe('a browser that refuses the corrections’ database (sites’ data blocked)', () => {
  it('says not saved with the failed notice, keeps the correction on show, and never claims saved', async () => {
    const browser = createMemoryBrowser();
    browser.corrections.refused = true;
    render(<SaveNotice />);
    const tab = openTab(createMemoryImportStorage(), browser);
    await act(settle);
    expect(useAppStore.getState().correctionsStorage).toBe('failed');
    const [first] = useAppStore.getState().base.resources;
    if (!first) throw new Error('the default data is empty');
    act(() => commitCorrection({ ...first, phones: ['(05)222-4444'] }));
    await act(settle);
    expect(useAppStore.getState().correctionsStorage).toBe('failed');
    expect(selectSaveStatus(useAppStore.getState())).toBe('failed');
    expect(screen.getByRole('alert')).toHaveTextContent('畫面上的資料都還在');
    expect(selectResources(useAppStore.getState()).find((r) => r.id === first.id)?.phones).toEqual([
      '(05)222-4444',
    ]);
    expect(browser.corrections.updates).toEqual([]);
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
    // The correction's write does not commit either.
    browser.corrections.failing = true;
    commitCorrection({ ...first, phones: ['(05)222-3333'] });
    await pause(200);
    expect(useAppStore.getState().importStorage).toBe('saving');
    expect(useAppStore.getState().correctionsStorage).not.toBe('saved');
    tab.close();
    browser.corrections.failing = false;

    reloadFresh();
    const next = openTab(memory, browser);
    await settle();
    expect(useAppStore.getState().saveLosses).toEqual([
      { cause: 'unfinished', datasets: [{ fileName: 'big.csv', rows: 3 }], edits: 1 },
    ]);
    next.close();
  });

  /**
   * A tab whose writes of corrections fail from now on, beside another tab of the browser opened since. Its own
   * changes go to the other tab as BroadcastChannel messages would: sent at once, delivered when the test says
   * (`killThenOtherStores`: the tab is killed before it reads them back, the other stores them, the next start
   * opens a tab afresh).
   */
  async function tabBesideAnother() {
    const memory = createMemoryImportStorage();
    const browser = createMemoryBrowser();
    const sent: Uint8Array[] = [];
    let opened = null as LocalDocument | null;
    const corrections: CorrectionsStorage = {
      ...memoryCorrectionsStorage(memory, browser),
      openDocument: () => {
        const local = shelvedDocument(LOCAL_DOCUMENTS.corrections, browser.corrections);
        local.doc.on('update', (update: Uint8Array, origin: unknown) => {
          if (origin === local.origin) sent.push(update);
        });
        opened = local;
        return local;
      },
    };
    const tab = openTab(memory, browser, useAppStore, corrections);
    await settle();
    const other = shelvedDocument(LOCAL_DOCUMENTS.corrections, browser.corrections);
    await other.whenLoaded;
    const [first] = useAppStore.getState().base.resources;
    if (!first || !opened) throw new Error('the default data is empty, or the corrections are not open');
    browser.corrections.failing = true;
    return {
      ledger: () => browser.ledger.value,
      tab: tab.env.tab,
      local: opened,
      first,
      killThenOtherStores: async () => {
        tab.close();
        browser.corrections.failing = false;
        for (const update of sent.splice(0)) Y.applyUpdate(other.doc, update, 'another tab');
        expect(await other.confirmStored()).toBe(true);
        other.destroy();
        reloadFresh();
        const next = openTab(memory, browser);
        await settle();
        return next;
      },
    };
  }

  it('does not count corrections another tab received and stored before the tab was killed', async () => {
    const { ledger, tab, first, killThenOtherStores } = await tabBesideAnother();
    commitCorrection({ ...first, phones: ['(05)222-3333'] });
    await pause(200);
    expect(useAppStore.getState().correctionsStorage).not.toBe('saved');
    expect(ledger()?.unsavedEdits[tab]).toBe(1);
    const next = await killThenOtherStores();
    expect(useAppStore.getState().officeEdits[first.id]?.phones).toEqual(['(05)222-3333']);
    expect(useAppStore.getState().saveLosses).toEqual([]);
    next.close();
  });

  it('counts them when one of them only deleted (the clocks cannot tell), though another tab stored them', async () => {
    const { ledger, tab, local, first, killThenOtherStores } = await tabBesideAnother();
    commitCorrection({ ...first, phones: ['(05)222-3333'] });
    await pause(100);
    expect(ledger()?.unsavedClocks[tab]).toHaveLength(1);
    // A change of the page's own that adds nothing to its clock.
    local.transact((doc) => doc.getMap(ROOTS.records).delete(first.id));
    await pause(100);
    expect(ledger()?.unsavedEdits[tab]).toBe(2);
    expect(ledger()?.unsavedClocks[tab]).toBeUndefined();
    const next = await killThenOtherStores();
    expect(useAppStore.getState().saveLosses).toEqual([{ cause: 'unfinished', datasets: [], edits: 2 }]);
    next.close();
  });

  it('counts an undo not yet written as a change of the tab’s own', async () => {
    const memory = createMemoryImportStorage();
    const browser = createMemoryBrowser();
    const tab = openTab(memory, browser);
    await settle();
    const [first] = useAppStore.getState().base.resources;
    if (!first) throw new Error('the default data is empty');
    commitCorrection({ ...first, phones: ['(05)222-3333'] });
    await settle();
    expect(useAppStore.getState().correctionsStorage).toBe('saved');
    browser.corrections.failing = true;
    undoCorrection();
    await pause(200);
    expect(useAppStore.getState().officeEdits[first.id]).toBeUndefined();
    expect(browser.ledger.value?.unsavedEdits[tab.env.tab]).toBe(1);
    tab.close();
    browser.corrections.failing = false;

    reloadFresh();
    const next = openTab(memory, browser);
    await settle();
    // The undo was lost with the page: the correction is back, and the start says one change was not saved.
    expect(useAppStore.getState().officeEdits[first.id]?.phones).toEqual(['(05)222-3333']);
    expect(useAppStore.getState().saveLosses).toEqual([{ cause: 'unfinished', datasets: [], edits: 1 }]);
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
    commitCorrection({ ...first, phones: ['(05)222-3333'] });
    await settle();
    expect(selectSaveStatus(useAppStore.getState())).toBe('saved');

    clearSiteData(storage, browser);
    browser.ledger.value = null;
    await vi.waitFor(() => expect(useAppStore.getState().storageCleared).toBe(true));
    expect(selectSaveStatus(useAppStore.getState())).toBe('unsaved');

    commitCorrection({ ...second, phones: ['(05)444-5555'] });
    await settle();
    expect(selectSaveStatus(useAppStore.getState())).toBe('unsaved');
    expect(browser.corrections.updates).toEqual([]);

    useAppStore.getState().requestSaveAgain();
    await settle();
    expect(useAppStore.getState().storageCleared).toBe(false);
    expect(selectSaveStatus(useAppStore.getState())).toBe('saved');
    expect(storage.datasets.has(bigFile.id)).toBe(true);
    tab.close();

    reloadFresh();
    const next = openTab(storage, browser);
    await settle();
    expect(Object.keys(useAppStore.getState().officeEdits).sort()).toEqual([first.id, second.id].sort());
    expect(useAppStore.getState().saveLosses).toEqual([]);
    next.close();
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

  it('seen when the browser never answers the first read-back (a request made during the clearing)', async () => {
    const memory = createMemoryImportStorage();
    let unanswered = 0;
    const storage: ImportStorage = {
      ...memory,
      contents: () => {
        if (memory.datasets.size > 0 || unanswered > 0) return memory.contents();
        unanswered++;
        return new Promise(() => undefined);
      },
    };
    const browser = createMemoryBrowser();
    const tab = openTab(storage, browser);
    await settle();
    addBigFile();
    await vi.waitFor(() => expect(selectSaveStatus(useAppStore.getState())).toBe('saved'));
    // The imports' storage alone hears of it (no corrections document is open to hear it too).
    memory.clearSiteData();
    browser.ledger.value = null;
    await vi.waitFor(() => expect(useAppStore.getState().storageCleared).toBe(true), { timeout: 8_000 });
    expect(unanswered).toBe(1);
    tab.close();
  }, 15_000);

  it('between visits (the database alone, the ledger kept): the next start names what is gone', async () => {
    const storage = createMemoryImportStorage();
    const browser = createMemoryBrowser();
    const tab = openTab(storage, browser);
    await settle();
    addBigFile();
    const [first] = useAppStore.getState().base.resources;
    if (!first) throw new Error('the default data is empty');
    commitCorrection({ ...first, phones: ['(05)222-3333'] });
    await settle();
    tab.close();
    clearSiteData(storage, browser);

    reloadFresh();
    const next = openTab(storage, browser);
    await settle();
    expect(useAppStore.getState().saveLosses).toEqual([
      { cause: 'cleared', datasets: [{ fileName: 'big.csv', rows: 3 }], edits: 1 },
    ]);
    next.close();
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
