import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/domain/model/resource.ts';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import { putRecord, removeRecord } from '../../src/domain/query/dataset-change.ts';
import { realRecordsIn, residentOrder, residentRanks } from '../../src/domain/query/resident-order.ts';
import { loadTestDataset } from '../components/fixtures.ts';

const { resources, manifest } = loadTestDataset();
const indexed = (records: readonly Resource[]) => buildDataset(records, manifest);
let made = 0;
const rec = (county: string, source: string): Resource => ({
  ...(resources[0] as Resource),
  id: `rec-${made++}`,
  county,
  town: '',
  source,
});

describe('a resident’s order without a location', () => {
  it.each([
    [
      '嘉義縣',
      [rec('金門縣', 'a'), rec('嘉義縣', 'b'), rec('嘉義縣', '示範資料（虛構）'), rec('嘉義縣', 'c')],
      [1, 3, 0, 2],
    ],
    ['', [rec('金門縣', '示範資料'), rec('嘉義縣', 'b'), rec('金門縣', 'c')], [1, 2, 0]],
  ] as const)(
    'deployment %s: real records of the county first, then other real ones, samples last',
    (county, records, expected) => {
      const ranks = residentRanks(indexed(records), county);
      const result = { visible: records.map((_, i) => i), categoryCounts: {} };
      expect(residentOrder(result.visible, ranks)).toEqual(expected);
    },
  );

  it('keeps the display order within each rank, and the very same result when nothing moves', () => {
    const ranks = residentRanks(indexed(resources), '嘉義縣');
    const visible = resources.map((_, i) => i);
    const ordered = residentOrder(visible, ranks);
    expect([...ordered].sort((a, b) => a - b)).toEqual(visible);
    const rankOf = (i: number) => ranks[i] as number;
    for (let k = 1; k < ordered.length; k++) {
      const [a, b] = [ordered[k - 1] as number, ordered[k] as number];
      expect(rankOf(a) < rankOf(b) || (rankOf(a) === rankOf(b) && a < b)).toBe(true);
    }
    expect(residentOrder(ordered, ranks)).toBe(ordered);
  });

  it('ranks as the records say, also after a record changes (the sample marks follow it)', () => {
    const rank = (r: Resource) => (r.source.includes('示範資料') ? 2 : r.county === '嘉義縣' ? 0 : 1);
    const sample = resources.findIndex((r) => r.source.includes('示範資料'));
    const real = resources.findIndex((r) => r.county === '嘉義縣' && !r.source.includes('示範資料'));
    let dataset = indexed(resources);
    dataset = putRecord(
      dataset,
      { ...(resources[sample] as Resource), source: '縣府', county: '金門縣' },
      manifest,
    );
    dataset = putRecord(dataset, { ...(resources[real] as Resource), source: '示範資料' }, manifest);
    dataset = putRecord(dataset, { ...(resources[real] as Resource), id: 'new', county: '嘉義縣' }, manifest);
    dataset = removeRecord(dataset, (resources[0] as Resource).id);
    expect([...residentRanks(dataset, '嘉義縣')]).toEqual(dataset.resources.map(rank));
    expect([...residentRanks(dataset, '')]).toEqual(dataset.resources.map((r) => (rank(r) === 2 ? 2 : 0)));
    expect([...residentRanks(dataset, '無此縣')]).toEqual(
      dataset.resources.map((r) => (rank(r) === 2 ? 2 : 1)),
    );
  });

  it('finds the real records of the deployment county for the first map view', () => {
    const chiayi = realRecordsIn(resources, '嘉義縣').map((i) => resources[i]);
    expect(chiayi.length).toBeGreaterThan(0);
    expect(chiayi.every((r) => r?.county === '嘉義縣' && !r.source.includes('示範資料'))).toBe(true);
  });
});
