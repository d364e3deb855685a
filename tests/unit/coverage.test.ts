import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CoverageTarget,
  computeCoverage,
  coverageProviders,
  defaultRadiusFor,
} from '../../src/domain/analysis/coverage.ts';
import { townshipTargets } from '../../src/domain/analysis/coverage-targets.ts';
import { parseVillageTargets } from '../../src/domain/analysis/village-targets.ts';
import { placeOf } from '../../src/domain/geo/boundaries.ts';
import { wgs84ToProjected } from '../../src/domain/geo/projections.ts';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import { NO_FILTERS } from '../../src/domain/query/filter-resources.ts';
import { atlasBoundaries } from './atlas-boundaries.ts';
import { repoFile } from './fixture-paths.ts';
import { gazetteer, loadPath, manifest } from './load-context.ts';

/** Haversine written out here, so the expectation does not lean on the code under test. */
function metres(a: readonly number[], b: readonly number[]): number {
  const rad = Math.PI / 180;
  const [la1 = 0, ln1 = 0] = a;
  const [la2 = 0, ln2 = 0] = b;
  const h =
    Math.sin(((la2 - la1) * rad) / 2) ** 2 +
    Math.cos(la1 * rad) * Math.cos(la2 * rad) * Math.sin(((ln2 - ln1) * rad) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const centres = loadPath(repoFile('tests', 'fixtures', 'coverage-welfare-centers.csv'), {
  file: 'coverage-welfare-centers.csv',
  category: 'welfare-center',
}).resources;
const chiayi = townshipTargets(gazetteer, ['嘉義縣']);

describe('computeCoverage on the fixture (three welfare centres, 嘉義縣 township centroids)', () => {
  it('the fixture loads as three exact centres', () => {
    expect(centres.map((c) => [c.name, c.precision])).toEqual([
      ['測試社福中心（朴子）', 'exact'],
      ['測試社福中心（民雄）', 'exact'],
      ['測試社福中心（竹崎）', 'exact'],
    ]);
  });

  it('10 km: lists the seven uncovered townships, farthest first, with the nearest distance', () => {
    const result = computeCoverage(centres, [0, 1, 2], chiayi, 10_000);
    expect(result.uncovered.map((u) => u.target.town)).toEqual([
      '大埔鄉',
      '阿里山鄉',
      '水上鄉',
      '義竹鄉',
      '中埔鄉',
      '布袋鎮',
      '番路鄉',
    ]);
    expect(result).toMatchObject({ targetCount: 18, coveredCount: 11, approximateProviders: 0 });
    expect((result.uncovered[0]?.nearestMetres ?? 0) / 1000).toBeCloseTo(26.46, 1);
    expect(centres[result.uncovered[0]?.nearest ?? -1]?.name).toBe('測試社福中心（竹崎）');
  });

  it.each([
    [1_000, 18],
    [5_000, 18 - 2], // 民雄鄉 (1.6 km) and 朴子市 (2.3 km)
    [30_000, 0],
  ])('radius %i m leaves %i townships uncovered', (radius, uncovered) => {
    expect(computeCoverage(centres, [0, 1, 2], chiayi, radius).uncovered).toHaveLength(uncovered);
  });

  it('uses only the indexes given (a filter can take centres away)', () => {
    const onlyMinxiong = computeCoverage(centres, [1], chiayi, 10_000);
    expect(onlyMinxiong.uncovered.map((u) => u.target.town)).not.toContain('溪口鄉');
    expect(onlyMinxiong.uncovered.map((u) => u.target.town)).toContain('朴子市');
  });

  it('with no resources, every target is uncovered and has no nearest', () => {
    const none = computeCoverage(centres, [], chiayi, 10_000);
    expect(none.coveredCount).toBe(0);
    expect(none.uncovered.every((u) => u.nearest === null && u.nearestMetres === null)).toBe(true);
  });

  it('counts resources placed at a township centroid as approximate, and skips unplaced ones', () => {
    const approximate: Resource = { ...(centres[0] as Resource), id: 'a', precision: 'approximate-town' };
    const unplaced: Resource = { ...(centres[0] as Resource), id: 'b', position: null, precision: 'missing' };
    const result = computeCoverage([approximate, unplaced], [0, 1], chiayi, 10_000);
    expect(result.providers).toEqual([0]);
    expect(result.approximateProviders).toBe(1);
    // An approximate one that is nobody's nearest (金門, far from 嘉義縣) does not make the result a guess.
    const kinmen: Resource = { ...approximate, id: 'k', position: toLatLng(24.43, 118.32) };
    expect(computeCoverage([...centres, kinmen], [0, 1, 2, 3], chiayi, 10_000).approximateProviders).toBe(0);
  });

  it('agrees with a brute-force check on random points (property)', () => {
    const point = fc.record({
      lat: fc.double({ min: 23.2, max: 23.7, noNaN: true }),
      lng: fc.double({ min: 120.1, max: 120.8, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(point, { maxLength: 40 }),
        fc.array(point, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 200, max: 20_000 }),
        (providers, places, radius) => {
          const resources = providers.map(
            (p, i): Resource => ({
              ...(centres[0] as Resource),
              id: `p${i}`,
              position: toLatLng(p.lat, p.lng),
            }),
          );
          const targets: CoverageTarget[] = places.map((p, i) => ({
            county: 'x',
            town: `t${i}`,
            position: toLatLng(p.lat, p.lng),
          }));
          const result = computeCoverage(
            resources,
            resources.map((_, i) => i),
            targets,
            radius,
          );
          const expected = targets.filter(
            (t) => !providers.some((p) => metres([p.lat, p.lng], t.position) <= radius),
          );
          // A target within a few centimetres of the edge may fall either way (floating point): leave those out.
          const edge = (t: CoverageTarget) =>
            providers.some((p) => Math.abs(metres([p.lat, p.lng], t.position) - radius) < 0.05);
          expect(
            result.uncovered
              .map((u) => u.target.town)
              .filter((town) => !edge(targets[Number(town.slice(1))] as CoverageTarget))
              .sort(),
          ).toEqual(
            expected
              .filter((t) => !edge(t))
              .map((t) => t.town)
              .sort(),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('default radii: 1 km for places people walk to, 5 km for centres', () => {
    expect(defaultRadiusFor('friendly-shop')).toBe(1000);
    expect(defaultRadiusFor('care-point')).toBe(1000);
    expect(defaultRadiusFor('welfare-center')).toBe(5000);
  });
});

describe('village targets supplied by an office', () => {
  it('reads village points from CSV and skips rows without a position', () => {
    const parsed = parseVillageTargets(
      readFileSync(repoFile('tests', 'fixtures', 'coverage-villages.csv'), 'utf8'),
      gazetteer,
    );
    expect(parsed.targets.map((t) => `${t.town}${t.village}`)).toEqual([
      '民雄鄉東榮村',
      '番路鄉公田村',
      '大埔鄉大埔村',
      '竹崎鄉竹崎村',
    ]);
    expect(parsed.skippedRows).toEqual([6]);
    const result = computeCoverage(centres, [0, 1, 2], parsed.targets, 10_000);
    expect(result.uncovered.map((u) => u.target.village)).toEqual(['大埔村', '公田村']);
  });

  it('reads GeoJSON points and polygons (a boundary stands for its centroid); county from a unique town', () => {
    const square = (lng: number, lat: number) => [
      [
        [lng, lat],
        [lng + 0.02, lat],
        [lng + 0.02, lat + 0.02],
        [lng, lat + 0.02],
        [lng, lat],
      ],
    ];
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { TOWNNAME: '民雄鄉', VILLNAME: '東榮村' },
          geometry: { type: 'Polygon', coordinates: square(120.42, 23.54) },
        },
        {
          type: 'Feature',
          properties: { 村里: '大埔村', 鄉鎮市區: '大埔鄉', 縣市: '嘉義縣' },
          geometry: { type: 'MultiPolygon', coordinates: [square(120.58, 23.28)] },
        },
        {
          type: 'Feature',
          properties: { village: '竹崎村' },
          geometry: { type: 'Point', coordinates: [120.55, 23.523] },
        },
        {
          type: 'Feature',
          properties: { village: '海上' },
          geometry: { type: 'Point', coordinates: [0, 0] },
        },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [120.5, 23.5] } },
      ],
    });
    const parsed = parseVillageTargets(text, gazetteer);
    expect(parsed.skippedRows).toEqual([4, 5]);
    const [dongrong, dapu, zhuqi] = parsed.targets;
    expect(dongrong).toMatchObject({ county: '嘉義縣', town: '民雄鄉', village: '東榮村' });
    expect(dongrong?.position[0]).toBeCloseTo(23.55, 6);
    expect(dongrong?.position[1]).toBeCloseTo(120.43, 6);
    expect(dapu?.position[0]).toBeCloseTo(23.29, 6);
    expect(zhuqi).toMatchObject({ village: '竹崎村', position: [23.523, 120.55] });
  });

  it('reads the Ministry village boundaries written in TWD97 metres (a crs member) through proj4', () => {
    const villages = atlasBoundaries('villages').areas.filter((a) => a.town === '民雄鄉');
    const metres = (ring: readonly (readonly number[])[]) =>
      ring.map(([lng = 0, lat = 0]) => wgs84ToProjected(lng, lat, 'EPSG:3826'));
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3826' } },
      features: villages.map((v) => ({
        type: 'Feature',
        properties: { COUNTYNAME: '嘉義縣', TOWNNAME: v.town, VILLNAME: v.village },
        geometry: { type: 'MultiPolygon', coordinates: v.polygons.map((polygon) => polygon.map(metres)) },
      })),
    });
    const parsed = parseVillageTargets(text, gazetteer);
    expect(parsed.skippedRows).toEqual([]);
    expect(parsed.targets).toHaveLength(villages.length);
    const towns = atlasBoundaries('towns');
    for (const target of parsed.targets) expect(placeOf(target.position, towns, 500)?.town).toBe('民雄鄉');
  });

  it('a file that is not JSON or has no usable rows yields no targets', () => {
    expect(parseVillageTargets('{not json', gazetteer).targets).toEqual([]);
    expect(parseVillageTargets('名稱\n甲', gazetteer)).toEqual({ targets: [], skippedRows: [2] });
  });
});

describe('coverageProviders', () => {
  const withYear = (r: Resource, year: string): Resource => ({ ...r, extra: { 設立年度: year } });
  const shop: Resource = {
    ...(centres[0] as Resource),
    id: 'shop',
    name: '友善早餐店',
    category: 'friendly-shop',
    services: ['meals'],
  };
  const resources = [
    withYear(centres[0] as Resource, '2019'),
    withYear(centres[1] as Resource, '2022'),
    centres[2] as Resource,
    { ...shop, county: '嘉義市', town: '東區' },
  ];
  const index = buildDataset(resources, {
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
  });
  const names = (indexes: readonly number[]) => indexes.map((i) => resources[i]?.name);

  it('takes every resource of the category, whatever its area or the category ticks', () => {
    expect(names(coverageProviders(index, NO_FILTERS, 'welfare-center', null))).toEqual([
      '測試社福中心（朴子）',
      '測試社福中心（民雄）',
      '測試社福中心（竹崎）',
    ]);
    expect(names(coverageProviders(index, NO_FILTERS, 'friendly-shop', null))).toEqual(['友善早餐店']);
  });

  it('applies the search text, the services and the as-of year (records without a year drop out)', () => {
    expect(names(coverageProviders(index, { query: '民雄', services: [] }, 'welfare-center', null))).toEqual([
      '測試社福中心（民雄）',
    ]);
    expect(
      names(coverageProviders(index, { query: '', services: ['meals'] }, 'welfare-center', null)),
    ).toEqual([]);
    expect(names(coverageProviders(index, NO_FILTERS, 'welfare-center', 2020))).toEqual([
      '測試社福中心（朴子）',
    ]);
    expect(names(coverageProviders(index, NO_FILTERS, 'welfare-center', 2022))).toEqual([
      '測試社福中心（朴子）',
      '測試社福中心（民雄）',
    ]);
  });
});
