import type { BBox, ClusterItem } from '../../domain/geo/cluster-item.ts';
import type { PositionColumns } from '../../domain/geo/position-columns.ts';

/** Messages to the cluster worker. `generation` ties replies to the data they were computed from. */
export type ClusterRequest =
  | { readonly type: 'positions'; readonly columns: PositionColumns }
  /**
   * Which positions a `?data=` link brought (1 per index, as the positions): the next index counts them per
   * cluster. null: none (the common case; the index then counts nothing).
   */
  | { readonly type: 'linked'; readonly linked: Uint8Array | null }
  /**
   * `all`: every index of the positions (no filter), which a prepared index already holds; `visible` is null when
   * they are 0, 1, 2… (the worker makes that list itself).
   */
  | {
      readonly type: 'visible';
      readonly generation: number;
      readonly visible: Int32Array | null;
      readonly all: boolean;
    }
  /**
   * From the dataset worker, straight (a MessageChannel port, see connectPort): the positions of the data on its
   * way, to index all of them before the page has even received them; with the cluster levels the build shipped
   * beside them, as read (the worker checks them: domain/geo/cluster-levels.ts).
   */
  | { readonly type: 'prepare'; readonly columns: PositionColumns; readonly clusterLevels?: unknown }
  /** The port the dataset worker sends 'prepare' through. */
  | { readonly type: 'port'; readonly port: MessagePort }
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
