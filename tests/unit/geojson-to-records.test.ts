import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geojsonToRecords } from '../../src/domain/loading/geojson-to-records.ts';
import { sharedDataFile } from './fixture-paths.ts';

const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const point = (properties: unknown, coordinates: unknown = [120.188443, 23.005153]) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates },
});

describe('geojsonToRecords', () => {
  it('maps properties by header name and keeps the [lng, lat] point as written', () => {
    const { records, issues } = geojsonToRecords(
      collection(point({ 管理委員會: '湖美名園', 建築物地址: '中西區光賢街', 棟數: 22, 成立核准日期: '' })),
      'f.geojson',
    );
    expect(issues).toEqual([]);
    expect(records).toEqual([
      {
        row: 1,
        fields: { name: '湖美名園', address: '中西區光賢街' },
        headers: { name: '管理委員會', address: '建築物地址' },
        extra: { 棟數: '22' },
        point: [120.188443, 23.005153],
      },
    ]);
  });

  it.each([
    { case: 'a number', value: 12.5, text: '12.5' },
    { case: 'a boolean', value: true, text: 'true' },
    { case: 'null', value: null, text: '' },
    { case: 'a list', value: ['餐食', '訪視'], text: '餐食、訪視' },
    { case: 'an object', value: { a: 1 }, text: '{"a":1}' },
  ])('writes $case property as text', ({ value, text }) => {
    const [record] = geojsonToRecords(collection(point({ name: 'x', services: value })), 'f').records;
    expect(record?.fields.services).toBe(text);
  });

  it('takes the feature id when the properties have none', () => {
    const features = [
      { ...point({ name: 'a' }), id: 7 },
      { ...point({ name: 'b', id: 'own' }), id: 8 },
    ];
    expect(geojsonToRecords(collection(...features), 'f').records.map((r) => r.fields.id)).toEqual([
      '7',
      'own',
    ]);
  });

  it.each([
    {
      case: 'an empty name before a filled-in 名稱',
      properties: { name: '', 名稱: '民雄關懷據點' },
      fields: { name: '民雄關懷據點' },
      headers: { name: '名稱' },
      extra: {},
    },
    {
      case: 'a filled-in 名稱 before an empty name',
      properties: { 名稱: '民雄關懷據點', name: '' },
      fields: { name: '民雄關懷據點' },
      headers: { name: '名稱' },
      extra: {},
    },
    {
      case: 'a null name before a filled-in 名稱',
      properties: { name: null, 名稱: '民雄關懷據點' },
      fields: { name: '民雄關懷據點' },
      headers: { name: '名稱' },
      extra: {},
    },
    {
      case: 'a name of spaces before a filled-in 名稱 (the spaces stay in extra)',
      properties: { name: '  ', 名稱: '民雄關懷據點' },
      fields: { name: '民雄關懷據點' },
      headers: { name: '名稱' },
      extra: { name: '  ' },
    },
    {
      case: 'two filled-in names: the first wins, the other is kept in extra (as CSV columns are)',
      properties: { name: 'Minxiong care point', 名稱: '民雄關懷據點' },
      fields: { name: 'Minxiong care point' },
      headers: { name: 'name' },
      extra: { 名稱: '民雄關懷據點' },
    },
    {
      case: 'three names, the first two empty',
      properties: { name: '', 名稱: '', 機構名稱: '民雄關懷據點', title: 'Minxiong' },
      fields: { name: '民雄關懷據點' },
      headers: { name: '機構名稱' },
      extra: { title: 'Minxiong' },
    },
    {
      case: 'two empty names: the first is the column a missing name is reported in',
      properties: { name: '', 名稱: '' },
      fields: { name: '' },
      headers: { name: 'name' },
      extra: {},
    },
    {
      case: 'an empty address before a filled-in 地址, with the name elsewhere',
      properties: { 地址: '', 名稱: '甲', address: '嘉義縣民雄鄉' },
      fields: { address: '嘉義縣民雄鄉', name: '甲' },
      headers: { address: 'address', name: '名稱' },
      extra: {},
    },
  ])('several properties for one field: $case', ({ properties, fields, headers, extra }) => {
    const [record] = geojsonToRecords(collection(point(properties)), 'f').records;
    expect(record).toMatchObject({ fields, headers });
    expect(record?.extra).toEqual(extra);
  });

  it('takes the feature id when the id property is empty', () => {
    const features = [
      { ...point({ name: 'a', id: '' }), id: 7 },
      { ...point({ name: 'b', id: 'own' }), id: 8 },
      point({ name: 'c', id: '' }),
    ];
    expect(geojsonToRecords(collection(...features), 'f').records.map((r) => r.fields.id)).toEqual([
      '7',
      'own',
      '',
    ]);
  });

  it.each([
    { case: 'a polygon', geometry: { type: 'Polygon', coordinates: [] }, other: 'Polygon' },
    {
      case: 'a point with text coordinates',
      geometry: { type: 'Point', coordinates: ['120', '23'] },
      other: 'Point',
    },
    { case: 'a geometry without a type', geometry: {}, other: 'unknown' },
  ])('marks $case as another geometry, without a point', ({ geometry, other }) => {
    const [record] = geojsonToRecords(
      collection({ type: 'Feature', properties: { name: 'x' }, geometry }),
      'f',
    ).records;
    expect(record?.otherGeometry).toBe(other);
    expect(record?.point).toBeUndefined();
  });

  it('reads a feature without geometry as address-only', () => {
    const [record] = geojsonToRecords(
      collection({ type: 'Feature', properties: { name: 'x' }, geometry: null }),
      'f',
    ).records;
    expect(record).toEqual({ row: 1, fields: { name: 'x' }, headers: { name: 'name' }, extra: {} });
  });

  it('reads a single Feature as one record', () => {
    expect(geojsonToRecords(JSON.stringify(point({ name: 'x' })), 'f').records).toHaveLength(1);
  });

  it.each([
    { case: 'null', feature: null },
    { case: 'a number', feature: 3 },
    { case: 'a feature without properties', feature: { type: 'Feature' } },
    { case: 'properties that are a list', feature: { type: 'Feature', properties: ['x'] } },
  ])('keeps a malformed feature ($case) as a record without fields, numbered', ({ feature }) => {
    const { records } = geojsonToRecords(
      collection(point({ name: 'a' }), feature, point({ name: 'c' })),
      'f',
    );
    expect(records.map((r) => [r.row, r.fields.name])).toEqual([
      [1, 'a'],
      [2, undefined],
      [3, 'c'],
    ]);
  });

  it('keeps a property called __proto__ as data', () => {
    const [record] = geojsonToRecords(
      '{"type":"Feature","properties":{"name":"x","__proto__":"y"}}',
      'f',
    ).records;
    expect(Object.entries(record?.extra ?? {})).toEqual([['__proto__', 'y']]);
  });

  it.each([
    { case: 'broken JSON', text: '{"type": "FeatureCollection", ', value: 'JSON' },
    { case: 'a bare geometry', text: '{"type":"Point","coordinates":[120,23]}', value: 'GeoJSON' },
    {
      case: 'features that are not a list',
      text: '{"type":"FeatureCollection","features":{}}',
      value: 'GeoJSON',
    },
  ])('reports $case as unreadable', ({ text, value }) => {
    expect(geojsonToRecords(text, 'f')).toEqual({
      records: [],
      issues: [{ code: 'file-unreadable', severity: 'error', file: 'f', value }],
    });
  });

  it('reports an empty collection', () => {
    expect(geojsonToRecords(collection(), 'f').issues).toEqual([
      { code: 'file-empty', severity: 'warning', file: 'f' },
    ]);
  });

  it('reads all 2,869 Tainan points in [lng, lat] order', () => {
    const { records, issues } = geojsonToRecords(
      readFileSync(sharedDataFile('tainan-building-committees.geojson'), 'utf8'),
      'tainan.geojson',
    );
    expect(issues).toEqual([]);
    expect(records).toHaveLength(2869);
    expect(records.map((r) => r.row)).toEqual(Array.from({ length: 2869 }, (_, i) => i + 1));
    expect(records.every((r) => r.point !== undefined)).toBe(true);
    expect(records[0]).toMatchObject({
      fields: { id: '1', name: '湖美名園NO.6社區', address: '中西區光賢街21巷2弄35號' },
      point: [120.188443, 23.005153],
    });
  });
});
