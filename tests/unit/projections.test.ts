import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import {
  crsFromGeoJsonMember,
  crsFromHeaders,
  orderEastingNorthing,
  PROJ_DEFINITIONS,
  projectedToWgs84,
  projectToWgs84,
  wgs84ToProjected,
} from '../../src/domain/geo/projections.ts';
import { toCsvText } from '../../src/domain/loading/parse-csv.ts';
import { accountFor, importBytes } from './import-context.ts';

/** Places with known WGS84 positions (from the gazetteer and the Taipei care points file). */
const PLACES = [
  { name: '士林靈糧堂老人服務中心', lat: 25.11159, lng: 121.5324062, county: '臺北市' },
  { name: '民雄鄉公所', lat: 23.5537, lng: 120.4316, county: '嘉義縣' },
  { name: '臺東市公所', lat: 22.7583, lng: 121.1444, county: '臺東縣' },
  { name: '恆春鎮公所', lat: 22.0021, lng: 120.7441, county: '屏東縣' },
  { name: '馬公市公所', lat: 23.5655, lng: 119.5863, county: '澎湖縣' },
];

describe('projections (proj4 with the epsg.io definitions)', () => {
  it('defines TWD97 TM2 as epsg.io does', () => {
    expect(PROJ_DEFINITIONS['EPSG:3826']).toContain('+lon_0=121');
    expect(PROJ_DEFINITIONS['EPSG:3826']).toContain('+x_0=250000');
    expect(PROJ_DEFINITIONS['EPSG:3825']).toContain('+lon_0=119');
    expect(PROJ_DEFINITIONS['EPSG:3828']).toContain('+ellps=aust_SA');
  });

  it('converts TWD97 metres back to the same WGS84 point within 1e-7°', () => {
    for (const p of PLACES) {
      const [x, y] = wgs84ToProjected(p.lng, p.lat, 'EPSG:3826');
      const [lng, lat] = projectedToWgs84(x, y, 'EPSG:3826');
      expect(lng).toBeCloseTo(p.lng, 7);
      expect(lat).toBeCloseTo(p.lat, 7);
    }
  });

  it('agrees with proj4 called directly with the same definition string', () => {
    const direct = proj4(PROJ_DEFINITIONS['EPSG:3826'], 'EPSG:4326', [303_676.72, 2_777_985.16]);
    expect(projectedToWgs84(303_676.72, 2_777_985.16, 'EPSG:3826')).toEqual(direct);
  });

  it('puts TWD67 and TWD97 about 830 m apart, as the datum shift should', () => {
    const [x97, y97] = wgs84ToProjected(120.4316, 23.5537, 'EPSG:3826');
    const [x67, y67] = wgs84ToProjected(120.4316, 23.5537, 'EPSG:3828');
    expect(Math.hypot(x97 - x67, y97 - y67)).toBeGreaterThan(700);
    expect(Math.hypot(x97 - x67, y97 - y67)).toBeLessThan(950);
  });

  it('orders a metre pair by size: the northing is the millions', () => {
    expect(orderEastingNorthing(303_676, 2_777_985)).toEqual({
      easting: 303_676,
      northing: 2_777_985,
      swapped: false,
    });
    expect(orderEastingNorthing(2_777_985, 303_676)).toEqual({
      easting: 303_676,
      northing: 2_777_985,
      swapped: true,
    });
  });

  it('uses the Penghu zone (EPSG:3825) only when the row is in 澎湖縣 and the numbers land there', () => {
    const magong = PLACES[4] as (typeof PLACES)[number];
    const [x119, y119] = wgs84ToProjected(magong.lng, magong.lat, 'EPSG:3825');
    const penghu = projectToWgs84(x119, y119, undefined, '澎湖縣');
    expect(penghu.crs).toBe('EPSG:3825');
    expect(penghu.lngLat[0]).toBeCloseTo(magong.lng, 6);
    // National files write Penghu in the 121° zone: those numbers already land in Penghu.
    const [x121, y121] = wgs84ToProjected(magong.lng, magong.lat, 'EPSG:3826');
    expect(projectToWgs84(x121, y121, undefined, '澎湖縣').crs).toBe('EPSG:3826');
    // Without a Penghu county, the same 119° numbers are read in the 121° zone (a point on the main island).
    expect(projectToWgs84(x119, y119, undefined, '臺北市').crs).toBe('EPSG:3826');
  });

  it('reads the GeoJSON crs member in its usual spellings', () => {
    const named = (name: string) => ({ type: 'name', properties: { name } });
    expect(crsFromGeoJsonMember(named('urn:ogc:def:crs:EPSG::3826'))).toBe('EPSG:3826');
    expect(crsFromGeoJsonMember(named('EPSG:3828'))).toBe('EPSG:3828');
    expect(crsFromGeoJsonMember(named('urn:ogc:def:crs:EPSG:6.3:3825'))).toBe('EPSG:3825');
    expect(crsFromGeoJsonMember({ type: 'EPSG', properties: { code: 3826 } })).toBe('EPSG:3826');
    expect(crsFromGeoJsonMember(named('urn:ogc:def:crs:OGC:1.3:CRS84'))).toBeUndefined();
    expect(crsFromGeoJsonMember(null)).toBeUndefined();
  });

  it('takes TWD67 from a coordinate header, never from the file name', () => {
    expect(crsFromHeaders('TWD67_X', 'TWD67_Y')).toBe('EPSG:3828');
    expect(crsFromHeaders('67X坐標')).toBe('EPSG:3828');
    expect(crsFromHeaders('TWD97X', 'TWD97Y')).toBeUndefined();
    expect(crsFromHeaders('X', 'Y')).toBeUndefined();
  });
});

describe('TWD97 files through the import chain (generated, checked against proj4)', () => {
  const rows = PLACES.map((p) => {
    const [x, y] = wgs84ToProjected(p.lng, p.lat, 'EPSG:3826');
    return { ...p, x, y };
  });

  it('converts X/Y columns (TWD97 TM2 metres) to WGS84 within 1e-6°', () => {
    const csv = toCsvText(
      ['名稱', 'X坐標', 'Y坐標'],
      rows.map((r) => [r.name, r.x.toFixed(3), r.y.toFixed(3)]),
    );
    const result = importBytes(new TextEncoder().encode(csv), { file: 'twd97.csv' });
    // A conversion of the whole file is one file-level note, not a correction on every row.
    expect(accountFor(result)).toMatchObject({ rejected: 0, sum: rows.length, imported: rows.length });
    expect(result.issues.filter((i) => i.code === 'projected-file').map((i) => [i.value, i.row])).toEqual([
      ['EPSG:3826', undefined],
    ]);
    rows.forEach((r, i) => {
      const resource = result.resources[i];
      expect(resource?.position?.[0]).toBeCloseTo(r.lat, 6);
      expect(resource?.position?.[1]).toBeCloseTo(r.lng, 6);
      expect(result.rows[i]?.issues.map((issue) => issue.code)).not.toContain('projected-coordinates');
    });
  });

  it('reads swapped X/Y columns by the size of the numbers', () => {
    const csv = toCsvText(
      ['名稱', 'TWD97X', 'TWD97Y'],
      rows.map((r) => [r.name, r.y.toFixed(2), r.x.toFixed(2)]),
    );
    const result = importBytes(new TextEncoder().encode(csv), { file: 'swapped.csv' });
    expect(result.resources[0]?.position?.[0]).toBeCloseTo(rows[0]?.lat ?? 0, 5);
  });

  it('trusts the numbers over the file name: degrees in a file called twd97.csv stay degrees', () => {
    const csv = toCsvText(['名稱', 'lat', 'lng'], [['民雄鄉公所', '23.5537', '120.4316']]);
    const result = importBytes(new TextEncoder().encode(csv), { file: 'twd97-tm2.csv' });
    expect(result.resources[0]?.position).toEqual([23.5537, 120.4316]);
    expect(result.rows[0]?.outcome).toBe('imported');
  });

  it('converts TWD67 when the person chooses it (EPSG:3828)', () => {
    const [x, y] = wgs84ToProjected(120.4316, 23.5537, 'EPSG:3828');
    const csv = toCsvText(['名稱', 'x', 'y'], [['民雄鄉公所', String(x), String(y)]]);
    const bytes = new TextEncoder().encode(csv);
    const chosen = importBytes(bytes, { file: 'old.csv' }, { crs: 'EPSG:3828' });
    expect(chosen.resources[0]?.position?.[0]).toBeCloseTo(23.5537, 6);
    // Read as TWD97 the same numbers are some 800 m off: the choice matters.
    const assumed = importBytes(bytes, { file: 'old.csv' });
    expect(Math.abs((assumed.resources[0]?.position?.[1] ?? 0) - 120.4316)).toBeGreaterThan(0.005);
  });

  it('honours a GeoJSON crs member for metre coordinates', () => {
    const [x, y] = wgs84ToProjected(121.5324062, 25.11159, 'EPSG:3826');
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3826' } },
      features: [
        { type: 'Feature', properties: { name: '士林' }, geometry: { type: 'Point', coordinates: [x, y] } },
      ],
    });
    const result = importBytes(new TextEncoder().encode(geojson), { file: 'points.geojson' });
    expect(result.resources[0]?.position?.[0]).toBeCloseTo(25.11159, 6);
    expect(result.resources[0]?.position?.[1]).toBeCloseTo(121.5324062, 6);
  });

  it('rejects metres that land outside Taiwan with a reason, keeping the row to be placed', () => {
    const csv = toCsvText(['名稱', 'x', 'y'], [['遠方', '900000', '1000000']]);
    const result = importBytes(new TextEncoder().encode(csv), { file: 'far.csv' });
    expect(result.rows[0]?.outcome).toBe('needs-location');
    expect(result.rows[0]?.issues.map((i) => i.code)).toContain('coordinates-outside-taiwan');
  });
});
