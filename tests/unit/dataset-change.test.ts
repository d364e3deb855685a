import { describe, expect, it } from 'vitest';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { buildDataset, EMPTY_DATASET, indexOfId } from '../../src/domain/query/dataset.ts';
import { putRecord, removeRecord } from '../../src/domain/query/dataset-change.ts';
import { filterResources, NO_FILTERS } from '../../src/domain/query/filter-resources.ts';
import { changedRecordIds } from '../../src/domain/query/shown-dataset.ts';
import { describeDataset } from '../dataset-view.ts';
import { sharedDataFile } from './fixture-paths.ts';
import { loadPath, manifest } from './load-context.ts';

const config = { categories: manifest.categories, serviceTags: manifest.serviceTags };
// A real messy public file: Taipei's care points (hundreds of records, many townships, no coordinates for some).
const taipei = loadPath(sharedDataFile('taipei-community-care-points.csv'), {
  file: 'taipei-community-care-points.csv',
  category: 'care-point',
}).resources;
const indexed = buildDataset(taipei, config);
const at = (i: number) => taipei[i] as Resource;

type Change = (records: readonly Resource[]) => { records: Resource[]; apply: typeof indexed };

const cases: [string, Change][] = [
  [
    'a phone number corrected (the record stays in its place)',
    (rs) => {
      const r = { ...at(12), phones: ['05-2200000'], address: `${at(12).address}（新址）` };
      return { records: rs.map((x) => (x.id === r.id ? r : x)), apply: putRecord(indexed, r, config) };
    },
  ],
  [
    'a record renamed (moves in the display order)',
    (rs) => {
      const r = { ...at(10), name: `一${at(10).name}` };
      return { records: rs.map((x) => (x.id === r.id ? r : x)), apply: putRecord(indexed, r, config) };
    },
  ],
  [
    'a record moved to a township no other record has',
    (rs) => {
      const r = { ...at(20), county: '金門縣', town: '烏坵鄉', address: '金門縣烏坵鄉' };
      return { records: rs.map((x) => (x.id === r.id ? r : x)), apply: putRecord(indexed, r, config) };
    },
  ],
  [
    'a record of a category nobody configured, with services',
    (rs) => {
      const r = { ...at(30), category: 'mystery', services: ['meals', '手作課'] };
      return { records: rs.map((x) => (x.id === r.id ? r : x)), apply: putRecord(indexed, r, config) };
    },
  ],
  [
    'a record added with a position far south (the box grows)',
    (rs) => {
      const r: Resource = { ...at(0), id: 'new-1', name: '恆春友善商店', position: toLatLng(21.95, 120.75) };
      return { records: [...rs, r], apply: putRecord(indexed, r, config) };
    },
  ],
  [
    'an internal record added',
    (rs) => {
      const r: Resource = { ...at(1), id: 'new-2', visibility: 'internal', extra: { 設立年度: '民國105年' } };
      return { records: [...rs, r], apply: putRecord(indexed, r, config) };
    },
  ],
  [
    'the first record deleted',
    (rs) => ({ records: rs.filter((x) => x.id !== at(0).id), apply: removeRecord(indexed, at(0).id) }),
  ],
  [
    'the last record deleted',
    (rs) => {
      const last = rs.at(-1) as Resource;
      return { records: rs.filter((x) => x.id !== last.id), apply: removeRecord(indexed, last.id) };
    },
  ],
  [
    'an unknown id deleted (nothing changes)',
    (rs) => ({ records: [...rs], apply: removeRecord(indexed, 'nope') }),
  ],
];

describe('a dataset updated one record at a time', () => {
  it.each(cases)('is what a fresh index says: %s', (_, change) => {
    const { records, apply } = change(taipei);
    expect(describeDataset(apply)).toEqual(describeDataset(buildDataset(records, config)));
  });

  it.each(cases)('searches and counts as a fresh index does: %s', (_, change) => {
    const { records, apply } = change(taipei);
    const fresh = buildDataset(records, config);
    for (const query of ['', '大安', '關懷', '一', 'meals', '手作', '烏坵']) {
      const filters = { ...NO_FILTERS, query };
      const ids = (d: typeof fresh) => filterResources(d, filters).visible.map((i) => d.resources[i]?.id);
      expect(ids(apply)).toEqual(ids(fresh));
    }
  });

  it('leaves the dataset it was given as it was (a new value each time)', () => {
    const before = describeDataset(indexed);
    putRecord(indexed, { ...at(5), name: '改名' }, config);
    removeRecord(indexed, at(6).id);
    expect(describeDataset(indexed)).toEqual(before);
  });

  it('builds up from nothing and back to nothing', () => {
    let dataset = EMPTY_DATASET;
    for (const r of taipei.slice(0, 40)) dataset = putRecord(dataset, r, config);
    expect(describeDataset(dataset)).toEqual(describeDataset(buildDataset(taipei.slice(0, 40), config)));
    for (const r of taipei.slice(0, 40)) dataset = removeRecord(dataset, r.id);
    expect(dataset.resources).toHaveLength(0);
    expect(dataset.columns.pieces).toEqual([]);
    expect(dataset.bounds).toBeNull();
    expect(indexOfId(dataset, at(0).id)).toBe(-1);
  });
});

describe('what changed between two versions of one list', () => {
  const rs = taipei.slice(0, 50);
  const renamed = { ...at(7), name: '改名' };
  it.each([
    ['nothing', rs, []],
    ['one replaced in place', rs.map((r) => (r.id === renamed.id ? renamed : r)), [renamed.id]],
    ['one removed', rs.filter((r) => r.id !== at(9).id), [at(9).id]],
    ['the last removed', rs.slice(0, -1), [at(49).id]],
    ['one added at the end', [...rs, { ...at(0), id: 'new' }], ['new']],
    [
      'one removed and one added',
      [...rs.filter((r) => r.id !== at(3).id), { ...at(0), id: 'new' }],
      [at(3).id, 'new'],
    ],
  ] as const)('%s', (_, next, expected) => {
    expect([...(changedRecordIds(rs, next, 64) ?? ['(unknown)'])].sort()).toEqual([...expected].sort());
  });

  it('gives up on lists that differ otherwise, or in too many records', () => {
    expect(changedRecordIds(rs, [...rs].reverse(), 64)).toBeNull();
    expect(
      changedRecordIds(
        rs,
        rs.map((r) => ({ ...r })),
        10,
      ),
    ).toBeNull();
  });
});
