import { describe, expect, it } from 'vitest';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import { putRecord, removeRecord } from '../../src/domain/query/dataset-change.ts';
import { useAppStore } from '../../src/store/app-store.ts';
import { selectDataset, selectResources } from '../../src/store/data/derived.ts';
import { describeDataset } from '../dataset-view.ts';
import { seedStore } from './fixtures.ts';

const store = () => useAppStore.getState();

/** A layer of copies of the default data under new ids, indexed as the import worker indexes it. */
function layerOf(base: readonly Resource[], prefix: string) {
  const resources = base.map((r) => ({ ...r, id: `${prefix}-${r.id}`, name: `${r.name}（匯入）` }));
  const manifest = store().manifest ?? { categories: [], serviceTags: [] };
  return { id: prefix, kind: 'import' as const, label: prefix, dataset: buildDataset(resources, manifest) };
}

/** What a fresh index of the records on show would say. */
const fresh = () => describeDataset(buildDataset([...selectResources(store())], store().manifest ?? never()));

function never(): never {
  throw new Error('no manifest');
}

describe('the dataset on show: the default data, layers on top, edits and deletions', () => {
  it('merges layers as a fresh index of every record would order and count them', () => {
    const { resources } = seedStore();
    store().putLayer(layerOf(resources, 'a'));
    store().putLayer(layerOf(resources, 'b'));
    expect(selectResources(store())).toHaveLength(resources.length * 3);
    expect(describeDataset(selectDataset(store()))).toEqual(fresh());
  });

  it.each([
    [
      'a renamed record moves to its new place in the list',
      (r: Resource) => ({ ...r, name: `${r.name}（新址）` }),
    ],
    ['a record moved to another township', (r: Resource) => ({ ...r, county: '金門縣', town: '金寧鄉' })],
    ['a record given a new category', (r: Resource) => ({ ...r, category: 'care-point' })],
    ['a record placed elsewhere', (r: Resource) => ({ ...r, position: toLatLng(25.1, 121.5) })],
    ['a record unplaced', (r: Resource) => ({ ...r, position: null })],
  ])('updates itself for one edit (%s) as a fresh index would', (_, change) => {
    const { resources } = seedStore();
    store().putLayer(layerOf(resources, 'a'));
    const before = selectDataset(store());
    const target = resources[3] as Resource;
    store().editResource(change(target));
    const after = selectDataset(store());
    expect(after).not.toBe(before);
    // Updated, not rebuilt: the records it did not touch are the very same objects.
    expect(after.resources.filter((r) => before.resources.includes(r))).toHaveLength(
      after.resources.length - 1,
    );
    expect(describeDataset(after)).toEqual(fresh());
  });

  it('leaves a deleted record out, and brings it back when the deletion is undone', () => {
    const { resources } = seedStore();
    const target = resources[5] as Resource;
    store().setDeleted(target.id, true);
    expect(selectResources(store()).some((r) => r.id === target.id)).toBe(false);
    expect(describeDataset(selectDataset(store()))).toEqual(fresh());
    store().setDeleted(target.id, false);
    expect(selectResources(store()).some((r) => r.id === target.id)).toBe(true);
    expect(describeDataset(selectDataset(store()))).toEqual(fresh());
  });

  it('adds a workshop record and removes a layer as a fresh index would', () => {
    const { resources } = seedStore();
    store().putLayer(layerOf(resources.slice(0, 3), 'small'));
    expect(describeDataset(selectDataset(store()))).toEqual(fresh());
    store().removeLayer('small');
    expect(selectResources(store())).toHaveLength(resources.length);
    expect(describeDataset(selectDataset(store()))).toEqual(fresh());
  });

  it('a record merged into another (an edit carrying the other id) is left out', () => {
    const { resources } = seedStore();
    const keep = resources[0] as Resource;
    const gone = resources[1] as Resource;
    const merged = { ...keep, name: `${keep.name}（合併）` };
    useAppStore.setState((s) => ({ edits: { ...s.edits, [keep.id]: merged, [gone.id]: merged } }));
    const shown = selectResources(store());
    expect(shown.some((r) => r.id === gone.id)).toBe(false);
    expect(shown.find((r) => r.id === keep.id)?.name).toBe(merged.name);
    expect(describeDataset(selectDataset(store()))).toEqual(fresh());
  });

  it('takes a layer changed one record at a time (a shared document) without indexing it again', () => {
    const { resources, manifest } = seedStore();
    const layer = layerOf(resources, 'shared');
    store().putLayer(layer);
    const before = selectDataset(store());
    const target = layer.dataset.resources[4] as Resource;
    const changed = putRecord(layer.dataset, { ...target, name: `${target.name}（遠端修改）` }, manifest);
    store().putLayer({ ...layer, dataset: changed });
    const after = selectDataset(store());
    expect(after.resources.filter((r) => before.resources.includes(r))).toHaveLength(
      after.resources.length - 1,
    );
    expect(describeDataset(after)).toEqual(fresh());
    store().putLayer({ ...layer, dataset: removeRecord(changed, target.id) });
    expect(describeDataset(selectDataset(store()))).toEqual(fresh());
  });
});
