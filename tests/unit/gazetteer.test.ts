import { describe, expect, it } from 'vitest';
import { buildGazetteer, parseAddress, placeKey } from '../../src/domain/gazetteer.ts';
import { gazetteer } from './load-context.ts';

describe('placeKey', () => {
  it.each([
    { name: '台南市', key: '臺南市' },
    { name: ' 臺北 市 ', key: '臺北市' },
    { name: '台東縣台東市', key: '臺東縣臺東市' },
    { name: '大安区', key: '大安區' },
    { name: '', key: '' },
  ])('$name → $key', ({ name, key }) => {
    expect(placeKey(name)).toBe(key);
  });
});

describe('buildGazetteer', () => {
  const small = buildGazetteer([
    ['台南市', '東區', '701', '22.98', '120.22'],
    ['新竹市', '東區', '300', '24.79', '120.99'],
    ['嘉義縣', '民雄鄉', '621', '23.55', '120.43'],
    ['嘉義縣', '', '600', '23.4', '120.4'],
    ['金門縣', '烏坵鄉', '896', '', ''],
    ['壞', '資料', 'x', 'abc', '120'],
  ]);

  it('keeps rows with a county, a town and numeric coordinates', () => {
    expect(small.townships.map((t) => `${t.county}${t.town}`)).toEqual([
      '臺南市東區',
      '新竹市東區',
      '嘉義縣民雄鄉',
    ]);
    expect(small.counties()).toEqual(['臺南市', '新竹市', '嘉義縣']);
  });

  it('finds by county and town, whichever way 臺 is written', () => {
    expect(small.find('台南市', '東區')?.zipcode).toBe('701');
    expect(small.find('臺南市', '東區')?.centroid).toEqual([22.98, 120.22]);
    expect(small.find('臺南市', '民雄鄉')).toBeUndefined();
    expect(small.findByTown('東區').map((t) => t.county)).toEqual(['臺南市', '新竹市']);
    expect(small.findByTown('西區')).toEqual([]);
  });

  it('loads the 367 townships of the app gazetteer (the 4 zip areas without a polygon are not in it)', () => {
    expect(gazetteer.townships).toHaveLength(367);
    expect(gazetteer.counties()).toHaveLength(22);
    expect(gazetteer.find('嘉義縣', '民雄鄉')?.zipcode).toBe('621');
    expect(gazetteer.find('金門縣', '烏坵鄉')).toBeUndefined();
  });
});

describe('parseAddress', () => {
  it.each([
    { case: 'county and township', address: '嘉義縣民雄鄉江厝店29之4號', county: '嘉義縣', town: '民雄鄉' },
    { case: '台 for 臺', address: '台南市東區大學路1號', county: '臺南市', town: '東區' },
    { case: '臺 as written', address: '臺南市東區大學路1號', county: '臺南市', town: '東區' },
    { case: 'leading zipcode', address: '621嘉義縣民雄鄉江厝店29之4號', county: '嘉義縣', town: '民雄鄉' },
    { case: 'five-digit zipcode', address: '62141嘉義縣民雄鄉', county: '嘉義縣', town: '民雄鄉' },
    { case: 'full-width zipcode', address: '６２１嘉義縣民雄鄉', county: '嘉義縣', town: '民雄鄉' },
    { case: 'spaces inside', address: '臺北 市大同區國慶里', county: '臺北市', town: '大同區' },
    { case: 'simplified 区', address: '臺北市大安区古風里泰順街54巷23號', county: '臺北市', town: '大安區' },
    {
      case: 'town unique in Taiwan, no county',
      address: '民雄鄉江厝店29之4號',
      county: '嘉義縣',
      town: '民雄鄉',
    },
    { case: 'doubled district', address: '中西區中西區衛民街99號', county: '臺南市', town: '中西區' },
    { case: 'county only', address: '臺北市復興南路2段148巷24號', county: '臺北市', town: undefined },
    {
      case: 'ambiguous town without county',
      address: '東區莊敬路219巷15號',
      county: undefined,
      town: undefined,
    },
    { case: 'no place name', address: '復興南路2段148巷24號', county: undefined, town: undefined },
    { case: 'a county that does not exist', address: '台灣省南投縣', county: undefined, town: undefined },
    { case: 'empty', address: '', county: undefined, town: undefined },
    { case: 'a road named like a town', address: '臺北市中山北路2段', county: '臺北市', town: undefined },
    { case: '嘉義市 vs 嘉義縣', address: '嘉義市東區中山路199號', county: '嘉義市', town: '東區' },
    { case: '新竹市 vs 新竹縣', address: '新竹縣竹北市光明六路10號', county: '新竹縣', town: '竹北市' },
    {
      case: 'town that looks like a county',
      address: '竹北市光明六路10號',
      county: '新竹縣',
      town: '竹北市',
    },
  ])('$case: $address', ({ address, county, town }) => {
    const parsed = parseAddress(gazetteer, address);
    expect([parsed.county, parsed.town]).toEqual([county, town]);
  });

  it.each([
    { address: '中西區光賢街21巷2弄35號', defaultCounty: '臺南市', county: '臺南市', town: '中西區' },
    { address: '東區莊敬路219巷15號', defaultCounty: '臺南市', county: '臺南市', town: '東區' },
    { address: '東區莊敬路219巷15號', defaultCounty: '台南市', county: '臺南市', town: '東區' },
    { address: '東區中山路199號', defaultCounty: '嘉義市', county: '嘉義市', town: '東區' },
    { address: '北區育德一街30號5樓', defaultCounty: '臺南市', county: '臺南市', town: '北區' },
    { address: '民雄鄉江厝店', defaultCounty: '臺南市', county: '嘉義縣', town: '民雄鄉' },
    { address: '新竹市東區光復路', defaultCounty: '臺南市', county: '新竹市', town: '東區' },
  ])('with default county $defaultCounty: $address', ({ address, defaultCounty, county, town }) => {
    expect(parseAddress(gazetteer, address, defaultCounty)).toEqual({ county, town });
  });
});
