import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EMPTY_DATASET } from '../../src/domain/query/dataset.ts';
import { NO_FILTERS } from '../../src/domain/query/filter-resources.ts';
import { enMessages } from '../../src/i18n/messages-en.ts';
import { initialAppState, useAppStore } from '../../src/store/app-store.ts';
import {
  selectCategories,
  selectCategory,
  selectDataset,
  selectFilterResult,
  selectSelectedResource,
  selectServiceTags,
} from '../../src/store/data/derived.ts';
import { seedStore } from './fixtures.ts';

const store = () => useAppStore.getState();

describe('filters slice', () => {
  it('hides and shows a category, never listing it twice', () => {
    store().toggleCategory('friendly-shop', false);
    store().toggleCategory('friendly-shop', false);
    store().toggleCategory('care-point', false);
    expect(store().filters.hiddenCategories).toEqual(['friendly-shop', 'care-point']);
    store().toggleCategory('friendly-shop', true);
    expect(store().filters.hiddenCategories).toEqual(['care-point']);
  });

  it('selects and deselects services, never listing one twice', () => {
    store().toggleService('meals', true);
    store().toggleService('meals', true);
    store().toggleService('referral', true);
    expect(store().filters.services).toEqual(['meals', 'referral']);
    store().toggleService('meals', false);
    expect(store().filters.services).toEqual(['referral']);
  });

  it('sets the search text and the area, keeping the other filters', () => {
    store().toggleService('meals', true);
    store().setQuery('民雄');
    store().setArea('嘉義縣', '民雄鄉');
    expect(store().filters).toEqual({
      ...NO_FILTERS,
      services: ['meals'],
      query: '民雄',
      county: '嘉義縣',
      town: '民雄鄉',
    });
  });

  it('resets every filter and nothing else', () => {
    const dataset = seedStore();
    store().select('chiayi-wc-minxiong', 'list');
    store().setQuery('民雄');
    store().toggleCategory('friendly-shop', false);
    store().setArea('嘉義縣', '');

    store().resetFilters();

    expect(store().filters).toEqual(NO_FILTERS);
    expect(store().base.resources).toBe(dataset.resources);
    expect(store().selectedId).toBe('chiayi-wc-minxiong');
  });
});

describe('ui and data slices', () => {
  it('remembers where a selection came from', () => {
    expect(store()).toMatchObject({ selectedId: null, selectionOrigin: 'url' });
    store().select('sample-shop-001', 'map');
    expect(store()).toMatchObject({ selectedId: 'sample-shop-001', selectionOrigin: 'map' });
    store().select(null, 'list');
    expect(store()).toMatchObject({ selectedId: null, selectionOrigin: 'list' });
  });

  it('goes from loading to ready, or to failed with a reason', () => {
    store().startLoading();
    expect(store()).toMatchObject({ status: 'loading', fatalError: null });
    store().failLoading('manifest.json: HTTP 500');
    expect(store()).toMatchObject({ status: 'failed', fatalError: 'manifest.json: HTTP 500' });
    store().startLoading();
    expect(store().fatalError).toBeNull();
    const dataset = seedStore();
    expect(store()).toMatchObject({ status: 'ready', fatalError: null, manifest: dataset.manifest });
    expect(store().base.resources).toHaveLength(dataset.resources.length);
  });

  it('starts afresh from initialAppState, actions included', () => {
    seedStore();
    store().setLanguage('en', enMessages);
    store().setQuery('民雄');
    useAppStore.setState(initialAppState, true);
    expect(store()).toMatchObject({
      status: 'idle',
      base: EMPTY_DATASET,
      language: 'zh-TW',
      filters: NO_FILTERS,
    });
    store().setQuery('金門');
    expect(store().filters.query).toBe('金門');
  });
});

describe('derived selectors', () => {
  it('return the very same object while their inputs are unchanged', () => {
    seedStore();
    const result = selectFilterResult(store());
    const index = selectDataset(store());
    expect(selectFilterResult(store())).toBe(result);

    store().select('chiayi-wc-minxiong', 'list');
    store().setLanguage('en', enMessages);
    store().setMapView({ lat: 23.5, lng: 120.4, zoom: 12 });

    expect(selectFilterResult(store())).toBe(result);
    expect(selectDataset(store())).toBe(index);
  });

  it('recompute when the filters change, keeping the index', () => {
    const dataset = seedStore();
    const result = selectFilterResult(store());
    const index = selectDataset(store());
    expect(result.visible).toHaveLength(dataset.resources.length);

    store().setArea('金門縣', '');

    const kinmen = selectFilterResult(store());
    expect(kinmen).not.toBe(result);
    expect(kinmen.visible.length).toBe(dataset.resources.filter((r) => r.county === '金門縣').length);
    expect(selectDataset(store())).toBe(index);
  });

  it('give stable empty lists before the manifest loads, and the configuration after', () => {
    const before = store();
    store().setQuery('x');
    expect(selectCategories(store())).toBe(selectCategories(before));
    expect(selectServiceTags(store())).toBe(selectServiceTags(before));
    expect(selectCategories(store())).toEqual([]);

    const dataset = seedStore();

    expect(selectCategories(store())).toBe(dataset.manifest.categories);
    expect(selectServiceTags(store())).toBe(dataset.manifest.serviceTags);
    expect(selectCategory(store(), 'friendly-shop')?.label.zh).toBe('友善商店');
    expect(selectCategory(store(), 'no-such-category')).toBeUndefined();
  });

  it('find the selected resource, or nothing for an unknown id', () => {
    const dataset = seedStore();
    expect(selectSelectedResource(store())).toBeNull();
    store().select('chiayi-wc-minxiong', 'url');
    expect(selectSelectedResource(store())).toBe(
      dataset.resources.find((r) => r.id === 'chiayi-wc-minxiong'),
    );
    store().select('gone-since-the-link-was-shared', 'url');
    expect(selectSelectedResource(store())).toBeNull();
  });

  it('keep the visible list as it was when a correction moves no record, and follow one that does', () => {
    seedStore();
    // The last record in display order: given a name that sorts first in its township, it moves.
    const shown = selectDataset(store());
    const record = shown.resources[shown.order.at(-1) ?? -1];
    if (!record) throw new Error('the test data has records');
    const visible = () => selectFilterResult(store()).visible;
    const before = visible();
    store().editResource({ ...record, phones: ['05-2200000'] });
    expect(visible()).toBe(before);
    store().editResource({ ...record, name: `一${record.name}` });
    expect(visible()).not.toBe(before);
    expect([...visible()].sort((a, b) => a - b)).toEqual([...before].sort((a, b) => a - b));
  });

  it('find the selected resource as it is after each change of the records on show', () => {
    const dataset = seedStore();
    const [first, second] = dataset.resources;
    if (!first || !second) throw new Error('the test data has records');
    store().select(second.id, 'list');
    const selected = () => selectSelectedResource(store());
    const onShow = (id: string) => selectDataset(store()).resources.find((r) => r.id === id) ?? null;
    expect(selected()).toBe(second);
    // Corrected: the corrected record (it keeps its resource index).
    store().editResource({ ...second, name: `${second.name}（更正）` });
    expect(selected()?.name).toBe(`${second.name}（更正）`);
    // A record before it deleted: it moves down one index, and is still found.
    store().setDeleted(first.id, true);
    expect(selected()).toBe(onShow(second.id));
    expect(selected()?.name).toBe(`${second.name}（更正）`);
    store().setDeleted(second.id, true);
    expect(selected()).toBeNull();
    store().setDeleted(second.id, false);
    store().setDeleted(first.id, false);
    expect(selected()).toBe(onShow(second.id));
  });
});

describe('selectors in React', () => {
  it('re-render a subscriber only when its result changes (no Zustand 5 render loop)', () => {
    seedStore();
    let renders = 0;
    const { result } = renderHook(() => {
      renders++;
      return useAppStore(selectFilterResult);
    });
    const first = result.current;
    expect(renders).toBe(1);

    act(() => store().select('chiayi-wc-minxiong', 'list'));
    expect(renders).toBe(1);
    expect(result.current).toBe(first);

    act(() => store().setQuery('民雄'));
    expect(renders).toBe(2);
    expect(result.current.visible.length).toBeLessThan(first.visible.length);
  });
});
