import type { BBox, ClusterItem } from '../domain/cluster-index.ts';
import type { PositionColumns } from '../domain/position-columns.ts';

/** Messages to the cluster worker. `generation` ties replies to the data they were computed from. */
export type ClusterRequest =
  | { readonly type: 'positions'; readonly columns: PositionColumns }
  | { readonly type: 'visible'; readonly generation: number; readonly visible: Int32Array }
  | { readonly type: 'query'; readonly id: number; readonly bbox: BBox; readonly zoom: number }
  | { readonly type: 'expansion'; readonly id: number; readonly clusterId: number };

/** Replies from the cluster worker. */
export type ClusterReply =
  | { readonly type: 'ready'; readonly generation: number }
  | {
      readonly type: 'query';
      readonly id: number;
      readonly generation: number;
      readonly items: ClusterItem[];
    }
  | { readonly type: 'expansion'; readonly id: number; readonly zoom: number };
