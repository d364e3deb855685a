import { describe, expect, it } from 'vitest';
import { buildGazetteer, currentPlaceNames, parseAddress, placeKey } from '../../src/domain/geo/gazetteer.ts';
import { gazetteer } from './load-context.ts';

describe('placeKey', () => {
  it.each([
    { name: '台南市', key: '臺南市' },
    { name: ' 臺北 市 ', key: '臺北市' },
    { name: '台東縣台東市', key: '臺東縣臺東市' },
    { name: '大安区', key: '大安區' },
    { name: '台北巿', key: '臺北市' },
    { name: '新竹巿東區', key: '新竹市東區' },
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

  it('loads the 368 townships of the app gazetteer (烏坵鄉 from the Ministry boundaries; 3 zip areas have none)', () => {
    expect(gazetteer.townships).toHaveLength(368);
    expect(gazetteer.counties()).toHaveLength(22);
    expect(gazetteer.find('嘉義縣', '民雄鄉')?.zipcode).toBe('621');
    // Kinmen's sixth township: its offices report on all six.
    expect(gazetteer.find('金門縣', '烏坵鄉')?.zipcode).toBe('896');
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

describe('parseAddress: names from before the 2010/2014 mergers', () => {
  it.each([
    { address: '臺南縣永康市中正路1號', county: '臺南市', town: '永康區', former: ['臺南縣', '永康市'] },
    { address: '台南縣永康市中正路1號', county: '臺南市', town: '永康區', former: ['臺南縣', '永康市'] },
    { address: '臺北縣板橋市文化路一段1號', county: '新北市', town: '板橋區', former: ['臺北縣', '板橋市'] },
    {
      address: '220台北縣板橋市文化路一段1號',
      county: '新北市',
      town: '板橋區',
      former: ['臺北縣', '板橋市'],
    },
    { address: '高雄縣鳳山市光復路二段1號', county: '高雄市', town: '鳳山區', former: ['高雄縣', '鳳山市'] },
    { address: '桃園縣桃園市中正路1號', county: '桃園市', town: '桃園區', former: ['桃園縣', '桃園市'] },
    { address: '桃園縣中壢市中大路300號', county: '桃園市', town: '中壢區', former: ['桃園縣', '中壢市'] },
    { address: '桃園縣龍潭鄉中正路1號', county: '桃園市', town: '龍潭區', former: ['桃園縣', '龍潭鄉'] },
    { address: '臺中縣大甲鎮文武路1號', county: '臺中市', town: '大甲區', former: ['臺中縣', '大甲鎮'] },
    { address: '臺中縣東勢鎮豐勢路1號', county: '臺中市', town: '東勢區', former: ['臺中縣', '東勢鎮'] },
    // 三民鄉 was renamed 那瑪夏 in 2008; 高雄市三民區 is another place.
    { address: '高雄縣三民鄉民生村1號', county: '高雄市', town: '那瑪夏區', former: ['高雄縣', '三民鄉'] },
    { address: '高雄市三民區建工路1號', county: '高雄市', town: '三民區', former: [] },
    // 臺南市中區 and 西區 were merged as 中西區 in 2004; 臺中市 still has a 中區 and a 西區, 嘉義市 a 西區.
    { address: '臺南市中區民族路二段1號', county: '臺南市', town: '中西區', former: [undefined, '中區'] },
    { address: '台南市西區西門路二段1號', county: '臺南市', town: '中西區', former: [undefined, '西區'] },
    { address: '臺南市中西區民族路二段1號', county: '臺南市', town: '中西區', former: [] },
    { address: '臺中市中區中山路1號', county: '臺中市', town: '中區', former: [] },
    { address: '臺中市西區民權路1號', county: '臺中市', town: '西區', former: [] },
    { address: '嘉義市西區中山路1號', county: '嘉義市', town: '西區', former: [] },
    { address: '臺南市西港區中山路1號', county: '臺南市', town: '西港區', former: [] },
    // The county merged, the district already named as today.
    { address: '臺北縣板橋區文化路1號', county: '新北市', town: '板橋區', former: ['臺北縣'] },
    // Today's county with a former township.
    { address: '新北市板橋市文化路1號', county: '新北市', town: '板橋區', former: [undefined, '板橋市'] },
    // A former township alone, unique among the merged counties.
    { address: '永康市中正路1號', county: '臺南市', town: '永康區', former: [undefined, '永康市'] },
    { address: '大甲鎮文武路1號', county: '臺中市', town: '大甲區', former: [undefined, '大甲鎮'] },
    // A former county without a township.
    { address: '臺北縣中山路1號', county: '新北市', town: undefined, former: ['臺北縣'] },
    // Not merged: 縣轄市 of other counties stay as they are.
    { address: '新竹縣竹北市光明六路10號', county: '新竹縣', town: '竹北市', former: [] },
    { address: '嘉義縣太保市祥和一路東段1號', county: '嘉義縣', town: '太保市', former: [] },
    // 東勢鄉 is a township of today (雲林縣): it is not taken for 臺中縣東勢鎮.
    { address: '東勢鄉東勢東路1號', county: '雲林縣', town: '東勢鄉', former: [] },
    // A former name in the wrong county is not guessed into another one.
    { address: '臺北市板橋市文化路1號', county: '臺北市', town: undefined, former: [] },
    { address: '嘉義縣永康市中正路1號', county: '嘉義縣', town: undefined, former: [] },
    // One-character city districts were never 鄉, 鎮 or 市.
    { address: '臺南市東市場旁', county: '臺南市', town: undefined, former: [] },
  ])('$address', ({ address, county, town, former }) => {
    const parsed = parseAddress(gazetteer, address);
    expect([parsed.county, parsed.town]).toEqual([county, town]);
    expect([parsed.formerCounty, parsed.formerTown]).toEqual([former[0], former[1]]);
  });

  it.each([
    // A county cell of before the merger is the default county, in today's name.
    {
      address: '板橋市文化路1號',
      defaultCounty: '臺北縣',
      county: '新北市',
      town: '板橋區',
      former: [undefined, '板橋市'],
    },
    {
      address: '東區大學路1號',
      defaultCounty: '台南縣',
      county: '臺南市',
      town: '東區',
      former: [],
    },
    {
      address: '新營市中山路1號',
      defaultCounty: '臺南市',
      county: '臺南市',
      town: '新營區',
      former: [undefined, '新營市'],
    },
  ])('with default county $defaultCounty: $address', ({ address, defaultCounty, county, town, former }) => {
    const parsed = parseAddress(gazetteer, address, defaultCounty);
    expect([parsed.county, parsed.town]).toEqual([county, town]);
    expect([parsed.formerCounty, parsed.formerTown]).toEqual([former[0], former[1]]);
  });

  it('leaves the names of today alone (the Taipei and Tainan files have no former ones in addresses)', () => {
    for (const t of gazetteer.townships) {
      expect(parseAddress(gazetteer, `${t.county}${t.town}某路1號`)).toEqual({
        county: t.county,
        town: t.town,
      });
    }
  });

  it('maps only to townships of today that the gazetteer has', () => {
    const small = buildGazetteer([
      ['臺南市', '永康區', '710', '23.03', '120.25'],
      ['嘉義縣', '民雄鄉', '621', '23.55', '120.43'],
    ]);
    expect(parseAddress(small, '臺南縣永康市中正路1號')).toEqual({
      county: '臺南市',
      town: '永康區',
      formerCounty: '臺南縣',
      formerTown: '永康市',
    });
    // 新北市 is not in this gazetteer: 臺北縣 stays unknown, as any unknown county.
    expect(parseAddress(small, '臺北縣板橋市文化路1號')).toEqual({});
    // Neither is 高雄市那瑪夏區: 三民鄉 is not guessed.
    expect(parseAddress(small, '高雄縣三民鄉')).toEqual({});
  });
});

describe('currentPlaceNames', () => {
  it.each([
    { county: '臺北縣', town: '板橋市', current: { county: '新北市', town: '板橋區' } },
    { county: '臺北縣', town: '板橋區', current: { county: '新北市', town: '板橋區' } },
    { county: '新北市', town: '板橋市', current: { county: '新北市', town: '板橋區' } },
    { county: '臺北縣', town: '', current: { county: '新北市', town: '' } },
    { county: '桃園縣', town: '桃園市', current: { county: '桃園市', town: '桃園區' } },
    { county: '桃園縣', town: '復興鄉', current: { county: '桃園市', town: '復興區' } },
    { county: '臺南縣', town: '永康市', current: { county: '臺南市', town: '永康區' } },
    { county: '臺中縣', town: '豐原市', current: { county: '臺中市', town: '豐原區' } },
    { county: '高雄縣', town: '三民鄉', current: { county: '高雄市', town: '那瑪夏區' } },
    { county: '高雄縣', town: '那瑪夏鄉', current: { county: '高雄市', town: '那瑪夏區' } },
    { county: '臺南市', town: '中區', current: { county: '臺南市', town: '中西區' } },
    { county: '臺南市', town: '西區', current: { county: '臺南市', town: '中西區' } },
    // 中區 and 西區 alone are places of today (臺中市, 嘉義市): not guessed.
    { county: '', town: '中區', current: undefined },
    { county: '臺中市', town: '中區', current: undefined },
    { county: '嘉義市', town: '西區', current: undefined },
    // Without a county: only where no township of today has the name.
    { county: '', town: '永康市', current: { county: '', town: '永康區' } },
    { county: '', town: '東勢鄉', current: undefined },
    // Names of today, and unknown ones, are left as they are.
    { county: '新北市', town: '板橋區', current: undefined },
    { county: '高雄市', town: '三民區', current: undefined },
    { county: '雲林縣', town: '東勢鄉', current: undefined },
    { county: '新竹縣', town: '竹北市', current: undefined },
    { county: '嘉義縣', town: '永康市', current: undefined },
    { county: '', town: '', current: undefined },
    { county: '火星縣', town: '某某市', current: undefined },
  ])('$county $town', ({ county, town, current }) => {
    expect(currentPlaceNames(gazetteer, county, town)).toEqual(current);
  });
});

describe('巿 (U+5DFF) written for 市', () => {
  it('parses 台北巿大安區 as 臺北市大安區', () => {
    expect(parseAddress(gazetteer, '台北巿大安區和平東路二段106號')).toMatchObject({
      county: '臺北市',
      town: '大安區',
    });
  });
});
