import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedDataFile } from './fixture-paths.ts';
import { accountFor, importBytes } from './import-context.ts';

/** The real Tainan committees as a plain list of objects with Lat/Lng (as the mask map's pharmacies came). */
const committees = (
  JSON.parse(readFileSync(sharedDataFile('tainan-building-committees.geojson'), 'utf8')) as {
    features: { properties: Record<string, string>; geometry: { coordinates: [number, number] } }[];
  }
).features.map(({ properties, geometry: { coordinates } }) => ({
  ...properties,
  Lat: coordinates[1],
  Lng: coordinates[0],
}));
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('JSON lists import as tables', () => {
  it.each([
    { shape: 'a bare array', json: committees },
    { shape: '{"data": […]}', json: { success: true, data: committees } },
    {
      shape: '{"result": {"records": […]}} (data.gov.tw)',
      json: { result: { limit: 1, records: committees } },
    },
  ])('$shape', ({ json }) => {
    const result = importBytes(encode(json), { file: 'list.json' });
    expect(result.format).toBe('json');
    expect(result.headers).toEqual([...Object.keys(committees[0] ?? {})]);
    expect(result.mapping).toMatchObject({
      name: '管理委員會',
      address: '建築物地址',
      lat: 'Lat',
      lng: 'Lng',
    });
    expect(accountFor(result)).toMatchObject({ rows: 2869, rejected: 0, 'needs-location': 0 });
    expect(result.resources[0]).toMatchObject({
      name: '湖美名園NO.6社區',
      position: [23.005153, 120.188443],
    });
  });

  it('keeps GeoJSON as GeoJSON, and says a JSON without a list of objects is unreadable', () => {
    const geojson = importBytes(readFileSync(sharedDataFile('tainan-building-committees.geojson')), {
      file: 'points.json',
    });
    expect(geojson.format).toBe('geojson');
    expect(geojson.resources).toHaveLength(2869);
    const numbers = importBytes(encode([1, 2, 3]), { file: 'numbers.json' });
    expect(numbers.resources).toEqual([]);
    expect(numbers.issues.map((i) => i.code)).toEqual(['file-unreadable']);
  });
});
