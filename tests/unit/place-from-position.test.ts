import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placeOf } from '../../src/domain/geo/boundaries.ts';
import { atlasBoundaries } from './atlas-boundaries.ts';
import { readBytes, sharedDataFile } from './fixture-paths.ts';
import { accountFor, importBytes } from './import-context.ts';

const towns = atlasBoundaries('towns');
const villages = atlasBoundaries('villages');
const encode = (text: string) => new TextEncoder().encode(text);
const codes = (result: ReturnType<typeof importBytes>, row: number) =>
  result.rows.find((r) => r.row === row)?.issues.map((i) => i.code) ?? [];

describe('place from position (the Ministry of the Interior boundaries)', () => {
  const path = sharedDataFile('tainan-building-committees.geojson');
  const result = importBytes(readBytes(path), { file: 'tainan.geojson' }, {}, villages);
  const features = (
    JSON.parse(readFileSync(path, 'utf8')) as { features: { geometry: { coordinates: [number, number] } }[] }
  ).features;

  it('gives every Tainan committee (positions, no county in the address) the township it lies in', () => {
    expect(accountFor(result)).toMatchObject({ rows: 2869, rejected: 0, 'needs-location': 0 });
    expect(result.resources.filter((r) => r.county !== '臺南市')).toEqual([]);
    result.resources.forEach((resource, i) => {
      const [lng, lat] = features[i]?.geometry.coordinates ?? [0, 0];
      const area = placeOf(resource.position ?? ([lat, lng] as never), towns);
      if (resource.town !== area?.town) {
        // Only where the address names another district than the point's: a warning says so.
        expect(codes(result, i + 1)).toContain('place-disagrees');
      }
    });
    // 東區, 南區, 北區: the districts the inventory showed empty (issue 17).
    for (const town of ['東區', '南區', '北區'])
      expect(result.resources.filter((r) => r.town === town).length).toBeGreaterThan(100);
    // The village too, but for the 8 whose address names another district than the point: those are warned.
    const withoutVillage = result.resources.flatMap((r, i) => (r.village?.endsWith('里') ? [] : [i + 1]));
    expect(withoutVillage.length).toBeLessThan(20);
    for (const row of withoutVillage) expect(codes(result, row)).toContain('place-disagrees');
  });

  it.each([
    {
      what: 'no county, no township: both from the position, with a note',
      csv: '名稱,地址,lat,lng\r\n安平測試據點,安平路1號,22.9985,120.1606\r\n',
      county: '臺南市',
      town: '安平區',
      code: 'place-from-position',
    },
    {
      what: 'an address in another county than the position: a warning',
      csv: '名稱,地址,lat,lng\r\n錯置據點,臺北市中正區重慶南路一段1號,22.9985,120.1606\r\n',
      county: '臺北市',
      town: '中正區',
      code: 'place-disagrees',
    },
    {
      what: 'the address agrees with the position: the village is added',
      csv: '名稱,地址,lat,lng\r\n民雄鄉公所,嘉義縣民雄鄉中樂路1號,23.5517,120.4289\r\n',
      county: '嘉義縣',
      town: '民雄鄉',
      code: 'place-from-position',
    },
    {
      what: 'Xiamen, inside the old Kinmen box: not in Taiwan',
      csv: '名稱,地址,lat,lng\r\n廈門某處,,24.45,118.08\r\n',
      county: '',
      town: '',
      code: 'coordinates-outside-taiwan',
    },
    {
      what: '東沙 (Pratas) has no polygon in the boundaries, and is still Taiwan',
      csv: '名稱,地址,lat,lng\r\n東沙島某站,高雄市旗津區東沙島,20.7167,116.7167\r\n',
      county: '高雄市',
      town: '旗津區',
      code: undefined,
    },
  ])('$what', ({ csv, county, town, code }) => {
    const one = importBytes(encode(csv), { file: 'one.csv' }, {}, villages);
    expect(one.resources[0]).toMatchObject({ county, town });
    if (code) expect(codes(one, 2)).toContain(code);
    else expect(one.resources[0]?.precision).toBe('exact');
  });
});
