import { describe, expect, it } from 'vitest';
import { buildInventory, sortInventoryRows } from '../../src/domain/analysis/inventory.ts';
import { inventoryToCsv } from '../../src/domain/files/inventory-csv.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { gazetteer } from './load-context.ts';

const r = (county: string, town: string, category: string): Resource => ({
  id: `${county}${town}${category}${Math.random()}`,
  name: 'x',
  category,
  services: [],
  address: '',
  county,
  town,
  position: toLatLng(23.5, 120.4),
  precision: 'exact',
  phones: [],
  source: 't',
  visibility: 'public',
  extra: {},
});

const resources = [
  r('嘉義縣', '民雄鄉', 'welfare-center'),
  r('嘉義縣', '民雄鄉', 'friendly-shop'),
  r('嘉義縣', '民雄鄉', 'friendly-shop'),
  r('嘉義縣', '番路鄉', 'friendly-shop'),
  r('嘉義縣', '', 'friendly-shop'),
  r('金門縣', '金城鎮', 'welfare-center'),
];
const all = resources.map((_, i) => i);
const categories = ['welfare-center', 'friendly-shop'];

describe('buildInventory', () => {
  const inventory = buildInventory(resources, all, categories, { gazetteer, county: '嘉義縣', town: '' });
  const row = (town: string) => inventory.rows.find((x) => x.town === town);

  it('lists every township of the county, in zipcode order, with its counts per category', () => {
    expect(inventory.rows.filter((x) => x.county === '嘉義縣' && x.town !== '').map((x) => x.town)).toEqual(
      gazetteer.townships.filter((t) => t.county === '嘉義縣').map((t) => t.town),
    );
    expect(row('民雄鄉')).toMatchObject({ counts: { 'welfare-center': 1, 'friendly-shop': 2 }, total: 3 });
    expect(row('番路鄉')).toMatchObject({ counts: { 'welfare-center': 0, 'friendly-shop': 1 }, total: 1 });
    expect(row('大埔鄉')).toMatchObject({ counts: { 'welfare-center': 0, 'friendly-shop': 0 }, total: 0 });
  });

  it('keeps records without a township on a row of their own, so the totals match the data', () => {
    expect(row('')).toMatchObject({ county: '嘉義縣', total: 1 });
    // 金門縣 is outside the county in view, but its record is in the indexes given: it keeps a row.
    expect(inventory.total).toBe(resources.length);
    expect(inventory.totals).toEqual({ 'welfare-center': 2, 'friendly-shop': 4 });
  });

  it('counts the townships that have none of a category (the gaps)', () => {
    // 18 townships in 嘉義縣: 17 without a welfare centre, 16 without a friendly shop; 金城鎮 has no shop.
    expect(inventory.gaps).toEqual({ 'welfare-center': 17, 'friendly-shop': 17 });
  });

  it('without a county, lists every township of the counties that have data', () => {
    const wide = buildInventory(resources, all, categories, { gazetteer, county: '', town: '' });
    const counties = new Set(wide.rows.map((x) => x.county));
    expect([...counties].sort()).toEqual(['嘉義縣', '金門縣']);
    // 嘉義縣 has 18 townships, 金門縣 6 (烏坵鄉 included).
    expect(wide.rows.filter((x) => x.town !== '')).toHaveLength(18 + 6);
  });

  it('without a county, a filter that leaves one county still lists every county with data (zero rows kept)', () => {
    // Only 金城鎮's welfare centre passes the filter (issue 18: 鄉鎮市公所 alone gave 5 rows, not 23).
    const filtered = buildInventory(resources, [5], categories, {
      gazetteer,
      county: '',
      town: '',
      countiesWithData: ['嘉義縣', '金門縣'],
    });
    expect(filtered.rows.filter((x) => x.town !== '')).toHaveLength(18 + 6);
    expect(filtered.rows.find((x) => x.town === '民雄鄉')).toMatchObject({ total: 0 });
    expect(filtered.total).toBe(1);
    const zeroFirst = sortInventoryRows(filtered.rows, { kind: 'total' }, false);
    expect(zeroFirst[0]?.total).toBe(0);
    expect(zeroFirst.at(-1)?.town).toBe('金城鎮');
  });

  it('with a town, only that township (and counts only what the indexes hold)', () => {
    const one = buildInventory(resources, [0, 1], categories, {
      gazetteer,
      county: '嘉義縣',
      town: '民雄鄉',
    });
    expect(one.rows).toEqual([
      { county: '嘉義縣', town: '民雄鄉', counts: { 'welfare-center': 1, 'friendly-shop': 1 }, total: 2 },
    ]);
  });

  it('without a gazetteer, rows come from the data alone', () => {
    const bare = buildInventory(resources, all, categories, { gazetteer: null, county: '', town: '' });
    expect(bare.rows.map((x) => `${x.county}${x.town}`)).toEqual([
      '嘉義縣民雄鄉',
      '嘉義縣番路鄉',
      '嘉義縣',
      '金門縣金城鎮',
    ]);
  });
});

describe('sortInventoryRows and inventoryToCsv', () => {
  const inventory = buildInventory(resources, all, categories, { gazetteer: null, county: '', town: '' });

  it.each([
    [{ kind: 'total' } as const, true, ['民雄鄉', '番路鄉', '', '金城鎮']],
    [{ kind: 'total' } as const, false, ['番路鄉', '', '金城鎮', '民雄鄉']],
    [{ kind: 'category', id: 'welfare-center' } as const, true, ['民雄鄉', '金城鎮', '番路鄉', '']],
    [{ kind: 'place' } as const, true, ['金城鎮', '', '番路鄉', '民雄鄉']],
  ])('sorts by %o (descending %s), ties in place order', (key, descending, towns) => {
    expect(sortInventoryRows(inventory.rows, key, descending).map((x) => x.town)).toEqual(towns);
  });

  it('writes a CSV with a header, one line per row and a totals line', () => {
    const csv = inventoryToCsv(inventory, inventory.rows, {
      category: (id) => (id === 'welfare-center' ? '社福中心' : '友善商店'),
      county: '縣市',
      town: '鄉鎮市區',
      total: '合計',
      unknownTown: '（未填）',
    });
    const table = parseDelimitedText(csv);
    expect(table.headers).toEqual(['縣市', '鄉鎮市區', '社福中心', '友善商店', '合計']);
    expect(table.rows).toEqual([
      ['嘉義縣', '民雄鄉', '1', '2', '3'],
      ['嘉義縣', '番路鄉', '0', '1', '1'],
      ['嘉義縣', '（未填）', '0', '1', '1'],
      ['金門縣', '金城鎮', '1', '0', '1'],
      ['合計', '', '2', '4', '6'],
    ]);
  });
});
