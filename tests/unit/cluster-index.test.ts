import { readFileSync } from 'node:fs';
import Supercluster from 'supercluster';
import { describe, expect, it, vi } from 'vitest';
import {
  buildClusterIndexFromColumns,
  CLUSTER_INDEX_KIND,
  type ClusterIndex,
  clusterLevelsOf,
  DETAIL_FROM_ZOOM,
} from '../../src/domain/geo/cluster-index.ts';
import type { BBox, ClusterItem } from '../../src/domain/geo/cluster-item.ts';
import { parseClusterLevels, queryClusterLevels } from '../../src/domain/geo/cluster-levels.ts';
import { everyIndex, type PositionColumns } from '../../src/domain/geo/position-columns.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import type { LatLng } from '../../src/domain/model/coordinates.ts';
import { repoFile } from './fixture-paths.ts';

const WORLD: BBox = { west: -180, south: -85, east: 180, north: 85 };
const ZOOMS = Array.from({ length: 20 }, (_, z) => z);

/**
 * Every township centroid of the gazetteer (real places across Taiwan, Kinmen and Matsu included), plus 120
 * resources on one street of 民雄 (a few metres apart, so that they cluster even at street zooms), two groups
 * that part at zoom 16, 40 on one spot (a building with several services), and rows without a position.
 */
function fixturePositions(): PositionColumns {
  const rows = parseDelimitedText(readFileSync(repoFile('data', 'tw-township-centroids.csv'), 'utf8')).rows;
  const lat: number[] = [];
  const lng: number[] = [];
  for (const row of rows.slice(1)) {
    lat.push(Number(row[3]));
    lng.push(Number(row[4]));
  }
  for (let i = 0; i < 120; i++) {
    lat.push(23.5517 + (i % 12) * 0.00004);
    lng.push(120.4289 + Math.floor(i / 12) * 0.00004);
  }
  // Two groups of 10 about 200 m apart (as on two sides of a village): one marker at zoom 15, two at zoom 16.
  for (let i = 0; i < 20; i++) {
    lat.push(23.46 + (i % 5) * 0.00002);
    lng.push(120.3 + (i < 10 ? 0 : 0.002) + (i % 2) * 0.00002);
  }
  for (let i = 0; i < 40; i++) {
    lat.push(23.48);
    lng.push(120.45);
  }
  for (let i = 0; i < 5; i++) {
    lat.push(Number.NaN);
    lng.push(Number.NaN);
  }
  return { lat: Float64Array.from(lat), lng: Float64Array.from(lng) };
}

const positions = fixturePositions();
const placed = (visible: ArrayLike<number>) =>
  Array.from(visible).filter((i) => !Number.isNaN(positions.lat[i] as number)).length;

/** How many points the markers at a zoom stand for (a cluster counts its points). */
const pointsShown = (index: ClusterIndex, zoom: number, bbox = WORLD) =>
  index.query(bbox, zoom).reduce((sum, item) => sum + (item.kind === 'cluster' ? item.count : 1), 0);

describe('buildClusterIndexFromColumns', () => {
  const every = everyIndex(positions);
  const oddOnes = Int32Array.from(Array.from(every).filter((i) => i % 2 === 1));

  it.each([
    ['every position', every],
    ['a filtered set', oddOnes],
    ['nothing', new Int32Array(0)],
  ])('stands for each placed point of %s exactly once, at every zoom', (_, visible) => {
    const index = buildClusterIndexFromColumns(positions, visible);
    for (const zoom of ZOOMS) expect(pointsShown(index, zoom), `zoom ${zoom}`).toBe(placed(visible));
    // Single markers are the visible, placed indexes, each once.
    const singles = index
      .query(WORLD, 19)
      .flatMap((item) => (item.kind === 'resource' ? [item.index] : []))
      .sort((a, b) => a - b);
    expect(singles).toEqual(Array.from(visible).filter((i) => !Number.isNaN(positions.lat[i] as number)));
  });

  it.each([
    [0, 'overview'],
    [9, 'overview'],
    [DETAIL_FROM_ZOOM - 1, 'overview'],
    [DETAIL_FROM_ZOOM, 'detail'],
    [18, 'detail'],
  ])('built for zoom %d, builds its %s part first and the other on first use', (firstZoom) => {
    const index = buildClusterIndexFromColumns(positions, every, firstZoom);
    expect(index.completed).toBe(false);
    index.query(WORLD, firstZoom);
    expect(index.completed).toBe(false);
    index.query(WORLD, firstZoom >= DETAIL_FROM_ZOOM ? 8 : 16);
    expect(index.completed).toBe(true);
  });

  it('builds the remaining part when asked to complete', () => {
    const index = buildClusterIndexFromColumns(positions, every);
    index.complete();
    expect(index.completed).toBe(true);
    index.complete();
    expect(index.completed).toBe(true);
  });

  it('clusters the street of 民雄 at street zooms, and no closer than it must', () => {
    const street: BBox = { west: 120.428, south: 23.551, east: 120.43, north: 23.553 };
    const index = buildClusterIndexFromColumns(positions, every);
    const at = (zoom: number) => index.query(street, zoom);
    expect(at(DETAIL_FROM_ZOOM - 1).some((i) => i.kind === 'cluster' && i.count >= 120)).toBe(true);
    expect(at(DETAIL_FROM_ZOOM).some((i) => i.kind === 'cluster')).toBe(true);
    // Beyond the closest clustered zoom, every resource is a marker of its own.
    expect(at(18).filter((i) => i.kind === 'resource')).toHaveLength(120);
  });

  it('breaks every cluster apart at its expansion zoom, from either part', () => {
    const index = buildClusterIndexFromColumns(positions, every);
    for (const zoom of [6, 10, DETAIL_FROM_ZOOM - 1, DETAIL_FROM_ZOOM, 16]) {
      for (const item of index.query(WORLD, zoom)) {
        if (item.kind !== 'cluster') continue;
        const expansion = index.expansionZoom(item.id);
        expect(expansion, `a cluster at zoom ${zoom}`).toBeGreaterThan(zoom);
        expect(expansion).toBeLessThanOrEqual(18);
      }
    }
  });

  it('opens an overview cluster to the zoom where the street part draws its points apart', () => {
    const index = buildClusterIndexFromColumns(positions, every);
    const near = ({ position: [lat, lng] }: { position: LatLng }): BBox => ({
      west: lng - 0.01,
      south: lat - 0.01,
      east: lng + 0.01,
      north: lat + 0.01,
    });
    const clusters = index.query(WORLD, DETAIL_FROM_ZOOM - 1).filter((item) => item.kind === 'cluster');
    const street = clusters.find((item) => item.count === 120);
    const spot = clusters.find((item) => item.count === 40);
    const village = clusters.find((item) => item.count === 20);
    expect(street && spot && village).toBeTruthy();
    for (const item of clusters) {
      const expansion = index.expansionZoom(item.id);
      if (expansion > 17) continue;
      // At its expansion zoom, no single marker nearby stands for all of the cluster's points any more.
      const stillOne = index
        .query(near(item), expansion)
        .some((i) => i.kind === 'cluster' && i.count >= item.count);
      expect(stillOne, `the cluster of ${item.count} at zoom ${expansion}`).toBe(false);
      if (expansion > DETAIL_FROM_ZOOM) {
        const before = index.query(near(item), expansion - 1);
        expect(before.some((i) => i.kind === 'cluster' && i.count >= item.count)).toBe(true);
      }
    }
    // The street still is one cluster at zoom 15, and the resources on one spot never part.
    expect(index.expansionZoom((street as { id: number }).id)).toBeGreaterThan(DETAIL_FROM_ZOOM);
    expect(index.expansionZoom((spot as { id: number }).id)).toBe(18);
    expect(index.expansionZoom((village as { id: number }).id)).toBe(16);
  });

  it('gives the clusters of its two parts different ids', () => {
    const index = buildClusterIndexFromColumns(positions, every);
    const ids = (zoom: number) =>
      index.query(WORLD, zoom).flatMap((item) => (item.kind === 'cluster' ? [item.id] : []));
    const overview = ids(DETAIL_FROM_ZOOM - 1);
    const detail = ids(DETAIL_FROM_ZOOM);
    expect(overview.length).toBeGreaterThan(0);
    expect(detail.length).toBeGreaterThan(0);
    expect(overview.every((id) => id % 2 === 0)).toBe(true);
    expect(detail.every((id) => id % 2 === 1)).toBe(true);
  });
});

/** Markers in a fixed order (queries give them in the order of the index's tree). */
const sorted = (items: readonly ClusterItem[]) =>
  [...items].sort((a, b) =>
    a.kind === b.kind
      ? (a.kind === 'cluster' ? a.id : a.index) -
        (b.kind === 'cluster' ? b.id : (b as { index: number }).index)
      : a.kind.localeCompare(b.kind),
  );

describe('clusters that hold records a ?data= link brought', () => {
  const every = everyIndex(positions);
  // Every seventh position came from a link (the 民雄 street holds some, the spot of 40 too).
  const mask = Uint8Array.from({ length: positions.lat.length }, (_, i) => (i % 7 === 3 ? 1 : 0));
  const linkedPlaced = (visible: ArrayLike<number>) =>
    Array.from(visible).filter((i) => mask[i] === 1 && !Number.isNaN(positions.lat[i] as number)).length;
  /** The link's records the markers at a zoom stand for: each cluster's `linked`, each single marker's mask. */
  const linkedShown = (index: ClusterIndex, zoom: number) =>
    index
      .query(WORLD, zoom)
      .reduce(
        (sum, item) => sum + (item.kind === 'cluster' ? (item.linked ?? 0) : (mask[item.index] as number)),
        0,
      );

  it.each([
    ['every position', every],
    ['a filtered set', Int32Array.from(Array.from(every).filter((i) => i % 2 === 1))],
  ])('counts each of them once, at every zoom, in %s', (_, visible) => {
    const index = buildClusterIndexFromColumns(positions, visible, 0, undefined, mask);
    for (const zoom of ZOOMS) {
      expect(linkedShown(index, zoom), `zoom ${zoom}`).toBe(linkedPlaced(visible));
      for (const item of index.query(WORLD, zoom))
        if (item.kind === 'cluster' && item.linked !== undefined) {
          expect(item.linked).toBeGreaterThan(0);
          expect(item.linked).toBeLessThanOrEqual(item.count);
        }
    }
  });

  it.each([
    ['no mask', undefined],
    ['a mask of other positions (another length)', new Uint8Array(3).fill(1)],
    ['a mask of none', new Uint8Array(positions.lat.length)],
  ])('says nothing with %s', (_, linked) => {
    const index = buildClusterIndexFromColumns(positions, every, 0, undefined, linked);
    for (const zoom of [4, 10, DETAIL_FROM_ZOOM])
      expect(index.query(WORLD, zoom).some((item) => 'linked' in item)).toBe(false);
  });
});

describe('cluster levels shipped with the positions', () => {
  const every = everyIndex(positions);
  const levels = clusterLevelsOf(positions, 100_000);

  it.each<[string, BBox]>([
    ['the world', WORLD],
    ['a box wider than the world', { west: -200, south: -85, east: 200, north: 85 }],
    ['Taiwan', { west: 119.9, south: 21.8, east: 122.1, north: 25.4 }],
    ['Kinmen and Matsu', { west: 118.1, south: 24.3, east: 120.6, north: 26.5 }],
    ['the street of 民雄', { west: 120.428, south: 23.551, east: 120.43, north: 23.553 }],
    ['across the antimeridian, west of Taiwan', { west: 170, south: -85, east: 119, north: 85 }],
    ['across the antimeridian, far from Taiwan', { west: 170, south: -85, east: -170, north: 85 }],
  ])('give in %s the markers the built index gives, at each of their zooms', (_, bbox) => {
    const built = buildClusterIndexFromColumns(positions, every);
    expect(levels.zooms).toHaveLength(DETAIL_FROM_ZOOM);
    levels.zooms.forEach((_, zoom) => {
      expect(sorted(queryClusterLevels(levels, bbox, zoom)), `zoom ${zoom}`).toEqual(
        sorted(built.query(bbox, zoom)),
      );
    });
  });

  it('draw the first view without building the index; a closer zoom, a click or complete() builds it', () => {
    const load = vi.spyOn(Supercluster.prototype, 'load');
    const index = buildClusterIndexFromColumns(positions, every, 8, levels);
    const fresh = buildClusterIndexFromColumns(positions, every);
    load.mockClear();
    const first = index.query(WORLD, 8);
    expect(load).not.toHaveBeenCalled();
    expect(sorted(first)).toEqual(sorted(fresh.query(WORLD, 8)));
    // A click on one of their clusters opens it as the index would: their ids are the index's.
    const cluster = first.find((item) => item.kind === 'cluster');
    if (cluster?.kind !== 'cluster') throw new Error('no cluster at zoom 8');
    expect(index.expansionZoom(cluster.id)).toBe(fresh.expansionZoom(cluster.id));
    expect(load).toHaveBeenCalledTimes(1);
    // From then on the built overview answers, with the same markers.
    expect(sorted(index.query(WORLD, 8))).toEqual(sorted(first));
    expect(index.completed).toBe(false);
    index.complete();
    expect(index.completed).toBe(true);
  });

  it('build the overview for a zoom they do not hold', () => {
    const few = clusterLevelsOf(positions, 40);
    const load = vi.spyOn(Supercluster.prototype, 'load');
    const index = buildClusterIndexFromColumns(positions, every, 0, few);
    expect(load).not.toHaveBeenCalled();
    const zoom = few.zooms.length;
    const items = index.query(WORLD, zoom);
    expect(load).toHaveBeenCalledTimes(1);
    expect(sorted(items)).toEqual(sorted(buildClusterIndexFromColumns(positions, every).query(WORLD, zoom)));
  });

  it.each([10, 40, 400])('hold as many zooms as fit in a budget of %d markers', (budget) => {
    const few = clusterLevelsOf(positions, budget);
    const total = few.zooms.reduce((sum, zoom) => sum + zoom.length / 4, 0);
    expect(total).toBeLessThanOrEqual(budget);
    const next = buildClusterIndexFromColumns(positions, every).query(WORLD, few.zooms.length).length;
    expect(total + next).toBeGreaterThan(budget);
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['text', 'zooms'],
    ['levels of another clustering', { ...levels, kind: 'supercluster radius 40' }],
    ['zooms that are not a list', { kind: CLUSTER_INDEX_KIND, zooms: {} }],
    ['a marker short of a field', { kind: CLUSTER_INDEX_KIND, zooms: [[120.4, 23.5, 3]] }],
    ['a marker with text in it', { kind: CLUSTER_INDEX_KIND, zooms: [[120.4, 23.5, '3', 7]] }],
    ['a marker with no position', { kind: CLUSTER_INDEX_KIND, zooms: [[null, 23.5, 3, 7]] }],
  ])('are not used when a file holds %s', (_, value) => {
    expect(parseClusterLevels(value, CLUSTER_INDEX_KIND)).toBeUndefined();
  });

  it('are used as written when well formed', () => {
    expect(parseClusterLevels(JSON.parse(JSON.stringify(levels)), CLUSTER_INDEX_KIND)).toEqual(levels);
  });
});
