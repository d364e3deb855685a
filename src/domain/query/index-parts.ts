import { type PositionColumns, positionColumns } from '../geo/position-columns.ts';
import type { CategoryConfig, ServiceTagConfig } from '../model/categories.ts';
import { zhHantCollator } from '../model/collation.ts';
import type { Resource } from '../model/resource.ts';
import { displayOrder } from './display-order.ts';
import {
  buildSearchColumns,
  categoryLabelsOf,
  encoder,
  type SearchColumns,
  tagColumnsOf,
} from './search-columns.ts';
import { pieceWriter } from './text-pieces.ts';

/**
 * What the main thread needs to search, sort and draw a list of resources without a pass over them: built by
 * the worker that built the resources, and merged (not rebuilt) when lists are put together.
 */
export interface IndexParts {
  /** Resource indexes in display order (county, town, name). */
  readonly order: readonly number[];
  readonly columns: SearchColumns;
  /** Positions by resource index. */
  readonly positions: PositionColumns;
}

/** Builds the parts for a list (in a worker: the loading worker, the import worker). */
export function buildIndexParts(
  resources: readonly Resource[],
  categories: readonly CategoryConfig[],
  serviceTags: readonly ServiceTagConfig[],
): IndexParts {
  const order = displayOrder(resources);
  return {
    order,
    columns: buildSearchColumns(resources, order, categories, serviceTags),
    positions: positionColumns(resources),
  };
}

/** A list and its parts, as mergeIndexParts takes them. */
export interface IndexedList {
  readonly resources: readonly Resource[];
  readonly parts: IndexParts;
}

/**
 * The parts of the lists put one after the other (resource indexes of list 2 follow those of list 1…), equal to
 * buildIndexParts of that concatenation — but in one merge of the display orders and copies of the columns, so
 * that adding a 100,000-row import to the map does not sort or normalise anything again.
 */
export function mergeIndexParts(
  lists: readonly IndexedList[],
  categories: readonly CategoryConfig[],
  serviceTags: readonly ServiceTagConfig[],
): IndexParts {
  const tags = tagColumnsOf(serviceTags);
  const collator = zhHantCollator();
  const rankOf = (values: Iterable<string>) =>
    new Map([...new Set(values)].sort(collator.compare).map((v, i) => [v, i] as const));
  const countyRank = rankOf(lists.flatMap((l) => l.parts.columns.counties));
  const townRank = rankOf(lists.flatMap((l) => l.parts.columns.towns));
  const offsets: number[] = [];
  let total = 0;
  for (const list of lists) {
    offsets.push(total);
    total += list.resources.length;
  }
  // Per list: the place key of each display position, with the ranks of all the lists together.
  const keys = lists.map(({ parts: { columns } }) => {
    const county = columns.counties.map((c) => countyRank.get(c) ?? 0);
    const town = columns.towns.map((t) => townRank.get(t) ?? 0);
    const out = new Float64Array(columns.category.length);
    for (let k = 0; k < out.length; k++) {
      out[k] =
        (county[columns.county[k] as number] as number) * 1_000_000 +
        (town[columns.town[k] as number] as number);
    }
    return out;
  });
  const heads = lists.map(() => 0);
  // Whether the head of list a comes before the head of list b (same rule as displayOrder).
  const before = (a: number, b: number) => {
    const ka = keys[a]?.[heads[a] as number] as number;
    const kb = keys[b]?.[heads[b] as number] as number;
    if (ka !== kb) return ka < kb;
    const la = lists[a] as IndexedList;
    const lb = lists[b] as IndexedList;
    const ia = la.parts.order[heads[a] as number] as number;
    const ib = lb.parts.order[heads[b] as number] as number;
    const na = (la.resources[ia] as Resource).name;
    const nb = (lb.resources[ib] as Resource).name;
    if (na !== nb) return na < nb;
    return (offsets[a] as number) + ia < (offsets[b] as number) + ib;
  };

  const { tagWords } = tags;
  const order: number[] = new Array(total);
  const category = new Uint16Array(total);
  const county = new Uint16Array(total);
  const town = new Uint32Array(total);
  const tagBits = new Uint32Array(total * tagWords);
  const text = pieceWriter(total);
  const categoryCodes = encoder(categories.map((c) => c.id));
  const countyCodes = encoder();
  const townCodes = encoder();
  // Each list's codes → the merged ones, worked out on first use (codes are numbered in display order).
  const recoders = lists.map(({ parts: { columns } }) => ({
    category: recoder(columns.categoryIds, categoryCodes),
    county: recoder(columns.counties, countyCodes),
    town: recoder(columns.towns, townCodes),
  }));
  // A run of consecutive display positions of one list is copied a piece at a time, not record by record.
  let run = { list: -1, from: 0, to: 0 };
  const flush = () => {
    if (run.list >= 0) text.addRun((lists[run.list] as IndexedList).parts.columns, run.from, run.to);
  };
  for (let m = 0; m < total; m++) {
    let pick = -1;
    for (let l = 0; l < lists.length; l++) {
      if ((heads[l] as number) >= (lists[l] as IndexedList).resources.length) continue;
      if (pick < 0 || before(l, pick)) pick = l;
    }
    const list = lists[pick] as IndexedList;
    const k = heads[pick] as number;
    heads[pick] = k + 1;
    const { columns } = list.parts;
    const recode = recoders[pick] as (typeof recoders)[number];
    order[m] = (offsets[pick] as number) + (list.parts.order[k] as number);
    category[m] = recode.category(columns.category[k] as number);
    county[m] = recode.county(columns.county[k] as number);
    town[m] = recode.town(columns.town[k] as number);
    for (let w = 0; w < tagWords; w++)
      tagBits[m * tagWords + w] = columns.tagBits[k * tagWords + w] as number;
    if (run.list === pick && run.to === k) run.to = k + 1;
    else {
      flush();
      run = { list: pick, from: k, to: k + 1 };
    }
  }
  flush();
  const lat = new Float64Array(total);
  const lng = new Float64Array(total);
  lists.forEach((l, i) => {
    lat.set(l.parts.positions.lat, offsets[i]);
    lng.set(l.parts.positions.lng, offsets[i]);
  });
  return {
    order,
    columns: {
      ...text.done(),
      category,
      categoryIds: categoryCodes.values,
      categoryLabels: categoryLabelsOf(categoryCodes.values, categories),
      tagBits,
      ...tags,
      county,
      counties: countyCodes.values,
      town,
      towns: townCodes.values,
    },
    positions: { lat, lng },
  };
}

/** A list's codes of a column to those of `merged`, each looked up by its text once. */
function recoder(values: readonly string[], merged: ReturnType<typeof encoder>): (code: number) => number {
  const known = new Int32Array(values.length).fill(-1);
  return (code) => {
    let to = known[code] as number;
    if (to < 0) {
      to = merged.code(values[code] as string);
      known[code] = to;
    }
    return to;
  };
}
