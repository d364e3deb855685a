import { describe, expect, it } from 'vitest';
import { filterResources, NO_FILTERS } from '../../../src/domain/query/filter-resources.ts';
import { dataset, reader } from './real-data.ts';

/**
 * What the first result must be: a record (by id), or — where several records answer the query equally well
 * and only the display order tells them apart — the township or county it lies in, its category or a service.
 */
type Top =
  | { readonly id: string }
  | { readonly place: string }
  | { readonly category: string }
  | { readonly service: string }
  | { readonly place: string; readonly service: string };

interface Case {
  readonly query: string;
  readonly top: Top;
  /** The results are for this query instead (您是不是要找…). */
  readonly correction?: string;
}

// Every query the issue lists first (they found nothing before), then more of what residents type.
const CASES: readonly Case[] = [
  { query: '社福中心', top: { category: 'welfare-center' } },
  { query: '社福', top: { category: 'welfare-center' } },
  { query: '民雄社福中心', top: { id: 'chiayi-wc-minxiong' } },
  { query: '日安民雄社會福利服務中心', top: { id: 'chiayi-wc-minxiong' } },
  { query: '心衛中心', top: { id: 'chiayi-mh-center' } },
  { query: '民雄餐食', top: { place: '民雄鄉', service: 'meals' } },
  { query: '友善商家', top: { category: 'friendly-shop' } },
  { query: '社區協會', top: { category: 'community-association' } },
  { query: '心理諮商站', top: { id: 'chiayi-mh-center' } },
  { query: '共餐', top: { service: 'meals' } },
  { query: '供餐', top: { service: 'meals' } },
  { query: '長期照顧', top: { service: 'long-term-care' } },
  { query: '課輔', top: { service: 'after-school-care' } },
  { query: '民熊', top: { place: '民雄鄉' }, correction: '民雄' },
  { query: 'Minxiong', top: { place: '民雄鄉' } },
  { query: 'Kinmen', top: { place: '金門縣' } },
  { query: '1925', top: { id: 'chiayi-mh-center' } },
  { query: '2207017', top: { id: 'chiayi-wc-minxiong' } },
  // Phone numbers as people write them.
  { query: '05-2207017', top: { id: 'chiayi-wc-minxiong' } },
  { query: '(05)220-7017', top: { id: 'chiayi-wc-minxiong' } },
  { query: '05 220 7017', top: { id: 'chiayi-wc-minxiong' } },
  { query: '+886 5 220 7017', top: { id: 'chiayi-wc-minxiong' } },
  { query: '０５－２２０７０１７', top: { id: 'chiayi-wc-minxiong' } },
  { query: '053790220', top: { id: 'chiayi-wc-puzi' } },
  { query: '3790220', top: { id: 'chiayi-wc-puzi' } },
  { query: '05-3470322', top: { id: 'chiayi-wc-budai' } },
  { query: '239-2100', top: { id: 'chiayi-wc-zhongpu' } },
  { query: '05-3621150', top: { id: 'chiayi-mh-center' } },
  // Places: Chinese with and without 鄉/市, 台/臺, 巿/市, English (the Ministry of the Interior's romanisation).
  { query: '民雄', top: { place: '民雄鄉' } },
  { query: '民雄鄉', top: { place: '民雄鄉' } },
  { query: '嘉義縣民雄鄉', top: { place: '民雄鄉' } },
  { query: '朴子', top: { place: '朴子市' } },
  { query: '朴子巿', top: { place: '朴子市' } },
  { query: '太保市', top: { place: '太保市' } },
  { query: 'Taibao', top: { place: '太保市' } },
  { query: 'Puzi City', top: { place: '朴子市' } },
  { query: 'Budai', top: { place: '布袋鎮' } },
  { query: 'Zhuqi Township', top: { place: '竹崎鄉' } },
  { query: 'Jincheng', top: { place: '金城鎮' } },
  { query: 'jinhu', top: { place: '金湖鎮' } },
  { query: 'Lieyu', top: { place: '烈嶼鄉' } },
  { query: 'Kinmen County', top: { place: '金門縣' } },
  { query: 'Chiayi County', top: { place: '嘉義縣' } },
  { query: 'ＭＩＮＸＩＯＮＧ', top: { place: '民雄鄉' } },
  { query: '嘉義 民雄', top: { place: '民雄鄉' } },
  // Offices and named places.
  { query: '金城鎮公所', top: { id: 'kinmen-office-jincheng' } },
  { query: '金湖公所', top: { id: 'kinmen-office-jinhu' } },
  { query: '烈嶼鄉公所', top: { id: 'kinmen-office-lieyu' } },
  { query: '公所', top: { category: 'township-office' } },
  { query: '鎮公所', top: { category: 'township-office' } },
  { query: '金門社會處', top: { id: 'kinmen-social-affairs' } },
  { query: '社會處', top: { id: 'kinmen-social-affairs' } },
  { query: '嘉義縣日安社會福利服務中心（民雄）', top: { id: 'chiayi-wc-minxiong' } },
  // Addresses and landmarks.
  { query: '江厝店', top: { id: 'chiayi-wc-minxiong' } },
  { query: '山通路', top: { id: 'chiayi-wc-puzi' } },
  { query: '中山路206號', top: { id: 'chiayi-wc-budai' } },
  { query: '東石國中', top: { id: 'chiayi-wc-puzi' } },
  { query: '柳林國小', top: { id: 'chiayi-wc-shuishang' } },
  { query: '鹿滿國小', top: { id: 'chiayi-wc-zhuqi' } },
  { query: '太保二路', top: { id: 'chiayi-mh-center' } },
  // Categories and services, by name, alias, abbreviation or in English.
  { query: '心理衛生', top: { id: 'chiayi-mh-center' } },
  { query: '心衛', top: { id: 'chiayi-mh-center' } },
  { query: 'mental health', top: { id: 'chiayi-mh-center' } },
  { query: 'counselling', top: { id: 'chiayi-mh-center' } },
  { query: '諮商', top: { id: 'chiayi-mh-center' } },
  { query: '關懷據點', top: { category: 'care-point' } },
  { query: '照顧關懷據點', top: { category: 'care-point' } },
  { query: '課後照顧', top: { category: 'after-school' } },
  { query: '課後陪伴', top: { category: 'after-school' } },
  { query: '安全等候', top: { service: 'child-safe-waiting' } },
  { query: '兒少', top: { service: 'child-safe-waiting' } },
  { query: '長照', top: { service: 'long-term-care' } },
  { query: 'welfare center', top: { category: 'welfare-center' } },
  { query: 'friendly shop', top: { category: 'friendly-shop' } },
  { query: 'meals', top: { service: 'meals' } },
  { query: '福利諮詢', top: { service: 'welfare-advice' } },
  { query: '通報', top: { service: 'referral' } },
  { query: '訪視', top: { service: 'home-visits' } },
  { query: '培力', top: { service: 'community-empowerment' } },
  // A place and a need together, with or without a space.
  { query: '民雄長照', top: { id: 'sample-assoc-028' } },
  { query: '長照 民雄', top: { id: 'sample-assoc-028' } },
  { query: '竹崎 餐食', top: { place: '竹崎鄉', service: 'meals' } },
  { query: '番路便當', top: { id: 'sample-shop-001' } },
  { query: '竹崎藥局', top: { id: 'sample-shop-006' } },
  { query: '阿里山 早餐', top: { id: 'sample-shop-008' } },
  { query: 'Minxiong meals', top: { place: '民雄鄉', service: 'meals' } },
  { query: '民雄 社福', top: { id: 'chiayi-wc-minxiong' } },
  { query: '朴子社福中心', top: { id: 'chiayi-wc-puzi' } },
  { query: '太保心衛中心', top: { id: 'chiayi-mh-center' } },
  // One wrong character.
  { query: '日安社會福力', top: { category: 'welfare-center' }, correction: '日安社會福利' },
  { query: '社會福力服務中心', top: { category: 'welfare-center' }, correction: '社會福利服務中心' },
  { query: 'minxoing', top: { place: '民雄鄉' }, correction: 'minxiong' },
  { query: 'kinmem', top: { place: '金門縣' }, correction: 'kinmen' },
  { query: '布帶', top: { place: '布袋鎮' }, correction: '布袋' },
  { query: '民熊 餐食', top: { place: '民雄鄉', service: 'meals' }, correction: '民雄 餐食' },
];

const topOf = (query: string) => {
  const result = filterResources(dataset, { ...NO_FILTERS, query }, undefined, reader);
  return { result, top: dataset.resources[result.visible[0] ?? -1] };
};

describe('real-world queries against the data in data/', () => {
  it('has at least 60 of them', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CASES)('$query', ({ query, top: expected, correction }) => {
    const { result, top } = topOf(query);
    expect(top, `${query} found nothing`).toBeDefined();
    if (!top) return;
    if ('id' in expected) expect(top.id).toBe(expected.id);
    if ('place' in expected) expect([top.county, top.town]).toContain(expected.place);
    if ('category' in expected) expect(top.category).toBe(expected.category);
    if ('service' in expected) expect(top.services).toContain(expected.service);
    expect(result.correction).toBe(correction);
  });

  it.each(['民雄社福中心', '民雄餐食', 'Minxiong', '民熊', '05-2207017'])(
    '%s finds nothing read word by word, as typed (the old reading)',
    (query) => {
      expect(filterResources(dataset, { ...NO_FILTERS, query }).visible).toEqual([]);
    },
  );
});
