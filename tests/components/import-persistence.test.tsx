import { describe, expect, it } from 'vitest';
import type { ImportedDataset } from '../../src/domain/loading/imported-dataset.ts';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import {
  IMPORT_DATABASE,
  storedDataset,
  type WorkerCopy,
} from '../../src/services/import/import-database.ts';
import { useAppStore } from '../../src/store/app-store.ts';
import { selectResources } from '../../src/store/data/derived.ts';
import {
  closeCorrectionsDocument,
  commitCorrection,
  redoCorrection,
  removeDataset,
  resolveDuplicate,
  undoCorrection,
} from '../../src/store/import/corrections-actions.ts';
import { connectCorrectionsStorage } from '../../src/store/import/corrections-persistence.ts';
import { removeLinkData } from '../../src/store/import/data-link-actions.ts';
import {
  connectImportStorage,
  type ImportStorage,
  landWithWorkerCopy,
} from '../../src/store/import/import-persistence.ts';
import { isMergedAway } from '../../src/store/import/import-slice.ts';
import {
  createMemoryBrowser,
  createMemoryImportStorage,
  createMemorySaveEnvironment,
  type MemoryBrowser,
  memoryCorrectionsStorage,
} from '../../src/store/import/memory-import-storage.ts';
import { seedStore } from './fixtures.ts';
import { settle } from './save-helpers.ts';

const record: Resource = {
  id: 'imp-1',
  name: '匯入據點',
  category: 'care-point',
  services: [],
  address: '某處',
  county: '',
  town: '',
  position: null,
  precision: 'missing',
  phones: [],
  source: 'points.csv',
  visibility: 'internal',
  extra: { 聯絡人: '王' },
};
const dataset: ImportedDataset = {
  id: 'import-test',
  fileName: 'points.csv',
  format: 'csv',
  encoding: 'utf-8',
  importedAt: '2025-03-14T08:00:00.000Z',
  visibility: 'internal',
  origin: 'file',
  mapping: { name: '名稱' },
  rows: [{ row: 2, outcome: 'needs-location', name: '匯入據點', resourceId: 'imp-1', issues: [] }],
  duplicates: [],
};

const manifestOf = () => useAppStore.getState().manifest ?? { categories: [], serviceTags: [] };

/** A page (the store seeded with the default data) keeping its imports and corrections in `storage`. */
function openPage(storage: ReturnType<typeof createMemoryImportStorage>, browser: MemoryBrowser) {
  seedStore();
  const env = createMemorySaveEnvironment(browser);
  const stopImports = connectImportStorage(storage, env);
  const stopCorrections = connectCorrectionsStorage(memoryCorrectionsStorage(storage, browser), env);
  return () => {
    stopCorrections();
    stopImports();
    env.close();
  };
}

/** A reload: a fresh store and corrections document, the same storage. */
function reload() {
  closeCorrectionsDocument();
  useAppStore.setState(useAppStore.getInitialState(), true);
}

describe('imports kept in the browser', () => {
  it('writes datasets and corrections through, and a new page gets them back', async () => {
    const storage = createMemoryImportStorage();
    const browser = createMemoryBrowser();
    const stop = openPage(storage, browser);
    await settle();
    useAppStore.getState().addImportedDataset(dataset, buildDataset([record], manifestOf()));
    commitCorrection({ ...record, position: toLatLng(23.5, 120.4), precision: 'exact' });
    await settle();
    expect(storage.datasets.get('import-test')?.resources).toEqual([record]);
    expect(useAppStore.getState().importStorage).toBe('saved');
    expect(useAppStore.getState().correctionsStorage).toBe('saved');
    stop();

    reload();
    const stopAgain = openPage(storage, browser);
    await settle();
    const restored = selectResources(useAppStore.getState()).find((r) => r.id === 'imp-1');
    expect(restored?.position).toEqual([23.5, 120.4]);
    expect(restored?.visibility).toBe('internal');
    expect(restored?.extra).toEqual({ 聯絡人: '王' });
    expect(useAppStore.getState().importedDatasets).toEqual([dataset]);
    // Undo is this page's own: a new page has nothing to undo, and the correction stays.
    expect(useAppStore.getState().correctionSteps).toEqual({ undo: 0, redo: 0 });

    // Removing the file takes its records' corrections with it.
    removeDataset('import-test');
    await settle();
    expect(storage.datasets.size).toBe(0);
    expect(useAppStore.getState().officeEdits).toEqual({});
    stopAgain();
    reload();
    const third = openPage(storage, browser);
    await settle();
    expect(useAppStore.getState().officeEdits).toEqual({});
    third();
  });

  it('drops the corrections of a link’s records when the link’s data is removed, as for a file', async () => {
    const storage = createMemoryImportStorage();
    const browser = createMemoryBrowser();
    const stop = openPage(storage, browser);
    await settle();
    const linked: ImportedDataset = {
      ...dataset,
      id: 'link-test',
      fileName: 'https://link.example/points.csv',
      origin: 'url',
    };
    const own: Resource = { ...record, id: 'link-1', source: linked.fileName };
    useAppStore.getState().addImportedDataset(linked, buildDataset([own], manifestOf()));
    // The map's own record is corrected too: removing the link leaves that correction alone.
    const base = selectResources(useAppStore.getState()).find((r) => r.id !== own.id);
    if (!base) throw new Error('the test dataset is empty');
    commitCorrection({ ...own, position: toLatLng(23.5, 120.4), precision: 'exact' });
    commitCorrection({ ...base, name: `${base.name}（更正）` });
    await settle();
    expect(Object.keys(useAppStore.getState().officeEdits).sort()).toEqual([base.id, own.id].sort());

    removeLinkData();
    await settle();
    expect(useAppStore.getState().importedDatasets).toEqual([]);
    expect(Object.keys(useAppStore.getState().officeEdits)).toEqual([base.id]);
    // One step, as a file's removal: undo brings the link record's correction back in the document.
    expect(useAppStore.getState().correctionSteps.undo).toBe(3);
    stop();

    // A new page reads the stored document: the link record's correction is not in it.
    reload();
    const again = openPage(storage, browser);
    await settle();
    expect(Object.keys(useAppStore.getState().officeEdits)).toEqual([base.id]);
    again();
  });

  it('keeps a merge across a reload, undoable on its page, without rewriting the dataset', async () => {
    const storage = createMemoryImportStorage();
    const browser = createMemoryBrowser();
    const seeded = seedStore();
    const keep = seeded.resources[0];
    if (!keep) throw new Error('the test dataset is empty');
    const duplicate: Resource = { ...record, name: keep.name, phones: ['(05)000-0000'] };
    const flagged: ImportedDataset = {
      ...dataset,
      duplicates: [
        { duplicateId: duplicate.id, keepId: keep.id, reason: 'same-name-address', resolution: 'open' },
      ],
    };
    const stop = openPage(storage, browser);
    await settle();
    useAppStore.getState().addImportedDataset(flagged, buildDataset([duplicate], manifestOf()));
    await settle();
    const savedDataset = storage.datasets.get('import-test');
    const ids = () => selectResources(useAppStore.getState()).map((r) => r.id);
    const pairOf = () => {
      const pair = useAppStore.getState().importedDatasets[0]?.duplicates[0];
      if (!pair) throw new Error('the pair was not kept');
      return pair;
    };
    resolveDuplicate('import-test', duplicate.id, 'merged');
    expect(ids()).not.toContain(duplicate.id);
    expect(isMergedAway(pairOf(), useAppStore.getState().officeEdits)).toBe(true);
    undoCorrection();
    expect(ids()).toContain(duplicate.id);
    expect(isMergedAway(pairOf(), useAppStore.getState().officeEdits)).toBe(false);
    redoCorrection();
    await settle();
    // The merge is a correction: the dataset as saved is the very same object, not written again.
    expect(storage.datasets.get('import-test')).toBe(savedDataset);
    stop();

    reload();
    const stopAgain = openPage(storage, browser);
    await settle();
    expect(ids()).not.toContain(duplicate.id);
    expect(selectResources(useAppStore.getState()).find((r) => r.id === keep.id)?.phones).toContain(
      '(05)000-0000',
    );
    expect(isMergedAway(pairOf(), useAppStore.getState().officeEdits)).toBe(true);
    stopAgain();
  });

  it('keeps a correction made before the stored document opened, undoable as one step', async () => {
    const storage = createMemoryImportStorage();
    const browser = createMemoryBrowser();
    const seeded = seedStore();
    const first = seeded.resources[0];
    if (!first) throw new Error('the test dataset is empty');
    commitCorrection({ ...first, phones: ['(05)123-4567'] });
    expect(useAppStore.getState().correctionSteps.undo).toBe(1);
    const stop = openPage(storage, browser);
    await settle();
    expect(useAppStore.getState().officeEdits[first.id]?.phones).toEqual(['(05)123-4567']);
    expect(useAppStore.getState().correctionSteps.undo).toBe(1);
    undoCorrection();
    expect(useAppStore.getState().officeEdits).toEqual({});
    await settle();
    stop();
    reload();
    const again = openPage(storage, browser);
    await settle();
    expect(useAppStore.getState().officeEdits).toEqual({});
    again();
  });

  it('moves the corrections an older version kept in the imports’ database into the document, once', async () => {
    const storage = createMemoryImportStorage();
    const browser = createMemoryBrowser();
    const seeded = seedStore();
    const first = seeded.resources[0];
    if (!first) throw new Error('the test dataset is empty');
    storage.oldCorrections.set(first.id, { ...first, name: `${first.name}（舊版更正）` });
    const stop = openPage(storage, browser);
    await settle();
    expect(useAppStore.getState().officeEdits[first.id]?.name).toBe(`${first.name}（舊版更正）`);
    expect(storage.oldCorrections.size).toBe(0);
    // Not a correction of this page's: nothing to undo.
    expect(useAppStore.getState().correctionSteps.undo).toBe(0);
    stop();

    reload();
    const again = openPage(storage, browser);
    await settle();
    expect(Object.keys(useAppStore.getState().officeEdits)).toEqual([first.id]);
    expect(useAppStore.getState().saveLosses).toEqual([]);
    again();
  });

  it('reads a pair merged before merges could be undone as merged', () => {
    const pair = { duplicateId: 'imp-1', resolution: 'merged' as const };
    expect(isMergedAway(pair, {})).toBe(true);
    expect(isMergedAway({ ...pair, resolution: 'open' }, {})).toBe(false);
    expect(isMergedAway({ ...pair, resolution: 'open' }, { 'imp-1': record })).toBe(false);
    expect(isMergedAway({ ...pair, resolution: 'open' }, { 'imp-1': { ...record, id: 'kept' } })).toBe(true);
  });

  it('keeps saying "not saved" after a failed write until that very thing is written', async () => {
    const memory = createMemoryImportStorage();
    let full = true;
    const storage: ImportStorage = {
      ...memory,
      putDataset: async (stored) => {
        if (full) throw new DOMException('quota', 'QuotaExceededError');
        await memory.putDataset(stored);
      },
    };
    seedStore();
    const stop = connectImportStorage(storage, createMemorySaveEnvironment());
    await settle();
    useAppStore.getState().addImportedDataset(dataset, buildDataset([record], manifestOf()));
    await settle();
    expect(useAppStore.getState().importStorage).toBe('failed');
    // A later, smaller write succeeds; the dataset is still not kept, so the page must not say "saved".
    commitCorrection({ ...record, name: '匯入據點（更正）' });
    await settle();
    expect(memory.datasets.size).toBe(0);
    expect(useAppStore.getState().importStorage).toBe('failed');
    // Space freed, the dataset written again (replaced): now it is saved.
    full = false;
    useAppStore.getState().addImportedDataset({ ...dataset }, buildDataset([record], manifestOf()));
    await settle();
    expect(memory.datasets.has('import-test')).toBe(true);
    expect(useAppStore.getState().importStorage).toBe('saved');
    stop();
  });

  it('does not keep datasets loaded from a ?data= link', async () => {
    const storage = createMemoryImportStorage();
    seedStore();
    const stop = connectImportStorage(storage, createMemorySaveEnvironment());
    await settle();
    useAppStore
      .getState()
      .addImportedDataset({ ...dataset, origin: 'url' }, buildDataset([record], manifestOf()));
    await settle();
    expect(storage.datasets.size).toBe(0);
    expect(useAppStore.getState().reportDatasetId).toBeNull();
    stop();
  });

  /** Memory storage that says it is the import worker's IndexedDB, logging who wrote what, in order. */
  function workerDatabaseStorage() {
    const memory = createMemoryImportStorage();
    const log: string[] = [];
    const storage: ImportStorage = {
      ...memory,
      database: IMPORT_DATABASE,
      putDataset: async (stored) => {
        log.push(`page put ${stored.id}`);
        await memory.putDataset(stored);
      },
      deleteDataset: async (id) => {
        log.push(`page delete ${id}`);
        await memory.deleteDataset(id);
      },
    };
    return { memory, storage, log };
  }

  /** The import worker's copy: writes the same record the page would have, into the same storage. */
  function workerCopy(memory: ReturnType<typeof createMemoryImportStorage>, log: string[], fails = false) {
    const copy: WorkerCopy & { released: number } = {
      database: IMPORT_DATABASE,
      released: 0,
      write: async () => {
        if (fails) throw new Error('no IndexedDB in this worker');
        log.push(`worker put ${dataset.id}`);
        await memory.putDataset(storedDataset(dataset, [record]));
      },
      release: () => {
        copy.released++;
      },
    };
    return copy;
  }

  it('lets the import worker write the dataset it holds, in turn with the page’s own writes', async () => {
    const { memory, storage, log } = workerDatabaseStorage();
    seedStore();
    const stop = connectImportStorage(storage, createMemorySaveEnvironment());
    await settle();
    const copy = workerCopy(memory, log);
    const resources = [record];
    landWithWorkerCopy(dataset, resources, copy, () =>
      useAppStore.getState().addImportedDataset(dataset, buildDataset(resources, manifestOf())),
    );
    expect(copy.released).toBe(0);
    await settle();
    expect(log).toEqual(['worker put import-test']);
    expect(copy.released).toBe(1);
    useAppStore.getState().removeImportedDataset(dataset.id);
    await settle();
    expect(log).toEqual(['worker put import-test', 'page delete import-test']);
    expect(memory.datasets.size).toBe(0);
    expect(useAppStore.getState().importStorage).toBe('saved');
    stop();
  });

  it('writes nothing for a dataset removed before its turn came, and frees the worker', async () => {
    const { memory, storage, log } = workerDatabaseStorage();
    seedStore();
    const stop = connectImportStorage(storage, createMemorySaveEnvironment());
    await settle();
    const copy = workerCopy(memory, log);
    landWithWorkerCopy(dataset, [record], copy, () =>
      useAppStore.getState().addImportedDataset(dataset, buildDataset([record], manifestOf())),
    );
    useAppStore.getState().removeImportedDataset(dataset.id);
    expect(copy.released).toBe(1);
    await settle();
    expect(log).toEqual([]);
    expect(memory.datasets.size).toBe(0);
    expect(useAppStore.getState().importStorage).toBe('saved');
    stop();
  });

  it('writes from the page when the worker cannot, and frees the worker either way', async () => {
    const { memory, storage, log } = workerDatabaseStorage();
    seedStore();
    const stop = connectImportStorage(storage, createMemorySaveEnvironment());
    await settle();
    const copy = workerCopy(memory, log, true);
    landWithWorkerCopy(dataset, [record], copy, () =>
      useAppStore.getState().addImportedDataset(dataset, buildDataset([record], manifestOf())),
    );
    await settle();
    expect(log).toEqual(['page put import-test']);
    expect(memory.datasets.get('import-test')).toEqual(storedDataset(dataset, [record]));
    expect(copy.released).toBe(1);
    stop();
  });

  it('frees the worker at once when its copy is not wanted (a ?data= link, storage not IndexedDB)', async () => {
    const storage = createMemoryImportStorage();
    seedStore();
    const stop = connectImportStorage(storage, createMemorySaveEnvironment());
    await settle();
    const log: string[] = [];
    const copy = workerCopy(storage, log);
    landWithWorkerCopy(dataset, [record], copy, () =>
      useAppStore.getState().addImportedDataset(dataset, buildDataset([record], manifestOf())),
    );
    expect(copy.released).toBe(1);
    const link = { ...dataset, id: 'import-link', origin: 'url' as const };
    const linkCopy = workerCopy(storage, log);
    landWithWorkerCopy(link, [record], linkCopy, () =>
      useAppStore.getState().addImportedDataset(link, buildDataset([record], manifestOf())),
    );
    expect(linkCopy.released).toBe(1);
    await settle();
    expect(log).toEqual([]);
    expect([...storage.datasets.keys()]).toEqual(['import-test']);
    stop();
  });
});
