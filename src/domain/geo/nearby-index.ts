import { around } from 'geokdbush';
import KDBush from 'kdbush';
import { distanceMetres, type LatLng } from '../model/coordinates.ts';
import type { Resource } from '../model/resource.ts';

/** A kd-tree over the resources that have a position, for nearest-first queries. */
export interface NearbyIndex {
  readonly resources: readonly Resource[];
  /** The tree, or null when no resource has a position (kdbush wants at least one point). */
  readonly tree: KDBush | null;
  /** Index into `resources` of each tree item. */
  readonly resourceOf: Int32Array;
}

/** One resource found near a point: its index into the resources and its distance in metres. */
export interface NearbyHit {
  readonly index: number;
  readonly distance: number;
}

export interface NearestOptions {
  /** At most this many hits (default: all). */
  readonly limit?: number;
  /** Only hits within this many metres (default: any distance). */
  readonly maxMetres?: number;
  /** Only resources (by index) this accepts, e.g. those the filters show; rejected ones do not use up `limit`. */
  readonly accept?: (index: number) => boolean;
}

/** Builds the kd-tree once per dataset, so each nearest-k query visits a few tree nodes instead of every record. */
export function buildNearbyIndex(resources: readonly Resource[]): NearbyIndex {
  const placed: number[] = [];
  resources.forEach((r, i) => {
    if (r.position) placed.push(i);
  });
  if (placed.length === 0) return { resources, tree: null, resourceOf: new Int32Array(0) };
  const tree = new KDBush(placed.length);
  for (const i of placed) {
    const p = (resources[i] as Resource).position as LatLng;
    tree.add(p[1], p[0]);
  }
  tree.finish();
  return { resources, tree, resourceOf: Int32Array.from(placed) };
}

/**
 * The nearest placed resources to a point, nearest first, with great-circle distances in metres.
 * Resources without a position are never returned: they have no distance.
 */
export function nearestResources(
  index: NearbyIndex,
  point: LatLng,
  options: NearestOptions = {},
): NearbyHit[] {
  const { tree, resourceOf, resources } = index;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const maxMetres = options.maxMetres ?? Number.POSITIVE_INFINITY;
  if (!tree || limit <= 0) return [];
  const accept = options.accept;
  const ids = around(
    tree,
    point[1],
    point[0],
    limit,
    // geokdbush works in kilometres on a 6371 km sphere; the exact cut is made below in metres.
    Number.isFinite(maxMetres) ? maxMetres / 1000 + 0.001 : Number.POSITIVE_INFINITY,
    accept ? (id: number) => accept(resourceOf[id] as number) : undefined,
  );
  const hits: NearbyHit[] = [];
  for (const id of ids) {
    const resourceIndex = resourceOf[id] as number;
    const position = resources[resourceIndex]?.position;
    if (!position) continue;
    const distance = distanceMetres(point, position);
    if (distance <= maxMetres) hits.push({ index: resourceIndex, distance });
  }
  return hits;
}

/**
 * Every placed resource, nearest first: what "any distance" lists. One pass of great-circle distances and a native
 * numeric sort of packed keys (distance in decimetres × count + position), which beats walking the whole kd-tree
 * when every point is wanted; it runs once per reference point, never per keystroke.
 */
export function allByDistance(index: NearbyIndex, point: LatLng): NearbyHit[] {
  const { resourceOf, resources } = index;
  const n = resourceOf.length;
  const distances = new Float64Array(n);
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const position = resources[resourceOf[k] as number]?.position;
    const d = position ? distanceMetres(point, position) : Number.POSITIVE_INFINITY;
    distances[k] = d;
    keys[k] = Math.round(d * 10) * n + k;
  }
  keys.sort();
  const hits: NearbyHit[] = new Array(n);
  for (let j = 0; j < n; j++) {
    const k = (keys[j] as number) % n;
    hits[j] = { index: resourceOf[k] as number, distance: distances[k] as number };
  }
  return hits;
}

/** Distances by resource index (NaN where not measured), for showing a distance beside each result. */
export function distancesByIndex(hits: readonly NearbyHit[], resourceCount: number): Float64Array {
  const out = new Float64Array(resourceCount).fill(Number.NaN);
  for (const hit of hits) out[hit.index] = hit.distance;
  return out;
}
