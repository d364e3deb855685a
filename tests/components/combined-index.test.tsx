import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/domain/model/resource.ts';
import { buildIndexParts } from '../../src/domain/query/index-parts.ts';
import { buildResourceIndex, primedIndexParts, primeIndex } from '../../src/domain/query/resource-index.ts';
import { useAppStore } from '../../src/store/app-store.ts';
import {
  prepareCombination,
  primeDisjointIds,
  selectResourceIndex,
  selectResources,
} from '../../src/store/data/derived.ts';
import { seedStore } from './fixtures.ts';

const store = () => useAppStore.getState();

/** A layer of copies of the default data under new ids, with index parts as the import worker would prime. */
function layerOf(base: readonly Resource[], prefix: string, primed: boolean) {
  const resources = base.map((r) => ({ ...r, id: `${prefix}-${r.id}`, name: `${r.name}（匯入）` }));
  const { manifest } = store();
  if (primed && manifest)
    primeIndex(resources, buildIndexParts(resources, manifest.categories, manifest.serviceTags));
  return { id: prefix, kind: 'import' as const, label: prefix, resources, issues: [], fileReports: [] };
}

describe('the index of the default data with imports on top', () => {
  it.each([
    ['merged from the parts the workers built', true],
    ['built on the page when a list has none', false],
  ])('is the same as building it afresh: %s', (_, primed) => {
    const { resources, manifest } = seedStore();
    const primeBase = buildIndexParts(resources, manifest.categories, manifest.serviceTags);
    primeIndex(store().resources, primeBase);
    store().putLayer(layerOf(resources, 'a', primed));
    store().putLayer(layerOf(resources, 'b', primed));

    const combined = selectResources(store());
    expect(combined).toHaveLength(resources.length * 3);
    const index = selectResourceIndex(store());
    const fresh = buildResourceIndex([...combined], manifest.categories, manifest.serviceTags);
    expect(index.order).toEqual(fresh.order);
    expect(index.columns).toEqual(fresh.columns);
    expect(index.positions).toEqual(fresh.positions);
    expect(primedIndexParts(combined) !== undefined).toBe(primed);
  });

  it('uses a combination prepared ahead when the store holds exactly those lists, and works its own out otherwise', () => {
    const { resources, manifest } = seedStore();
    primeIndex(store().resources, buildIndexParts(resources, manifest.categories, manifest.serviceTags));
    const layer = layerOf(resources, 'p', true);
    const ready = prepareCombination([store().resources, layer.resources], manifest);
    expect(ready).toBeDefined();
    store().putLayer(layer);
    const combined = selectResources(store());
    expect(combined).toBe(ready);
    const fresh = buildResourceIndex([...combined], manifest.categories, manifest.serviceTags);
    expect(selectResourceIndex(store()).columns).toEqual(fresh.columns);
    expect(selectResourceIndex(store()).order).toEqual(fresh.order);

    // Prepared for other lists (a layer the store never got): not used.
    const stray = prepareCombination([store().resources, layerOf(resources, 'q', true).resources], manifest);
    const next = layerOf(resources, 'r', true);
    store().putLayer(next);
    expect(selectResources(store())).not.toBe(stray);
    expect(selectResources(store())).toEqual([...resources, ...layer.resources, ...next.resources]);
    // Lists that repeat an id are not prepared: the store leaves the repeat out itself.
    expect(prepareCombination([store().resources, store().resources], manifest)).toBeUndefined();
  });

  it('trusts what the import worker knew about ids (primeDisjointIds), and only that', () => {
    const { resources } = seedStore();
    const layer = layerOf(resources, 'd', true);
    // Known disjoint from the default data: put one after the other as they are.
    primeDisjointIds(layer.resources, [store().resources]);
    store().putLayer(layer);
    expect(selectResources(store())).toEqual([...resources, ...layer.resources]);
    // A second layer repeating an id of the first, primed against the default data only: the repeat is found.
    const repeat = { ...layerOf(resources, 'e', true), id: 'e' };
    const twice = { ...(layer.resources[0] as Resource), name: '再匯入一次' };
    const second = { ...repeat, resources: [twice, ...repeat.resources] };
    primeDisjointIds(second.resources, [store().resources]);
    store().putLayer(second);
    const combined = selectResources(store());
    expect(combined.filter((r) => r.id === twice.id)).toEqual([layer.resources[0]]);
    expect(combined).toHaveLength(resources.length * 3);
  });

  it('keeps the first of two records with the same id, and leaves out deleted ones', () => {
    const { resources } = seedStore();
    const clash = layerOf(resources, 'c', true);
    const first = resources[0] as Resource;
    store().putLayer({ ...clash, resources: [{ ...first, name: '同一筆的另一個版本' }, ...clash.resources] });
    store().setDeleted((resources[1] as Resource).id, true);
    const combined = selectResources(store());
    expect(combined.filter((r) => r.id === first.id)).toEqual([first]);
    expect(combined.some((r) => r.id === (resources[1] as Resource).id)).toBe(false);
    expect(combined).toHaveLength(resources.length * 2 - 1);
    const { manifest } = store();
    const index = selectResourceIndex(store());
    const fresh = buildResourceIndex([...combined], manifest?.categories ?? [], manifest?.serviceTags ?? []);
    expect(index.columns).toEqual(fresh.columns);
  });
});
