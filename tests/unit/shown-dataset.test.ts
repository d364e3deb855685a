import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/domain/model/resource.ts';
import { buildDataset, type Dataset, EMPTY_DATASET } from '../../src/domain/query/dataset.ts';
import { putRecord, removeRecord } from '../../src/domain/query/dataset-change.ts';
import { filterResources, NO_FILTERS } from '../../src/domain/query/filter-resources.ts';
import { residentOrder, residentRanks } from '../../src/domain/query/resident-order.ts';
import { type ShownSources, showDataset } from '../../src/domain/query/shown-dataset.ts';
import { describeDataset } from '../dataset-view.ts';
import { sharedDataFile } from './fixture-paths.ts';
import { loadPath, manifest } from './load-context.ts';

const config = { categories: manifest.categories, serviceTags: manifest.serviceTags };
const taipei = loadPath(sharedDataFile('taipei-community-care-points.csv'), {
  file: 'taipei-community-care-points.csv',
  category: 'care-point',
}).resources;
const at = (i: number) => taipei[i] as Resource;
const base = buildDataset(taipei.slice(0, 200), config);
const county = buildDataset(taipei.slice(200, 300), config);
const member = buildDataset(taipei.slice(300), config);

/**
 * The records on show by their definition: the default data, then each layer (a repeated id: the first), an edit
 * in place of its record (an edit under another id: the record was merged into that one), deletions left out.
 */
function onShow(sources: ShownSources): Resource[] {
  const seen = new Set<string>();
  const out: Resource[] = [];
  for (const list of [sources.base, ...sources.layers.map((l) => l.dataset)]) {
    for (const r of list.resources) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      const edit = sources.edits[r.id];
      if (sources.deletedIds.includes(r.id) || (edit && edit.id !== r.id)) continue;
      out.push(edit ?? r);
    }
  }
  return out;
}

const sources = (over: Partial<ShownSources>): ShownSources => ({
  base,
  layers: [],
  edits: {},
  deletedIds: [],
  ...over,
});
const shared = (...datasets: Dataset[]) =>
  datasets.map((dataset, i) => ({ id: i === 0 ? 'county/x' : `org/${i}`, dataset }));
const renamed = (r: Resource) => ({ ...r, name: `一${r.name}` });

const cases: [string, ShownSources, ShownSources][] = [
  ['a record corrected', sources({}), sources({ edits: { [at(5).id]: renamed(at(5)) } })],
  [
    'a correction corrected again',
    sources({ edits: { [at(5).id]: renamed(at(5)) } }),
    sources({ edits: { [at(5).id]: { ...at(5), phones: ['05-2200000'] } } }),
  ],
  ['a correction undone', sources({ edits: { [at(5).id]: renamed(at(5)) } }), sources({})],
  ['a record deleted', sources({}), sources({ deletedIds: [at(0).id] })],
  ['a deletion undone', sources({ deletedIds: [at(0).id] }), sources({})],
  [
    'a record merged into another',
    sources({}),
    sources({
      edits: { [at(7).id]: { ...at(8), name: '合併後' }, [at(8).id]: { ...at(8), name: '合併後' } },
    }),
  ],
  [
    "a shared map's only document: one record corrected by a peer",
    sources({ base: EMPTY_DATASET, layers: shared(county) }),
    sources({ base: EMPTY_DATASET, layers: shared(putRecord(county, renamed(at(210)), config)) }),
  ],
  [
    "a shared map's only document: one record deleted by a peer",
    sources({ base: EMPTY_DATASET, layers: shared(county) }),
    sources({ base: EMPTY_DATASET, layers: shared(removeRecord(county, at(250).id)) }),
  ],
  [
    "a shared map's only document: one record added by a peer",
    sources({ base: EMPTY_DATASET, layers: shared(county) }),
    sources({ base: EMPTY_DATASET, layers: shared(putRecord(county, { ...at(0), id: 'peer-new' }, config)) }),
  ],
  [
    "a shared map's only document, with a local correction on top",
    sources({ base: EMPTY_DATASET, layers: shared(county), edits: { [at(220).id]: renamed(at(220)) } }),
    sources({
      base: EMPTY_DATASET,
      layers: shared(putRecord(county, renamed(at(210)), config)),
      edits: { [at(220).id]: renamed(at(220)) },
    }),
  ],
  [
    "two documents: a peer's correction in the second",
    sources({ base: EMPTY_DATASET, layers: shared(county, member) }),
    sources({ base: EMPTY_DATASET, layers: shared(county, putRecord(member, renamed(at(310)), config)) }),
  ],
  [
    'a layer over the default data: a record it repeats changes (the default one stays on show)',
    sources({ layers: shared(buildDataset([at(3), at(250)], config)) }),
    sources({ layers: shared(buildDataset([renamed(at(3)), at(250)], config)) }),
  ],
  [
    'the default data goes, a document stays alone',
    sources({ layers: shared(county) }),
    sources({ base: EMPTY_DATASET, layers: shared(county) }),
  ],
];

describe('the dataset on show following a change', () => {
  it.each(cases)('is what a fresh index of the records on show says: %s', (_, before, after) => {
    const previous = { sources: before, dataset: showDataset(null, before, config) };
    const next = showDataset(previous, after, config);
    const fresh = buildDataset(onShow(after), config);
    expect(describeDataset(next)).toEqual(describeDataset(fresh));
    // The list a resident sees, in the same order.
    const list = (d: Dataset) =>
      residentOrder(filterResources(d, NO_FILTERS).visible, residentRanks(d, '臺北市')).map(
        (i) => d.resources[i]?.id,
      );
    expect(list(next)).toEqual(list(fresh));
  });

  it("is the document itself when it is alone on show (a peer's change is applied once, to it)", () => {
    const changed = putRecord(county, renamed(at(210)), config);
    const before = sources({ base: EMPTY_DATASET, layers: shared(county) });
    const previous = { sources: before, dataset: showDataset(null, before, config) };
    expect(showDataset(previous, sources({ base: EMPTY_DATASET, layers: shared(changed) }), config)).toBe(
      changed,
    );
  });
});
