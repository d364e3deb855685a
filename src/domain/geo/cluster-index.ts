import Supercluster from 'supercluster';
import { toLatLng } from '../model/coordinates.ts';
import type { Resource } from '../model/resource.ts';
import type { BBox, ClusterItem } from './cluster-item.ts';
import { type ClusterLevels, clusterLevelsFrom, levelsServe, queryClusterLevels } from './cluster-levels.ts';
import { everyIndex, type PositionColumns, positionColumns } from './position-columns.ts';

export interface ClusterIndex {
  /** Clusters and single resources visible in a bounding box at an integer zoom. */
  query(bbox: BBox, zoom: number): ClusterItem[];
  /** The zoom at which a cluster breaks apart (for click-to-zoom). */
  expansionZoom(clusterId: number): number;
  /** Builds the part of the index that is not built yet (a query that needs it would otherwise build it then). */
  complete(): void;
  /** Whether both parts are built. */
  readonly completed: boolean;
}

interface PointProps {
  index: number;
  /** 1 for a record a `?data=` link brought (only when the index is given a link mask). */
  linked?: number;
}

/** What a cluster adds up when a link mask is given: how many of its records came from a link. */
interface LinkedProps {
  linked: number;
}

/**
 * Street zooms (this and closer) are clustered by the index's detail part, farther zooms by its overview part.
 * Supercluster builds zoom levels one after the other from its closest; the overview starts at the zoom before
 * this one, so a map that opens on a county or all of Taiwan is drawn after a quarter of the work, and the
 * three street levels (most of the work: they still hold nearly every point) wait until they are needed.
 */
export const DETAIL_FROM_ZOOM = 15;
/** The closest zoom that is clustered; closer still, every point is drawn on its own. */
const CLOSEST_CLUSTER_ZOOM = 17;

// extent 256 matches Leaflet's 256 px tiles, so the radius is in screen pixels (default 512 halves it).
const CLUSTER_OPTIONS = { radius: 60, extent: 256, minPoints: 3 } as const;

/** What shipped cluster levels must have been made with to stand for this index's overview (ClusterLevels). */
export const CLUSTER_INDEX_KIND = `supercluster radius ${CLUSTER_OPTIONS.radius} extent ${CLUSTER_OPTIONS.extent} minPoints ${CLUSTER_OPTIONS.minPoints} overview 0-${DETAIL_FROM_ZOOM - 1}`;

/** Indexes the placed resources among `visible` (indexes into `resources`) with supercluster. */
export function buildClusterIndex(resources: readonly Resource[], visible: readonly number[]): ClusterIndex {
  return buildClusterIndexFromColumns(positionColumns(resources), visible);
}

type Part = (() => Supercluster<PointProps, Partial<LinkedProps>>) & { readonly built: boolean };

/**
 * Indexes the positions of the `visible` indexes with supercluster (used in the cluster worker): the part that
 * serves `firstZoom` now, the other one when it is first queried or `complete()` is called. `levels` (shipped
 * with the positions, see clusterLevelsOf; only when `visible` is every index) answer the zooms they hold until
 * the overview part is built: then no part is built now when they serve `firstZoom`. `linked` (1 per index a
 * `?data=` link brought, see ClusterItem) makes each cluster count those; without it (the map's own data, the
 * common case) supercluster is given no map/reduce and does no work for them.
 */
export function buildClusterIndexFromColumns(
  columns: PositionColumns,
  visible: ArrayLike<number>,
  firstZoom = 0,
  levels?: ClusterLevels,
  linked?: Uint8Array | null,
): ClusterIndex {
  const linkMask = linked && linked.length === columns.lat.length ? linked : null;
  // Made when a part is first built (the shipped levels may serve until then): one feature per placed point.
  let points: Supercluster.PointFeature<PointProps>[] | undefined;
  const placedPoints = () => {
    if (points) return points;
    points = [];
    for (let k = 0; k < visible.length; k++) {
      const index = visible[k] as number;
      const lat = columns.lat[index];
      const lng = columns.lng[index];
      if (lat === undefined || lng === undefined || Number.isNaN(lat) || Number.isNaN(lng)) continue;
      points.push({
        type: 'Feature',
        properties: linkMask ? { index, linked: linkMask[index] ?? 0 } : { index },
        geometry: { type: 'Point', coordinates: [lng, lat] },
      });
    }
    return points;
  };
  const counting: Supercluster.Options<PointProps, Partial<LinkedProps>> = linkMask
    ? {
        map: (props) => ({ linked: props.linked ?? 0 }),
        reduce: (sum, props) => {
          sum.linked = (sum.linked ?? 0) + (props.linked ?? 0);
        },
      }
    : {};
  const part = (options: Supercluster.Options<PointProps, Partial<LinkedProps>>): Part => {
    let sc: Supercluster<PointProps, Partial<LinkedProps>> | undefined;
    const get = () => {
      sc ??= new Supercluster({ ...CLUSTER_OPTIONS, ...counting, ...options }).load(placedPoints());
      return sc;
    };
    return Object.defineProperty(get, 'built', { get: () => sc !== undefined }) as Part;
  };
  const overview = part({ minZoom: 0, maxZoom: DETAIL_FROM_ZOOM - 1 });
  const detail = part({ minZoom: DETAIL_FROM_ZOOM, maxZoom: CLOSEST_CLUSTER_ZOOM });
  const isDetail = (zoom: number) => zoom >= DETAIL_FROM_ZOOM;
  const fromLevels = (zoom: number) => levels !== undefined && !overview.built && levelsServe(levels, zoom);
  if (!fromLevels(firstZoom)) (isDetail(firstZoom) ? detail : overview)();
  // A cluster's id says which part it came from: even for the overview, odd for the detail.
  const partOf = (clusterId: number) => (clusterId % 2 === 1 ? detail : overview);
  return {
    query(bbox, zoom) {
      const z = Math.round(zoom);
      if (levels && fromLevels(z)) return queryClusterLevels(levels, bbox, z);
      const sc = (isDetail(z) ? detail : overview)();
      const parity = isDetail(z) ? 1 : 0;
      return sc.getClusters([bbox.west, bbox.south, bbox.east, bbox.north], z).map((f): ClusterItem => {
        const [lng, lat] = f.geometry.coordinates as [number, number];
        const position = toLatLng(lat, lng);
        const props = f.properties as Partial<Supercluster.ClusterProperties> & Partial<PointProps>;
        if (props.cluster && props.cluster_id !== undefined) {
          const item = {
            kind: 'cluster',
            id: props.cluster_id * 2 + parity,
            position,
            count: props.point_count ?? 0,
          } as const;
          return props.linked ? { ...item, linked: props.linked } : item;
        }
        return { kind: 'resource', index: props.index ?? -1, position };
      });
    },
    expansionZoom(clusterId) {
      const id = Math.floor(clusterId / 2);
      const zoom = partOf(clusterId)().getClusterExpansionZoom(id);
      // The overview's closest level is its points, so its clusters "break apart" at DETAIL_FROM_ZOOM even
      // where the detail part still holds those points together: ask the detail part where they part.
      if (partOf(clusterId) === detail || zoom < DETAIL_FROM_ZOOM) return zoom;
      return detailSplitZoom(detail(), overview().getLeaves(id, Number.POSITIVE_INFINITY), columns);
    },
    complete() {
      overview();
      detail();
    },
    get completed() {
      return overview.built && detail.built;
    },
  };
}

const WORLD: BBox = { west: -180, south: -90, east: 180, north: 90 };

/**
 * The overview's markers of zoom 0, 1, 2… for every position, as many zooms as hold at most `budget` markers in
 * all (see ClusterLevels): what the build ships beside the positions.
 */
export function clusterLevelsOf(columns: PositionColumns, budget: number): ClusterLevels {
  const index = buildClusterIndexFromColumns(columns, everyIndex(columns));
  const zooms: ClusterItem[][] = [];
  let total = 0;
  for (let zoom = 0; zoom < DETAIL_FROM_ZOOM; zoom++) {
    const items = index.query(WORLD, zoom);
    total += items.length;
    if (total > budget) break;
    zooms.push(items);
  }
  return clusterLevelsFrom(CLUSTER_INDEX_KIND, zooms);
}

/**
 * The first street zoom at which `leaves` (the points of one overview cluster) are drawn as more than one marker
 * by the detail part, or the zoom past its closest clustered one when they never part (points on one spot).
 */
function detailSplitZoom(
  detail: Supercluster<PointProps, Partial<LinkedProps>>,
  leaves: readonly Supercluster.PointFeature<PointProps>[],
  columns: PositionColumns,
): number {
  const ours = new Set(leaves.map((leaf) => leaf.properties.index));
  const box = { west: 180, south: 90, east: -180, north: -90 };
  for (const index of ours) {
    const lat = columns.lat[index] as number;
    const lng = columns.lng[index] as number;
    box.west = Math.min(box.west, lng);
    box.east = Math.max(box.east, lng);
    box.south = Math.min(box.south, lat);
    box.north = Math.max(box.north, lat);
  }
  const holdsOurs = (
    feature: Supercluster.ClusterFeature<Partial<LinkedProps>> | Supercluster.PointFeature<PointProps>,
  ) => {
    const props = feature.properties as Partial<Supercluster.ClusterProperties> & Partial<PointProps>;
    if (!props.cluster || props.cluster_id === undefined) return ours.has(props.index ?? -1);
    return detail
      .getLeaves(props.cluster_id, Number.POSITIVE_INFINITY)
      .some((leaf) => ours.has(leaf.properties.index));
  };
  for (let zoom = DETAIL_FROM_ZOOM; zoom <= CLOSEST_CLUSTER_ZOOM; zoom++) {
    // A cluster sits at the weighted centre of its points, which lie within twice the radius of it. A pixel
    // spans fewer degrees of latitude than of longitude in Web Mercator, so the longitude span pads both.
    const pad = ((2 * CLUSTER_OPTIONS.radius) / CLUSTER_OPTIONS.extent) * (360 / 2 ** zoom);
    const items = detail.getClusters(
      [box.west - pad, box.south - pad, box.east + pad, box.north + pad],
      zoom,
    );
    let markers = 0;
    for (const item of items) if (holdsOurs(item) && ++markers > 1) return zoom;
  }
  return CLOSEST_CLUSTER_ZOOM + 1;
}
