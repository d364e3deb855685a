import Supercluster from 'supercluster';
import { type LatLng, toLatLng } from './coordinates.ts';
import { type PositionColumns, positionColumns } from './position-columns.ts';
import type { Resource } from './resource.ts';

/** A map bounding box in degrees. */
export interface BBox {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

export type ClusterItem =
  | { readonly kind: 'cluster'; readonly id: number; readonly position: LatLng; readonly count: number }
  | { readonly kind: 'resource'; readonly index: number; readonly position: LatLng };

export interface ClusterIndex {
  /** Clusters and single resources visible in a bounding box at an integer zoom. */
  query(bbox: BBox, zoom: number): ClusterItem[];
  /** The zoom at which a cluster breaks apart (for click-to-zoom). */
  expansionZoom(clusterId: number): number;
}

interface PointProps {
  index: number;
}

/** Indexes the placed resources among `visible` (indexes into `resources`) with supercluster. */
export function buildClusterIndex(resources: readonly Resource[], visible: readonly number[]): ClusterIndex {
  return buildClusterIndexFromColumns(positionColumns(resources), visible);
}

/** Indexes the positions of the `visible` indexes with supercluster (used in the cluster worker). */
export function buildClusterIndexFromColumns(
  columns: PositionColumns,
  visible: ArrayLike<number>,
): ClusterIndex {
  const points: Supercluster.PointFeature<PointProps>[] = [];
  for (let k = 0; k < visible.length; k++) {
    const index = visible[k] as number;
    const lat = columns.lat[index];
    const lng = columns.lng[index];
    if (lat === undefined || lng === undefined || Number.isNaN(lat) || Number.isNaN(lng)) continue;
    points.push({
      type: 'Feature',
      properties: { index },
      geometry: { type: 'Point', coordinates: [lng, lat] },
    });
  }
  // extent 256 matches Leaflet's 256 px tiles, so the radius is in screen pixels (default 512 halves it).
  const sc = new Supercluster<PointProps, Record<string, never>>({
    radius: 60,
    extent: 256,
    maxZoom: 17,
    minPoints: 3,
  });
  sc.load(points);
  return {
    query(bbox, zoom) {
      return sc
        .getClusters([bbox.west, bbox.south, bbox.east, bbox.north], Math.round(zoom))
        .map((f): ClusterItem => {
          const [lng, lat] = f.geometry.coordinates as [number, number];
          const position = toLatLng(lat, lng);
          const props = f.properties as Partial<Supercluster.ClusterProperties> & Partial<PointProps>;
          if (props.cluster && props.cluster_id !== undefined) {
            return { kind: 'cluster', id: props.cluster_id, position, count: props.point_count ?? 0 };
          }
          return { kind: 'resource', index: props.index ?? -1, position };
        });
    },
    expansionZoom: (clusterId) => sc.getClusterExpansionZoom(clusterId),
  };
}
