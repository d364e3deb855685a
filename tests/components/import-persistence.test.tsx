import { describe, expect, it } from 'vitest';
import { toLatLng } from '../../src/domain/coordinates.ts';
import type { Resource } from '../../src/domain/resource.ts';
import { useAppStore } from '../../src/store/app-store.ts';
import { selectResources } from '../../src/store/derived.ts';
import { connectImportStorage, createMemoryImportStorage } from '../../src/store/import-persistence.ts';
import type { ImportedDataset } from '../../src/store/import-slice.ts';
import { seedStore } from './fixtures.ts';

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

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('imports kept in the browser', () => {
  it('writes datasets and corrections through, and a new page gets them back', async () => {
    const storage = createMemoryImportStorage();
    seedStore();
    const stop = connectImportStorage(storage);
    await settle();
    useAppStore.getState().addImportedDataset(dataset, [record]);
    useAppStore
      .getState()
      .commitOfficeEdit({ ...record, position: toLatLng(23.5, 120.4), precision: 'exact' });
    await settle();
    expect(storage.datasets.get('import-test')?.resources).toEqual([record]);
    expect(useAppStore.getState().importStorage).toBe('saved');
    stop();

    // A reload: a fresh store, the same storage.
    useAppStore.setState(useAppStore.getInitialState(), true);
    seedStore();
    const stopAgain = connectImportStorage(storage);
    await settle();
    const restored = selectResources(useAppStore.getState()).find((r) => r.id === 'imp-1');
    expect(restored?.position).toEqual([23.5, 120.4]);
    expect(restored?.visibility).toBe('internal');
    expect(useAppStore.getState().importedDatasets).toEqual([dataset]);
    // Undo still works after the reload.
    useAppStore.getState().undoOfficeEdit();
    expect(selectResources(useAppStore.getState()).find((r) => r.id === 'imp-1')?.position).toBeNull();

    useAppStore.getState().removeImportedDataset('import-test');
    await settle();
    expect(storage.datasets.size).toBe(0);
    stopAgain();
  });

  it('does not keep datasets loaded from a ?data= link', async () => {
    const storage = createMemoryImportStorage();
    seedStore();
    const stop = connectImportStorage(storage);
    await settle();
    useAppStore.getState().addImportedDataset({ ...dataset, origin: 'url' }, [record]);
    await settle();
    expect(storage.datasets.size).toBe(0);
    expect(useAppStore.getState().reportDatasetId).toBeNull();
    stop();
  });
});
