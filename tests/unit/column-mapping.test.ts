import { describe, expect, it } from 'vitest';
import {
  detectColumnMapping,
  looksLikeSecondHeaderRow,
  type MappableField,
  recogniseHeader,
} from '../../src/domain/loading/column-mapping.ts';
import { decodeBytes } from '../../src/domain/loading/decode-bytes.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { readBytes, sharedDataFile } from './fixture-paths.ts';

describe('recogniseHeader', () => {
  const table: [string, MappableField | undefined][] = [
    ['名稱', 'name'],
    ['機構名稱', 'name'],
    ['據點名稱', 'name'],
    ['管理委員會', 'name'],
    ['name', 'name'],
    ['Name', 'name'],
    [' NAME ', 'name'],
    ['ｎａｍｅ', 'name'],
    ['地址', 'address'],
    ['據點地址', 'address'],
    ['建築物地址', 'address'],
    ['address', 'address'],
    ['Address', 'address'],
    ['電話', 'phone'],
    ['聯絡電話', 'phone'],
    ['phone', 'phone'],
    ['Tel', 'phone'],
    ['緯度', 'lat'],
    ['lat', 'lat'],
    ['Latitude', 'lat'],
    ['WGS84 緯度', 'lat'],
    ['經度', 'lng'],
    ['lng', 'lng'],
    ['lon', 'lng'],
    ['longitude', 'lng'],
    ['LONGITUDE', 'lng'],
    ['類別', 'category'],
    ['category', 'category'],
    ['服務項目', 'services'],
    ['services', 'services'],
    ['鄉鎮市區', 'town'],
    ['鄉鎮市區名稱', 'town'],
    ['行政區', 'town'],
    ['TOWN', 'town'],
    ['村里', 'village'],
    ['里別', 'village'],
    ['縣市', 'county'],
    ['縣市名稱', 'county'],
    ['網址', 'website'],
    ['opening_hours', 'openingHours'],
    ['Opening Hours', 'openingHours'],
    ['last-verified', 'lastVerified'],
    ['資料 更新 日期', 'lastVerified'],
    ['編號', 'id'],
    ['（電話）', 'phone'],
    // Registers that were rejected whole (issue 17): their name, address and phone headers.
    ['申請單位名稱', 'name'],
    ['醫事機構名稱', 'name'],
    ['醫療院所', 'name'],
    ['分公司名稱', 'name'],
    ['服務單位名稱', 'name'],
    ['機關名稱', 'name'],
    ['家托機構名稱', 'name'],
    ['文健站', 'name'],
    ['藥局名稱', 'name'],
    ['關懷據點名稱', 'name'],
    ['Organization', 'name'],
    ['機構(服務)地址', 'address'],
    ['機構（服務）地址', 'address'],
    ['立案地址', 'address'],
    ['分公司地址', 'address'],
    ['所在地', 'address'],
    ['營業地址', 'address'],
    ['醫事機構地址', 'address'],
    ['據點電話', 'phone'],
    ['聯絡方式', 'phone'],
    ['機構電話', 'phone'],
    // One cell holds both: taken as the address, the phones split off each row (build-resource.ts).
    ['服務地址/聯絡電話', 'address'],
    ['地址及電話', 'address'],
    ['電話/傳真', 'phone'],
    ['單位', undefined],
    ['所在地區', undefined],
    ['序號', undefined],
    ['據點類型', undefined],
    ['organization_id', undefined],
    ['', undefined],
    ['名稱2', undefined],
  ];
  it.each(table)('%j → %s', (header, field) => {
    expect(recogniseHeader(header)).toBe(field);
  });
});

describe('detectColumnMapping', () => {
  it('maps the Taipei care points headers and leaves the rest as extra', () => {
    expect(
      detectColumnMapping([
        '序號',
        '行政區',
        '里別',
        '據點名稱',
        '據點類型',
        '據點地址',
        '聯絡電話',
        'lat',
        'lon',
      ]),
    ).toEqual({ town: 1, village: 2, name: 3, address: 5, phone: 6, lat: 7, lng: 8 });
  });

  it('maps the HSDS locations headers', () => {
    expect(
      detectColumnMapping([
        'id',
        'organization_id',
        'name',
        'alternate_name',
        'description',
        'transportation',
        'latitude',
        'longitude',
      ]),
    ).toEqual({ id: 0, name: 2, description: 4, lat: 6, lng: 7 });
  });

  it('lets the first column naming a field win', () => {
    expect(detectColumnMapping(['機構名稱', '名稱', 'Name'])).toEqual({ name: 0 });
  });
});

describe('looksLikeSecondHeaderRow', () => {
  it.each([
    {
      case: 'English headers under Chinese ones',
      row: ['INFO_TIME', 'COUNTY_ID', 'COUNTY', 'TOWN_ID', 'TOWN', ''],
      yes: true,
    },
    { case: 'English names for name and address', row: ['Name', 'Address', 'Tel'], yes: true },
    { case: 'a data row', row: ['97Y06M', '10021', '臺南市', '10021010', '東區'], yes: false },
    { case: 'only one known word', row: ['name', 'foo', 'bar'], yes: false },
    { case: 'known words and a number', row: ['name', 'address', '12'], yes: false },
    { case: 'an empty row', row: ['', ''], yes: false },
    { case: 'a data row whose cells happen to be x and y', row: ['甲', 'x', 'y'], yes: false },
    {
      case: 'a data row with two header words and a name',
      row: ['社區關懷據點', '服務', '類型'],
      yes: false,
    },
  ])('$case', ({ row, yes }) => {
    expect(looksLikeSecondHeaderRow(row)).toBe(yes);
  });

  it('spots the English header row of the Big5 population file', () => {
    const table = parseDelimitedText(
      decodeBytes(readBytes(sharedDataFile('tainan-area-population-big5.csv'))).text,
    );
    expect(table.headers).toEqual([
      '統計期或資料時間',
      '縣市代碼',
      '縣市名稱',
      '鄉鎮市區代碼',
      '鄉鎮市區名稱',
      '戶數',
      '人口數',
      '',
    ]);
    expect(detectColumnMapping(table.headers)).toEqual({ county: 2, town: 4 });
    expect(table.rows[0]).toEqual([
      'INFO_TIME',
      'COUNTY_ID',
      'COUNTY',
      'TOWN_ID',
      'TOWN',
      'H_CNT',
      'P_CNT',
      '',
    ]);
    expect(looksLikeSecondHeaderRow(table.rows[0] ?? [])).toBe(true);
    expect(looksLikeSecondHeaderRow(table.rows[1] ?? [])).toBe(false);
  });
});
