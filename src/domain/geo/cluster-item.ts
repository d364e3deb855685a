import type { LatLng } from '../model/coordinates.ts';

/** A map bounding box in degrees. */
export interface BBox {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

/**
 * What the map draws at one zoom: a cluster of resources, or one resource (by its display index). A cluster's
 * `linked` counts the records among its `count` that a `?data=` link brought, when the index was told which
 * those are (absent otherwise, and when none are).
 */
export type ClusterItem =
  | {
      readonly kind: 'cluster';
      readonly id: number;
      readonly position: LatLng;
      readonly count: number;
      readonly linked?: number;
    }
  | { readonly kind: 'resource'; readonly index: number; readonly position: LatLng };
