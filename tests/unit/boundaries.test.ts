import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areasOfCounty, placeOf } from '../../src/domain/geo/boundaries.ts';
import { pointInPolygon } from '../../src/domain/geo/point-in-polygon.ts';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import { atlasBoundaries } from './atlas-boundaries.ts';
import { sharedDataFile } from './fixture-paths.ts';

const towns = atlasBoundaries('towns');

describe('pointInPolygon', () => {
  const square = [
    [0, 0],
    [4, 0],
    [4, 4],
    [0, 4],
    [0, 0],
  ];
  const hole = [
    [1, 1],
    [3, 1],
    [3, 3],
    [1, 3],
    [1, 1],
  ];
  it.each([
    { point: [0.5, 0.5], inside: true },
    { point: [2, 2], inside: false },
    { point: [5, 2], inside: false },
    { point: [3.5, 3.9], inside: true },
  ])('$point inside the square with a hole: $inside', ({ point, inside }) => {
    expect(pointInPolygon(point[0] as number, point[1] as number, [square, hole])).toBe(inside);
  });
});

describe('placeOf with the Ministry of the Interior township boundaries', () => {
  it('decodes every township, with 臺 as the gazetteer writes it', () => {
    expect(towns.areas).toHaveLength(368);
    expect(towns.areas.some((a) => a.county.includes('台'))).toBe(false);
    expect(towns.areas.filter((a) => a.county === '臺南市')).toHaveLength(37);
  });

  it.each([
    { where: '臺南市政府 (安平區永華路)', lat: 22.9921, lng: 120.185, county: '臺南市', town: '安平區' },
    { where: '臺北車站', lat: 25.0478, lng: 121.517, county: '臺北市', town: '中正區' },
    { where: '民雄鄉公所', lat: 23.5517, lng: 120.4289, county: '嘉義縣', town: '民雄鄉' },
    { where: '金門縣政府', lat: 24.4369, lng: 118.3186, county: '金門縣', town: '金城鎮' },
    { where: '南竿', lat: 26.1597, lng: 119.9497, county: '連江縣', town: '南竿鄉' },
    { where: '馬公', lat: 23.5654, lng: 119.5793, county: '澎湖縣', town: '馬公市' },
    {
      where: '廈門 (inside the old Kinmen box)',
      lat: 24.45,
      lng: 118.08,
      county: undefined,
      town: undefined,
    },
    { where: '福州 (inside the old Matsu box)', lat: 26.05, lng: 119.55, county: undefined, town: undefined },
    { where: '(0, 0)', lat: 0, lng: 0, county: undefined, town: undefined },
  ])('$where → $county$town', ({ lat, lng, county, town }) => {
    const area = placeOf(toLatLng(lat, lng), towns);
    expect(area?.county).toBe(county);
    expect(area?.town).toBe(town);
  });

  it('takes the nearest township for a point just off the simplified shore, only when asked', () => {
    // A pier of 安平港, about 100 m into the water of the simplified coastline.
    const pier = toLatLng(22.9925, 120.1545);
    const inside = placeOf(pier, towns);
    const near = placeOf(pier, towns, 1000);
    expect(near?.county).toBe('臺南市');
    if (!inside) expect(near?.town).toBe('安平區');
    expect(placeOf(toLatLng(24.45, 118.08), towns, 1000)).toBeUndefined();
  });

  it('lists every township of a county, 烏坵鄉 included', () => {
    expect(areasOfCounty(towns, '金門縣').map((a) => a.town)).toEqual([
      '金城鎮',
      '金沙鎮',
      '金湖鎮',
      '金寧鄉',
      '烈嶼鄉',
      '烏坵鄉',
    ]);
    expect(areasOfCounty(towns, '台南市')).toHaveLength(37);
  });

  it('places every Tainan building committee of the real GeoJSON inside 臺南市', () => {
    const data = JSON.parse(readFileSync(sharedDataFile('tainan-building-committees.geojson'), 'utf8')) as {
      features: { geometry: { coordinates: [number, number] } }[];
    };
    const counties = new Set(
      data.features.map(
        ({
          geometry: {
            coordinates: [lng, lat],
          },
        }) => placeOf(toLatLng(lat, lng), towns)?.county,
      ),
    );
    expect([...counties]).toEqual(['臺南市']);
  });
});
