import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/domain/model/resource.ts';
import { realRecordsIn, residentOrder, residentRanks } from '../../src/domain/query/resident-order.ts';
import { loadTestDataset } from '../components/fixtures.ts';

const { resources } = loadTestDataset();
const rec = (county: string, source: string) => ({ county, source }) as Resource;

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
      const ranks = residentRanks(records, county);
      const result = { visible: records.map((_, i) => i), categoryCounts: {} };
      expect(residentOrder(result, ranks).visible).toEqual(expected);
    },
  );

  it('keeps the display order within each rank, and the very same result when nothing moves', () => {
    const ranks = residentRanks(resources, '嘉義縣');
    const visible = resources.map((_, i) => i);
    const ordered = residentOrder({ visible, categoryCounts: {} }, ranks).visible;
    expect([...ordered].sort((a, b) => a - b)).toEqual(visible);
    const rankOf = (i: number) => ranks[i] as number;
    for (let k = 1; k < ordered.length; k++) {
      const [a, b] = [ordered[k - 1] as number, ordered[k] as number];
      expect(rankOf(a) < rankOf(b) || (rankOf(a) === rankOf(b) && a < b)).toBe(true);
    }
    const already = { visible: ordered, categoryCounts: {} };
    expect(residentOrder(already, ranks)).toBe(already);
  });

  it('finds the real records of the deployment county for the first map view', () => {
    const chiayi = realRecordsIn(resources, '嘉義縣').map((i) => resources[i]);
    expect(chiayi.length).toBeGreaterThan(0);
    expect(chiayi.every((r) => r?.county === '嘉義縣' && !r.source.includes('示範資料'))).toBe(true);
  });
});
