import { toLatLng } from '../model/coordinates.ts';
import type { BBox, ClusterItem } from './cluster-item.ts';

/**
 * The markers of a cluster index's farthest zooms (0, 1, 2…), for every position: computed when the build
 * compiles the data and shipped with its positions, so that the map's first view is drawn without building the
 * index (hundreds of milliseconds of work for 100,000 points, while the page is loading). The index itself is
 * built later, and gives the same markers and ids.
 */
export interface ClusterLevels {
  /** How the index was clustered (see clusterIndexKind): levels of another kind are not used. */
  readonly kind: string;
  /**
   * Per zoom, its markers as [lng, lat, count, id] one after the other: a cluster (count > 1) with its id, or a
   * single resource (count 1) with its index.
   */
  readonly zooms: readonly (readonly number[])[];
}

const FIELDS = 4;

/** Levels in the form the index's own query gives (see ClusterIndex.query), for `kind`. */
export function clusterLevelsFrom(kind: string, zooms: readonly (readonly ClusterItem[])[]): ClusterLevels {
  return {
    kind,
    zooms: zooms.map((items) =>
      items.flatMap((item) => {
        const [lat, lng] = item.position;
        return item.kind === 'cluster' ? [lng, lat, item.count, item.id] : [lng, lat, 1, item.index];
      }),
    ),
  };
}

/** Levels read from a file: undefined unless they are of `kind` and well formed. */
export function parseClusterLevels(value: unknown, kind: string): ClusterLevels | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind: theirs, zooms } = value as { kind?: unknown; zooms?: unknown };
  if (theirs !== kind || !Array.isArray(zooms)) return undefined;
  const wellFormed = zooms.every(
    (zoom) =>
      Array.isArray(zoom) &&
      zoom.length % FIELDS === 0 &&
      zoom.every((n) => typeof n === 'number' && Number.isFinite(n)),
  );
  return wellFormed ? { kind, zooms: zooms as number[][] } : undefined;
}

/** Whether the levels hold the markers of this (integer) zoom. */
export const levelsServe = (levels: ClusterLevels, zoom: number) => zoom >= 0 && zoom < levels.zooms.length;

/**
 * The markers of an integer zoom (one levelsServe) in a box: the ones the index's query gives there. A box
 * 360° wide or wider spans every longitude; one whose west is east of its east crosses the antimeridian.
 */
export function queryClusterLevels(levels: ClusterLevels, bbox: BBox, zoom: number): ClusterItem[] {
  const markers = levels.zooms[zoom] ?? [];
  const wrap = (lng: number) => ((((lng + 180) % 360) + 360) % 360) - 180;
  const everyLng = bbox.east - bbox.west >= 360;
  const west = wrap(bbox.west);
  const east = bbox.east === 180 ? 180 : wrap(bbox.east);
  const inLng = (lng: number) =>
    everyLng || (west <= east ? lng >= west && lng <= east : lng >= west || lng <= east);
  const items: ClusterItem[] = [];
  for (let k = 0; k < markers.length; k += FIELDS) {
    const lng = markers[k] as number;
    const lat = markers[k + 1] as number;
    if (!inLng(lng) || lat < bbox.south || lat > bbox.north) continue;
    const count = markers[k + 2] as number;
    const id = markers[k + 3] as number;
    const position = toLatLng(lat, lng);
    items.push(
      count > 1 ? { kind: 'cluster', id, position, count } : { kind: 'resource', index: id, position },
    );
  }
  return items;
}
