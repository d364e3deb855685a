import type { Resource } from '../model/resource.ts';
import { buildDataset, type Dataset, type DatasetConfig, mergeDatasets, sharesAnId } from './dataset.ts';
import { putRecord, removeRecord } from './dataset-change.ts';

/** Where the records on show come from: the default data, the layers on top, and the person's changes. */
export interface ShownSources {
  readonly base: Dataset;
  /** Imported and workshop layers, in the order they were added. */
  readonly layers: readonly {
    readonly id: string;
    readonly dataset: Dataset;
    /** No id of it is in the lists before it (then they need not be searched for repeats). */
    readonly idsAreNew?: boolean;
  }[];
  /** Edited records by id; an edit carrying another id means the record was merged into that one. */
  readonly edits: Readonly<Record<string, Resource>>;
  readonly deletedIds: readonly string[];
}

/** The sources a dataset on show was made from, with it: what showDataset starts from next time. */
export interface Shown {
  readonly sources: ShownSources;
  readonly dataset: Dataset;
}

/**
 * Beyond this many changed records, the dataset on show is put together afresh: one merge beats thousands of
 * single-record updates (each copies the columns).
 */
const MOST_SINGLE_CHANGES = 64;

/**
 * The records on show — the default data, then each layer (a repeated id: the first), with edits applied and
 * deletions left out — as a dataset. With the previous one given, only what changed is applied to it: one
 * corrected, added or deleted record updates the index instead of rebuilding it.
 */
export function showDataset(previous: Shown | null, next: ShownSources, config: DatasetConfig): Dataset {
  // One list alone (a shared map's county document, with no default data beside it): it is what is on show, and
  // a change already applied to it is not applied a second time.
  const alone = soleList(next);
  if (alone) return alone;
  const changed = previous ? changedIds(previous.sources, next) : null;
  if (!previous || !changed || changed.size > MOST_SINGLE_CHANGES) return composeDataset(next, config);
  let dataset = previous.dataset;
  for (const id of changed) {
    const record = resolve(next, id);
    dataset = record ? putRecord(dataset, record, config) : removeRecord(dataset, id);
  }
  return dataset;
}

/** The dataset on show, put together from scratch: the lists merged, then the few edits applied one by one. */
export function composeDataset(sources: ShownSources, config: DatasetConfig): Dataset {
  const lists = [sources.base, ...sources.layers.map((l) => l.dataset)];
  const changes = Object.keys(sources.edits).length + sources.deletedIds.length;
  if (changes <= MOST_SINGLE_CHANGES && !anyShared(sources)) {
    let dataset = mergeDatasets(lists, config);
    for (const id of Object.keys(sources.edits)) {
      const record = resolve(sources, id);
      dataset = record ? putRecord(dataset, record, config) : removeRecord(dataset, id);
    }
    for (const id of sources.deletedIds) dataset = removeRecord(dataset, id);
    return dataset;
  }
  return buildDataset(shownRecords(sources), config);
}

/**
 * The one list with records, when no other list has any and nothing is edited or deleted: what composeDataset
 * would give (mergeDatasets of one list is that list); null otherwise.
 */
function soleList(sources: ShownSources): Dataset | null {
  if (sources.deletedIds.length > 0 || Object.keys(sources.edits).length > 0) return null;
  let found: Dataset | null = null;
  for (const list of [sources.base, ...sources.layers.map((l) => l.dataset)]) {
    if (list.resources.length === 0) continue;
    if (found) return null;
    found = list;
  }
  return found;
}

/** Every record on show, in list order (what composeDataset indexes when it cannot merge). */
function shownRecords(sources: ShownSources): Resource[] {
  const deleted = new Set(sources.deletedIds);
  const seen = new Set<string>();
  const out: Resource[] = [];
  for (const list of [sources.base, ...sources.layers.map((l) => l.dataset)]) {
    for (const r of list.resources) {
      if (deleted.has(r.id) || seen.has(r.id)) continue;
      seen.add(r.id);
      const edited = sources.edits[r.id];
      if (edited && edited.id !== r.id) continue;
      out.push(edited ?? r);
    }
  }
  return out;
}

/** What is on show for one id: its edit or its first record, or null (deleted, merged away, or nowhere). */
function resolve(sources: ShownSources, id: string): Resource | null {
  if (sources.deletedIds.includes(id)) return null;
  let original: Resource | undefined;
  for (const list of [sources.base, ...sources.layers.map((l) => l.dataset)]) {
    original = list.resources.find((r) => r.id === id);
    if (original) break;
  }
  if (!original) return null;
  const edited = sources.edits[id];
  if (edited && edited.id !== id) return null;
  return edited ?? original;
}

/**
 * The ids whose record on show may differ between two sources, or null when the default data changed or a
 * large layer came or went (then a fresh merge is cheaper).
 */
function changedIds(before: ShownSources, after: ShownSources): Set<string> | null {
  if (before.base !== after.base) return null;
  const ids = new Set<string>();
  const add = (list: readonly Resource[]) => {
    if (ids.size + list.length > MOST_SINGLE_CHANGES) return false;
    for (const r of list) ids.add(r.id);
    return true;
  };
  const layerOf = (sources: ShownSources, id: string) => sources.layers.find((l) => l.id === id)?.dataset;
  const layerIds = new Set([...before.layers, ...after.layers].map((l) => l.id));
  for (const id of layerIds) {
    const was = layerOf(before, id);
    const is = layerOf(after, id);
    if (was === is) continue;
    // One version of a layer made from the other (a shared document's remote change): only what differs.
    const differing = was && is ? changedRecordIds(was.resources, is.resources, MOST_SINGLE_CHANGES) : null;
    if (differing) for (const changed of differing) ids.add(changed);
    else if (!add(was?.resources ?? []) || !add(is?.resources ?? [])) return null;
  }
  if (before.layers.map((l) => l.id).join('\n') !== after.layers.map((l) => l.id).join('\n')) {
    // Layers reordered or one removed: which record wins a repeated id may change, so only small moves count.
    const moved = after.layers.filter((l, i) => before.layers[i]?.id !== l.id);
    for (const l of moved) if (!add(l.dataset.resources)) return null;
  }
  for (const id of new Set([...Object.keys(before.edits), ...Object.keys(after.edits)]))
    if (before.edits[id] !== after.edits[id]) ids.add(id);
  if (before.deletedIds !== after.deletedIds) {
    const was = new Set(before.deletedIds);
    const is = new Set(after.deletedIds);
    for (const id of was) if (!is.has(id)) ids.add(id);
    for (const id of is) if (!was.has(id)) ids.add(id);
  }
  return ids;
}

/** Whether two of the lists share an id (a layer whose ids are new is not searched against those before it). */
function anyShared(sources: ShownSources): boolean {
  const lists = [{ dataset: sources.base, idsAreNew: false }, ...sources.layers];
  for (let b = 1; b < lists.length; b++) {
    const later = lists[b] as (typeof lists)[number];
    if (later.idsAreNew) continue;
    for (let a = 0; a < b; a++)
      if (sharesAnId((lists[a] as (typeof lists)[number]).dataset.resources, later.dataset.resources))
        return true;
  }
  return false;
}

/**
 * The ids whose record differs between two versions of one list, where the later was made from the earlier by
 * putRecord / removeRecord (records replaced in place, removed, or added at the end): one pass comparing
 * records by identity. Null when the lists differ otherwise, or in more than `most` records.
 */
export function changedRecordIds(
  was: readonly Resource[],
  is: readonly Resource[],
  most: number,
): Set<string> | null {
  const ids = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < was.length && j < is.length) {
    const a = was[i] as Resource;
    const b = is[j] as Resource;
    if (a === b) {
      i++;
      j++;
      continue;
    }
    if (a.id === b.id) {
      ids.add(a.id);
      i++;
      j++;
    } else if (was[i + 1] === b || was[i + 1]?.id === b.id) {
      ids.add(a.id);
      i++;
    } else return null;
    if (ids.size > most) return null;
  }
  for (; i < was.length; i++) ids.add((was[i] as Resource).id);
  for (; j < is.length; j++) ids.add((is[j] as Resource).id);
  return ids.size > most ? null : ids;
}
