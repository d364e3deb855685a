import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import {
  asLngLat,
  checkLatLng,
  distanceMetres,
  isInTaiwan,
  latLngToLngLat,
  lngLatToLatLng,
  parseCoordinate,
  toLatLng,
} from '../../src/domain/model/coordinates.ts';
import { repoFile } from './fixture-paths.ts';

describe('checkLatLng', () => {
  it.each([
    { case: '民雄 (main island)', lat: 23.56, lng: 120.44, kind: 'ok', position: [23.56, 120.44] },
    { case: 'Taipei 101', lat: 25.0339, lng: 121.5645, kind: 'ok', position: [25.0339, 121.5645] },
    { case: 'Eluanbi (southern tip)', lat: 21.9, lng: 120.85, kind: 'ok', position: [21.9, 120.85] },
    { case: 'Lanyu', lat: 22.05, lng: 121.55, kind: 'ok', position: [22.05, 121.55] },
    { case: 'Kinmen', lat: 24.43, lng: 118.32, kind: 'ok', position: [24.43, 118.32] },
    { case: 'Matsu (Nangan)', lat: 26.16, lng: 119.95, kind: 'ok', position: [26.16, 119.95] },
    { case: 'Penghu (Magong)', lat: 23.57, lng: 119.58, kind: 'ok', position: [23.57, 119.58] },
    {
      case: 'swapped columns (lng, lat)',
      lat: 120.44,
      lng: 23.56,
      kind: 'swapped',
      position: [23.56, 120.44],
    },
    { case: 'swapped Kinmen', lat: 118.32, lng: 24.43, kind: 'swapped', position: [24.43, 118.32] },
    { case: 'zero', lat: 0, lng: 0, kind: 'zero' },
    { case: 'Xiamen', lat: 24.48, lng: 118.09, kind: 'outside-taiwan' },
    { case: 'Fuzhou', lat: 26.07, lng: 119.3, kind: 'outside-taiwan' },
    { case: 'Manila', lat: 14.6, lng: 120.98, kind: 'outside-taiwan' },
    { case: 'Reno (HSDS sample)', lat: 39.428192, lng: -119.897426, kind: 'outside-taiwan' },
    { case: 'lat 0 only', lat: 0, lng: 120.5, kind: 'outside-taiwan' },
    { case: 'latitude beyond 90', lat: 123, lng: 200, kind: 'out-of-range' },
    { case: 'TWD97 metres', lat: 2_606_000, lng: 170_000, kind: 'out-of-range' },
    { case: 'NaN', lat: Number.NaN, lng: 120, kind: 'out-of-range' },
    { case: 'Infinity', lat: 23, lng: Number.POSITIVE_INFINITY, kind: 'out-of-range' },
  ])('$case → $kind', ({ lat, lng, kind, position }) => {
    const check = checkLatLng(lat, lng);
    expect(check.kind).toBe(kind);
    expect('position' in check ? [...check.position] : undefined).toEqual(position);
  });

  it('accepts every township centroid of the gazetteer', () => {
    const { rows } = parseDelimitedText(readFileSync(repoFile('data', 'tw-township-centroids.csv'), 'utf8'));
    const outside = rows.filter(([, , , lat, lng]) => !isInTaiwan(Number(lat), Number(lng)));
    expect(outside.map((r) => r.slice(0, 2).join(''))).toEqual([]);
    expect(rows.length).toBeGreaterThan(360);
  });
});

describe('parseCoordinate', () => {
  it.each([
    { raw: '23.5', value: 23.5 },
    { raw: ' 120.188443 ', value: 120.188443 },
    { raw: '-33.9', value: -33.9 },
    { raw: '２３．５６', value: 23.56 },
    { raw: '１２０．４４', value: 120.44 },
    { raw: `23°33'45.6"N`, value: 23 + 33 / 60 + 45.6 / 3600 },
    { raw: '23°33′45.6″N', value: 23 + 33 / 60 + 45.6 / 3600 },
    { raw: '120°26\'10"E', value: 120 + 26 / 60 + 10 / 3600 },
    { raw: '23度33分45.6秒', value: 23 + 33 / 60 + 45.6 / 3600 },
    { raw: '北緯23度33分', value: null },
    { raw: '23 33 45.6', value: 23 + 33 / 60 + 45.6 / 3600 },
    { raw: "23°33'", value: 23.55 },
    { raw: '23°33', value: 23.55 },
    { raw: '23° 33.5′', value: 23 + 33.5 / 60 },
    { raw: '23.5°N', value: 23.5 },
    { raw: '23.5N', value: 23.5 },
    { raw: "33°52'S", value: -(33 + 52 / 60) },
    { raw: '118°W', value: -118 },
    { raw: "-23°30'", value: -23.5 },
    { raw: "23°60'", value: null },
    { raw: '23°10\'60"', value: null },
    { raw: '', value: null },
    { raw: '   ', value: null },
    { raw: 'abc', value: null },
    { raw: '23,5', value: null },
    { raw: '23.5.1', value: null },
    { raw: 'N/A', value: null },
    { raw: '—', value: null },
    // Plain decimals only: Number() would also read these, but nobody types a coordinate so.
    { raw: '+23.5', value: 23.5 },
    { raw: '.5', value: 0.5 },
    { raw: '-.5', value: -0.5 },
    { raw: '23.', value: 23 },
    { raw: '０．５', value: 0.5 },
    { raw: '0x17', value: null },
    { raw: '0X17', value: null },
    { raw: '０ｘ１７', value: null },
    { raw: '0b10111', value: null },
    { raw: '0o27', value: null },
    { raw: '2.3e1', value: null },
    { raw: '2.3E1', value: null },
    { raw: '1e-3', value: null },
    { raw: 'Infinity', value: null },
    { raw: '-Infinity', value: null },
    { raw: 'NaN', value: null },
    { raw: '1_000', value: null },
    { raw: '.', value: null },
    { raw: '-', value: null },
    { raw: '+-23', value: null },
    { raw: '23. 5', value: null },
    // The minus sign U+2212, as a word processor writes it; only at the start.
    { raw: '\u221233.86', value: -33.86 },
    { raw: '\u221223°33′', value: -(23 + 33 / 60) },
    { raw: '23\u22125', value: null },
  ])('$raw → $value', ({ raw, value }) => {
    const parsed = parseCoordinate(raw);
    if (value === null) expect(parsed).toBeNull();
    else expect(parsed).toBeCloseTo(value, 9);
  });
});

describe('coordinate orders', () => {
  it('converts [lat, lng] ↔ [lng, lat] in one place', () => {
    const minxiong = toLatLng(23.56, 120.44);
    expect([...latLngToLngLat(minxiong)]).toEqual([120.44, 23.56]);
    expect([...lngLatToLatLng(asLngLat(120.188443, 23.005153))]).toEqual([23.005153, 120.188443]);
    expect([...lngLatToLatLng(latLngToLngLat(minxiong))]).toEqual([23.56, 120.44]);
  });

  it('measures distances in metres', () => {
    expect(distanceMetres(toLatLng(23, 120), toLatLng(23, 120))).toBe(0);
    // One degree of latitude is about 111.2 km.
    expect(distanceMetres(toLatLng(23, 120), toLatLng(24, 120))).toBeCloseTo(111_195, -2);
    // Taipei Main Station → Kaohsiung Main Station, about 297 km as the crow flies.
    const km = distanceMetres(toLatLng(25.0478, 121.517), toLatLng(22.6394, 120.3025)) / 1000;
    expect(km).toBeGreaterThan(290);
    expect(km).toBeLessThan(300);
  });
});
