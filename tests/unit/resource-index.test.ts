import { describe, expect, it } from 'vitest';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { buildDataset, indexOfId } from '../../src/domain/query/dataset.ts';
import {
  filterResources,
  NO_FILTERS,
  type ResourceFilters,
} from '../../src/domain/query/filter-resources.ts';
import { manifest } from './load-context.ts';

const resource = (id: string, more: Partial<Resource>): Resource => ({
  id,
  name: id,
  category: 'community-association',
  services: [],
  address: '',
  county: '',
  town: '',
  position: toLatLng(23.5, 120.5),
  precision: 'exact',
  phones: [],
  source: 'test',
  visibility: 'public',
  extra: {},
  ...more,
});

const resources: Resource[] = [
  resource('taipei-care', {
    name: '士林老人服務中心',
    category: 'care-point',
    services: ['meals', 'home-visits'],
    address: '臺北市士林區三玉里忠誠路2段53巷7號5樓',
    county: '臺北市',
    town: '士林區',
    village: '三玉里',
  }),
  resource('minxiong-center', {
    name: '民雄社會福利服務中心',
    category: 'welfare-center',
    services: ['welfare-advice', 'referral'],
    address: '嘉義縣民雄鄉江厝店２９之４號',
    county: '嘉義縣',
    town: '民雄鄉',
  }),
  resource('tainan-east', {
    name: '東區社區發展協會',
    services: ['meals'],
    address: '東區莊敬路219巷15號',
    county: '臺南市',
    town: '東區',
  }),
  resource('chiayi-east', {
    name: 'Chiayi East Shop',
    category: 'friendly-shop',
    services: ['child-safe-waiting'],
    address: '嘉義市東區中山路199號',
    county: '嘉義市',
    town: '東區',
  }),
  resource('taichung-daan', {
    name: '大安區關懷據點',
    category: 'care-point',
    services: ['custom-tag'],
    address: '臺中市大安區',
    county: '臺中市',
    town: '大安區',
  }),
];
const index = buildDataset(resources, { categories: manifest.categories, serviceTags: manifest.serviceTags });
const ids = (filters: Partial<ResourceFilters>) =>
  filterResources(index, { ...NO_FILTERS, ...filters }).visible.map((i) => resources[i]?.id);

describe('buildDataset', () => {
  it('orders by county, town, then name and maps ids to positions', () => {
    const collator = new Intl.Collator('zh-Hant-TW');
    const expected = [...resources]
      .sort(
        (a, b) =>
          collator.compare(a.county, b.county) ||
          collator.compare(a.town, b.town) ||
          collator.compare(a.name, b.name),
      )
      .map((r) => r.id);
    expect(index.order.map((i) => resources[i]?.id)).toEqual(expected);
    expect(indexOfId(index, 'tainan-east')).toBe(2);
    expect(index.columns.category).toHaveLength(resources.length);
    expect(indexOfId(index, 'no-such-id')).toBe(-1);
  });

  it('keeps the resources it was given, not copies', () => {
    expect(index.resources).toBe(resources);
  });
});

describe('filterResources', () => {
  it('shows everything, in display order, without filters', () => {
    expect(filterResources(index, NO_FILTERS).visible).toEqual(index.order);
  });

  it.each([
    { case: 'name', query: '民雄', ids: ['minxiong-center'] },
    { case: '台 finds 臺', query: '台北', ids: ['taipei-care'] },
    { case: '臺 finds 臺', query: '臺北市士林', ids: ['taipei-care'] },
    { case: 'full-width digits in data, ASCII in query', query: '江厝店29之4', ids: ['minxiong-center'] },
    { case: 'full-width query', query: '２１９巷', ids: ['tainan-east'] },
    { case: 'case-insensitive Latin', query: 'chiayi EAST', ids: ['chiayi-east'] },
    { case: 'full-width Latin', query: 'ｓｈｏｐ', ids: ['chiayi-east'] },
    { case: 'village', query: '三玉里', ids: ['taipei-care'] },
    { case: 'category label (zh)', query: '友善商店', ids: ['chiayi-east'] },
    { case: 'category label (en)', query: 'welfare service', ids: ['minxiong-center'] },
    { case: 'service tag label', query: '餐食提供', ids: ['tainan-east', 'taipei-care'] },
    { case: 'unknown tag as written', query: 'custom-tag', ids: ['taichung-daan'] },
    { case: 'two terms, AND', query: '東區 協會', ids: ['tainan-east'] },
    { case: 'terms split by a full-width space', query: '東區　Shop', ids: ['chiayi-east'] },
    { case: 'one term matches no resource', query: '東區 不存在', ids: [] },
    {
      case: 'spaces only',
      query: '  　 ',
      ids: ['taipei-care', 'taichung-daan', 'chiayi-east', 'minxiong-center', 'tainan-east'],
    },
    { case: 'no match across fields', query: '中心臺北市', ids: [] },
  ])('search: $case ($query)', ({ query, ids: expected }) => {
    expect(new Set(ids({ query }))).toEqual(new Set(expected));
  });

  it.each([
    { case: 'county', filters: { county: '臺南市' }, ids: ['tainan-east'] },
    { case: 'county with 台', filters: { county: '台南市' }, ids: ['tainan-east'] },
    { case: 'town in any county', filters: { town: '東區' }, ids: ['chiayi-east', 'tainan-east'] },
    { case: 'county and town', filters: { county: '嘉義市', town: '東區' }, ids: ['chiayi-east'] },
    {
      case: 'services: any of',
      filters: { services: ['referral', 'child-safe-waiting'] },
      ids: ['chiayi-east', 'minxiong-center'],
    },
    { case: 'services and query', filters: { services: ['meals'], query: '台北' }, ids: ['taipei-care'] },
    {
      case: 'hidden category',
      filters: { hiddenCategories: ['care-point'] },
      ids: ['chiayi-east', 'minxiong-center', 'tainan-east'],
    },
  ])('$case', ({ filters, ids: expected }) => {
    expect(new Set(ids(filters))).toEqual(new Set(expected));
  });

  it('counts hidden categories as if shown, under every other filter', () => {
    const result = filterResources(index, {
      ...NO_FILTERS,
      hiddenCategories: ['care-point', 'friendly-shop'],
      query: '區',
    });
    expect(result.visible.map((i) => resources[i]?.id)).toEqual(['tainan-east']);
    expect(result.categoryCounts).toEqual({
      'care-point': 2,
      'friendly-shop': 1,
      'community-association': 1,
    });
  });

  it('keeps display order in the results', () => {
    const visible = filterResources(index, { ...NO_FILTERS, town: '東區' }).visible;
    expect(visible).toEqual(index.order.filter((i) => resources[i]?.town === '東區'));
  });
});
