import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/domain/model/resource.ts';
import { buildIndexParts, mergeIndexParts } from '../../src/domain/query/index-parts.ts';
import { sharedDataFile } from './fixture-paths.ts';
import { loadPath, manifest } from './load-context.ts';

// Real records from three sources, some given an unconfigured category so that codes past the configured ones
// are exercised too.
const taipei = loadPath(sharedDataFile('taipei-community-care-points.csv'), {
  file: 'taipei.csv',
  category: 'care-point',
}).resources;
const tainan = loadPath(sharedDataFile('tainan-building-committees.csv'), {
  file: 'tainan.csv',
  category: 'community-association',
  county: '臺南市',
}).resources.map((r, i) => (i % 9 === 0 ? { ...r, category: '里辦公處' } : r));
const all: Resource[] = [...taipei, ...tainan];

const build = (list: readonly Resource[]) => buildIndexParts(list, manifest.categories, manifest.serviceTags);

describe('mergeIndexParts', () => {
  it('equals building the parts of the lists put together, for any split (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: all.length }), { maxLength: 4 }),
        fc.boolean(),
        (cuts, interleave) => {
          // Interleaving (every other record) makes the lists share places, so the merge must interleave too.
          const source = interleave
            ? [...all.filter((_, i) => i % 2 === 0), ...all.filter((_, i) => i % 2 === 1)]
            : all;
          const bounds = [0, ...[...cuts].sort((a, b) => a - b), source.length];
          const lists = bounds.slice(1).map((end, i) => source.slice(bounds[i], end));
          const merged = mergeIndexParts(
            lists.map((resources) => ({ resources, parts: build(resources) })),
            manifest.categories,
            manifest.serviceTags,
          );
          const whole = build(lists.flat());
          expect(merged.order).toEqual(whole.order);
          expect(merged.columns).toEqual(whole.columns);
          expect(merged.positions).toEqual(whole.positions);
        },
      ),
      { numRuns: 40 },
    );
    // Forty merges of hundreds of records: seconds on a busy 2-core machine.
  }, 60_000);

  it.each([
    ['no lists', []],
    ['one empty list', [[]]],
    ['an empty list between two', [taipei.slice(0, 5), [], tainan.slice(0, 5)]],
  ])('handles %s', (_, lists: Resource[][]) => {
    const merged = mergeIndexParts(
      lists.map((resources) => ({ resources, parts: build(resources) })),
      manifest.categories,
      manifest.serviceTags,
    );
    const whole = build(lists.flat());
    expect(merged.order).toEqual(whole.order);
    expect(merged.columns).toEqual(whole.columns);
  });
});
