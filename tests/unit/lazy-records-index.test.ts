import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/domain/model/resource.ts';
import { lazyList } from '../../src/domain/publish/lazy-list.ts';
import { identityOrder, inDisplayOrder } from '../../src/domain/query/display-order.ts';
import { buildIndexParts } from '../../src/domain/query/index-parts.ts';
import { buildResourceIndex, primeIds, primeIndex } from '../../src/domain/query/resource-index.ts';
import { repoFile } from './fixture-paths.ts';
import { loadPath, manifest } from './load-context.ts';

// The default data's community associations, in display order, as the loading worker sends them.
const records = inDisplayOrder(
  loadPath(repoFile('data', 'sample-community-resources.csv'), { file: 'sample-community-resources.csv' })
    .resources,
);

/** The page's list: chunks of 8 made on first use, primed as load-default-data primes it. */
function pageList() {
  const made: number[] = [];
  const chunks = Array.from({ length: Math.ceil(records.length / 8) }, (_, c) =>
    JSON.stringify(records.slice(c * 8, c * 8 + 8)),
  );
  const list = lazyList<Resource>(records.length, 8, (c) => {
    made.push(c);
    return JSON.parse(chunks[c] as string) as Resource[];
  });
  const parts = buildIndexParts(records, manifest.categories, manifest.serviceTags);
  primeIndex(list, { ...parts, order: identityOrder(records.length) });
  primeIds(list, () => JSON.parse(JSON.stringify(records.map((r) => r.id))) as string[]);
  return { list, made };
}

describe('a lazily made list of records, indexed', () => {
  it('is in display order already: its display order is 0, 1, 2…', () => {
    expect(buildIndexParts(records, manifest.categories, manifest.serviceTags).order).toEqual(
      identityOrder(records.length),
    );
  });

  it('is indexed, and finds records by id, without making any record', () => {
    const { list, made } = pageList();
    const index = buildResourceIndex(list, manifest.categories, manifest.serviceTags);
    const last = records.at(-1) as Resource;
    expect(index.positionOf(last.id)).toBe(records.length - 1);
    expect(index.positionOf('no-such-id')).toBeUndefined();
    expect(made).toEqual([]);
    expect(index.resources[records.length - 1]).toEqual(last);
    expect(made).toEqual([Math.floor((records.length - 1) / 8)]);
  });
});
