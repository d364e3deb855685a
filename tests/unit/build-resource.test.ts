import { describe, expect, it } from 'vitest';
import { buildResource } from '../../src/domain/loading/build-resource.ts';
import type { MappableField } from '../../src/domain/loading/column-mapping.ts';
import type { RawRecord } from '../../src/domain/loading/raw-record.ts';
import { asLngLat } from '../../src/domain/model/coordinates.ts';
import { contextFor } from './load-context.ts';

type Fields = Partial<Record<MappableField, string>>;

/** A CSV-like record whose headers are the field names. */
const record = (fields: Fields, more: Partial<RawRecord> = {}): RawRecord => ({
  row: 5,
  fields,
  headers: Object.fromEntries(Object.keys(fields).map((f) => [f, f])),
  extra: {},
  ...more,
});
const ctx = contextFor({ file: 'f.csv', category: 'community-association', source: '預設來源' });
const build = (fields: Fields, more: Partial<RawRecord> = {}, context = ctx) =>
  buildResource(record(fields, more), context);
const codes = (fields: Fields, more: Partial<RawRecord> = {}) =>
  build(fields, more).issues.map((i) => i.code);

describe('buildResource: names', () => {
  it.each(['', '   ', '\u3000', undefined])(
    'rejects a row without a name (%j) with an error at its row',
    (name) => {
      const result = build(name === undefined ? { address: '嘉義縣民雄鄉' } : { name });
      expect(result.resource).toBeNull();
      expect(result.issues).toEqual([
        expect.objectContaining({ code: 'missing-name', severity: 'error', row: 5, file: 'f.csv' }),
      ]);
    },
  );

  it('trims the name and keeps everything else about it', () => {
    expect(build({ name: '  民雄 <b>社福</b> 中心 ' }).resource?.name).toBe('民雄 <b>社福</b> 中心');
  });
});

describe('buildResource: places', () => {
  it.each([
    {
      case: 'county and town from the address',
      fields: { address: '嘉義縣民雄鄉江厝店29之4號' },
      county: '嘉義縣',
      town: '民雄鄉',
    },
    { case: '台 in the address', fields: { address: '台南市東區大學路1號' }, county: '臺南市', town: '東區' },
    {
      case: '台 in the county column',
      fields: { county: '台南市', address: '東區大學路1號' },
      county: '臺南市',
      town: '東區',
    },
    {
      case: 'town column wins over address',
      fields: { town: '北區', address: '臺南市東區大學路1號' },
      county: '臺南市',
      town: '北區',
    },
    {
      case: 'county column with a town-only address',
      fields: { county: '嘉義市', address: '東區中山路199號' },
      county: '嘉義市',
      town: '東區',
    },
    { case: 'nothing known', fields: { address: '復興南路2段148巷24號' }, county: '', town: '' },
  ])('$case', ({ fields, county, town }) => {
    expect(build({ name: 'x', ...fields }).resource).toMatchObject({ county, town });
  });

  it('falls back to the file default county for a town-only address', () => {
    const tainan = contextFor({ file: 'f.csv', county: '台南市' });
    expect(build({ name: 'x', address: '東區莊敬路219巷15號' }, {}, tainan).resource).toMatchObject({
      county: '臺南市',
      town: '東區',
      precision: 'approximate-town',
    });
  });

  it('reports several addresses in one cell and places the row by the first', () => {
    const result = build({ name: 'x', address: '嘉義縣民雄鄉江厝店1號；嘉義縣太保市2號' });
    expect(result.resource).toMatchObject({
      town: '民雄鄉',
      address: '嘉義縣民雄鄉江厝店1號；嘉義縣太保市2號',
    });
    expect(result.issues.map((i) => [i.code, i.severity, i.column])).toContainEqual([
      'multiple-addresses',
      'info',
      'address',
    ]);
  });
});

describe('buildResource: names from before the 2010/2014 mergers', () => {
  it.each([
    {
      case: 'in the address',
      fields: { address: '臺南縣永康市中正路1號' },
      county: '臺南市',
      town: '永康區',
      issue: { column: 'address', value: '臺南縣永康市 → 臺南市永康區' },
    },
    {
      case: 'a former township alone in the address',
      fields: { address: '台北縣板橋市文化路一段1號' },
      county: '新北市',
      town: '板橋區',
      issue: { column: 'address', value: '臺北縣板橋市 → 新北市板橋區' },
    },
    {
      case: 'in the county and town cells',
      fields: { county: '台北縣', town: '板橋市', address: '文化路一段1號' },
      county: '新北市',
      town: '板橋區',
      issue: { column: 'county', value: '臺北縣板橋市 → 新北市板橋區' },
    },
    {
      case: 'a former county cell, the township from a current address',
      fields: { county: '桃園縣', address: '中壢區中大路300號' },
      county: '桃園市',
      town: '中壢區',
      issue: { column: 'county', value: '桃園縣中壢區 → 桃園市中壢區' },
    },
    {
      case: 'a former county cell, the former township from the address',
      fields: { county: '高雄縣', address: '鳳山市光復路二段1號' },
      county: '高雄市',
      town: '鳳山區',
      issue: { column: 'county', value: '高雄縣鳳山市 → 高雄市鳳山區' },
    },
    {
      case: 'a former township cell in a current county',
      fields: { county: '臺中市', town: '大甲鎮' },
      county: '臺中市',
      town: '大甲區',
      issue: { column: 'town', value: '臺中市大甲鎮 → 臺中市大甲區' },
    },
    {
      case: 'a former address where the cells already say it in names of today',
      fields: { county: '臺南市', town: '永康區', address: '臺南縣永康市中正路1號' },
      county: '臺南市',
      town: '永康區',
      issue: undefined,
    },
    {
      case: 'names of today',
      fields: { address: '新北市板橋區文化路一段1號' },
      county: '新北市',
      town: '板橋區',
      issue: undefined,
    },
  ])('$case', ({ fields, county, town, issue }) => {
    const result = build({ name: 'x', ...fields });
    expect(result.resource).toMatchObject({ county, town, precision: 'approximate-town' });
    expect(result.resource?.position).toEqual(ctx.gazetteer.find(county, town)?.centroid);
    const former = result.issues.filter((i) => i.code === 'former-place-name');
    expect(former).toEqual(
      issue ? [{ code: 'former-place-name', severity: 'warning', file: 'f.csv', row: 5, ...issue }] : [],
    );
  });

  it('keeps the address as written', () => {
    expect(build({ name: 'x', address: '臺南縣永康市中正路1號' }).resource?.address).toBe(
      '臺南縣永康市中正路1號',
    );
  });
});

describe('buildResource: positions', () => {
  it.each([
    { case: 'exact', lat: '23.56', lng: '120.44', precision: 'exact', position: [23.56, 120.44], issues: [] },
    {
      case: 'full-width',
      lat: '２３．５６',
      lng: '１２０．４４',
      precision: 'exact',
      position: [23.56, 120.44],
      issues: [],
    },
    {
      case: 'DMS',
      lat: `23°33'36"`,
      lng: `120°26'24"`,
      precision: 'exact',
      position: [23.56, 120.44],
      issues: [],
    },
    {
      case: 'swapped',
      lat: '120.44',
      lng: '23.56',
      precision: 'exact',
      position: [23.56, 120.44],
      issues: ['swapped-coordinates'],
    },
    {
      case: 'zero',
      lat: '0',
      lng: '0',
      precision: 'approximate-town',
      issues: ['coordinates-zero', 'approximate-location'],
    },
    {
      case: 'outside Taiwan',
      lat: '24.48',
      lng: '118.09',
      precision: 'approximate-town',
      issues: ['coordinates-outside-taiwan', 'approximate-location'],
    },
    {
      case: 'unreadable',
      lat: 'abc',
      lng: '120.44',
      precision: 'approximate-town',
      issues: ['coordinates-invalid', 'approximate-location'],
    },
    {
      case: 'half missing',
      lat: '23.56',
      lng: '',
      precision: 'approximate-town',
      issues: ['coordinates-invalid', 'approximate-location'],
    },
    {
      case: 'out of range',
      lat: '95',
      lng: '200',
      precision: 'approximate-town',
      issues: ['coordinates-invalid', 'approximate-location'],
    },
    { case: 'absent', lat: '', lng: ' ', precision: 'approximate-town', issues: ['approximate-location'] },
    // 0x17 is 23 and 1.2044e2 is 120.44 to Number(), but not coordinates anyone wrote.
    {
      case: 'hexadecimal',
      lat: '0x17',
      lng: '120.44',
      precision: 'approximate-town',
      issues: ['coordinates-invalid', 'approximate-location'],
    },
    {
      case: 'exponent',
      lat: '23.56',
      lng: '1.2044e2',
      precision: 'approximate-town',
      issues: ['coordinates-invalid', 'approximate-location'],
    },
  ])('$case coordinates', ({ lat, lng, precision, position, issues }) => {
    const result = build({ name: 'x', address: '嘉義縣民雄鄉江厝店', lat, lng });
    expect(result.resource?.precision).toBe(precision);
    if (position) {
      const [lat, lng] = result.resource?.position ?? [Number.NaN, Number.NaN];
      expect([lat, lng].map((v) => v.toFixed(9))).toEqual(position.map((v) => v.toFixed(9)));
    } else expect(result.resource?.position).toEqual(ctx.gazetteer.find('嘉義縣', '民雄鄉')?.centroid);
    expect(result.issues.map((i) => i.code)).toEqual(issues);
  });

  it('says where an approximate row was placed', () => {
    expect(build({ name: 'x', address: '嘉義縣民雄鄉' }).issues).toEqual([
      {
        code: 'approximate-location',
        severity: 'info',
        file: 'f.csv',
        row: 5,
        column: 'address',
        value: '嘉義縣民雄鄉',
      },
    ]);
  });

  it('keeps a row it cannot place, as missing, with a warning', () => {
    const result = build({ name: 'x', address: '復興南路2段148巷24號' });
    expect(result.resource).toMatchObject({ position: null, precision: 'missing' });
    expect(result.issues).toEqual([
      {
        code: 'missing-location',
        severity: 'warning',
        file: 'f.csv',
        row: 5,
        column: 'address',
        value: '復興南路2段148巷24號',
      },
    ]);
  });

  it('reads a GeoJSON point in [lng, lat] order', () => {
    const result = build({ name: 'x' }, { point: asLngLat(120.188443, 23.005153) });
    expect([...(result.resource?.position ?? [])]).toEqual([23.005153, 120.188443]);
    expect(result.resource?.precision).toBe('exact');
  });

  it('locates a non-point feature by its address, with a warning', () => {
    expect(codes({ name: 'x', address: '嘉義縣民雄鄉' }, { otherGeometry: 'Polygon' })).toEqual([
      'non-point-geometry',
      'approximate-location',
    ]);
  });
});

describe('buildResource: categories and services', () => {
  it.each([
    { raw: '', category: 'community-association', issues: [] },
    { raw: 'care-point', category: 'care-point', issues: [] },
    { raw: '社區照顧關懷據點', category: 'care-point', issues: [] },
    { raw: '關懷 據點', category: 'care-point', issues: [] },
    { raw: 'Community care point', category: 'care-point', issues: [] },
    { raw: '日安社會福利服務中心', category: 'welfare-center', issues: [] },
    { raw: '神秘機構', category: 'community-association', issues: ['unknown-category'] },
  ])('category $raw → $category', ({ raw, category, issues }) => {
    const result = build({ name: 'x', address: '嘉義縣民雄鄉', category: raw });
    expect(result.resource?.category).toBe(category);
    expect(result.issues.map((i) => i.code).filter((c) => c !== 'approximate-location')).toEqual(issues);
    if (issues.length > 0) expect(result.resource?.extra).toEqual({ category: raw });
  });

  it('maps service labels to tag ids and keeps unknown ones as written', () => {
    const result = build({
      name: 'x',
      address: '嘉義縣民雄鄉',
      services: '共餐、關懷訪視;通報；跳舞 / 課輔',
    });
    expect(result.resource?.services).toEqual([
      'meals',
      'home-visits',
      'referral',
      '跳舞',
      'after-school-care',
    ]);
    expect(
      result.issues.filter((i) => i.code === 'unknown-service').map((i) => [i.value, i.severity]),
    ).toEqual([['跳舞', 'info']]);
  });
});

describe('buildResource: other fields', () => {
  it('builds a complete resource from every field', () => {
    const result = build(
      {
        id: "'A-1",
        name: '民雄社福中心',
        category: '社福中心',
        services: '福利諮詢',
        address: '621嘉義縣民雄鄉江厝店29之4號',
        village: ' 東榮村 ',
        lat: '23.5537',
        lng: '120.4316',
        phone: '(05)220-7017 分機17；1957',
        openingHours: ' Mo-Fr 08:00-17:00 ',
        website: 'www.cyhg.gov.tw',
        description: ' 說明 ',
        source: '嘉義縣政府',
        lastVerified: '112/03/15',
        visibility: '公開',
      },
      { extra: { 備註二: '保留' } },
    );
    expect(result.issues).toEqual([]);
    expect(result.resource).toEqual({
      id: 'A-1',
      name: '民雄社福中心',
      category: 'welfare-center',
      services: ['welfare-advice'],
      address: '621嘉義縣民雄鄉江厝店29之4號',
      county: '嘉義縣',
      town: '民雄鄉',
      village: '東榮村',
      position: [23.5537, 120.4316],
      precision: 'exact',
      phones: ['(05)220-7017 分機17', '1957'],
      openingHours: 'Mo-Fr 08:00-17:00',
      website: 'https://www.cyhg.gov.tw/',
      description: '說明',
      source: '嘉義縣政府',
      lastVerified: '2023-03-15',
      visibility: 'public',
      extra: { 備註二: '保留' },
    });
  });

  it('leaves out empty optional fields and uses the file defaults', () => {
    const resource = build({
      name: 'x',
      address: '嘉義縣民雄鄉',
      website: ' ',
      lastVerified: '',
      village: '',
    }).resource;
    expect(resource).not.toHaveProperty('website');
    expect(resource).not.toHaveProperty('lastVerified');
    expect(resource).not.toHaveProperty('village');
    expect(resource).toMatchObject({
      source: '預設來源',
      visibility: 'public',
      category: 'community-association',
    });
  });

  it.each([
    { field: 'website', value: 'javascript:alert(1)', code: 'invalid-website' },
    { field: 'website', value: '無', code: 'invalid-website' },
    { field: 'lastVerified', value: '//', code: 'invalid-date' },
    { field: 'lastVerified', value: '086/08/00', code: 'invalid-date' },
  ] as const)('reports $field $value and keeps it as written in extra', ({ field, value, code }) => {
    const result = build({ name: 'x', address: '嘉義縣民雄鄉', [field]: value });
    expect(result.resource).not.toHaveProperty(field);
    expect(result.resource?.extra).toEqual({ [field]: value });
    expect(result.issues.map((i) => [i.code, i.severity, i.value])).toContainEqual([code, 'warning', value]);
  });

  it.each([
    { raw: 'internal', visibility: 'internal' },
    { raw: ' 內部 ', visibility: 'internal' },
    { raw: '不公開', visibility: 'internal' },
    { raw: 'FALSE', visibility: 'internal' },
    { raw: '公開', visibility: 'public' },
    { raw: '', visibility: 'public' },
  ])('visibility $raw → $visibility', ({ raw, visibility }) => {
    expect(build({ name: 'x', visibility: raw }).resource?.visibility).toBe(visibility);
  });

  it('gives rows without an id a stable id from file, name and address', () => {
    const id = (fields: Fields, context = ctx) => build(fields, {}, context).resource?.id;
    const a = id({ name: '甲', address: '嘉義縣民雄鄉' });
    expect(a).toMatch(/^[0-9a-z]+-[0-9a-z]+$/);
    expect(id({ name: '甲', address: '嘉義縣民雄鄉' })).toBe(a);
    expect(id({ name: '甲', address: '嘉義縣太保市' })).not.toBe(a);
    expect(id({ name: '乙', address: '嘉義縣民雄鄉' })).not.toBe(a);
    expect(id({ name: '甲', address: '嘉義縣民雄鄉' }, contextFor({ file: 'other.csv' }))).not.toBe(a);
    expect(id({ name: '甲', id: '  ' })).not.toBe('');
  });
});
