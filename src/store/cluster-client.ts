import {
  type BBox,
  buildClusterIndexFromColumns,
  type ClusterIndex,
  type ClusterItem,
} from '../domain/cluster-index.ts';
import type { PositionColumns } from '../domain/position-columns.ts';
import type { ClusterReply, ClusterRequest } from './cluster-protocol.ts';

/** Asynchronous clustering: the index lives in a worker; the map asks for what its viewport needs. */
export interface ClusterClient {
  setPositions(columns: PositionColumns): void;
  /** Rebuilds the index for these visible indexes; resolves when queries will see them. */
  setVisible(visible: readonly number[]): Promise<void>;
  query(bbox: BBox, zoom: number): Promise<ClusterItem[]>;
  expansionZoom(clusterId: number): Promise<number>;
  dispose(): void;
}

/** A worker-backed client in browsers; the same index in-thread where workers are missing (tests). */
export function createClusterClient(): ClusterClient {
  return typeof Worker === 'undefined' ? inThreadClient() : workerClient();
}

function workerClient(): ClusterClient {
  const worker = new Worker(new URL('./cluster-worker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  let generation = 0;
  const pending = new Map<number, (reply: ClusterReply) => void>();
  const ready = new Map<number, () => void>();
  worker.onmessage = (event: MessageEvent<ClusterReply>) => {
    const message = event.data;
    if (message.type === 'ready') {
      // Earlier generations were superseded: release their waiters too.
      for (const [g, resolve] of ready) {
        if (g <= message.generation) {
          resolve();
          ready.delete(g);
        }
      }
      return;
    }
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  };
  const send = (message: ClusterRequest, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);
  const ask = (build: (id: number) => ClusterRequest) =>
    new Promise<ClusterReply>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      send(build(id));
    });
  return {
    setPositions: (columns) => send({ type: 'positions', columns }),
    setVisible(visible) {
      generation += 1;
      const g = generation;
      const list = new Int32Array(visible);
      return new Promise<void>((resolve) => {
        ready.set(g, resolve);
        send({ type: 'visible', generation: g, visible: list }, [list.buffer]);
      });
    },
    query: async (bbox, zoom) => {
      const reply = await ask((id) => ({ type: 'query', id, bbox, zoom }));
      return reply.type === 'query' ? reply.items : [];
    },
    expansionZoom: async (clusterId) => {
      const reply = await ask((id) => ({ type: 'expansion', id, clusterId }));
      return reply.type === 'expansion' ? reply.zoom : 0;
    },
    dispose: () => worker.terminate(),
  };
}

function inThreadClient(): ClusterClient {
  let columns: PositionColumns = { lat: new Float64Array(0), lng: new Float64Array(0) };
  let index: ClusterIndex = buildClusterIndexFromColumns(columns, []);
  return {
    setPositions: (c) => {
      columns = c;
    },
    setVisible: async (visible) => {
      index = buildClusterIndexFromColumns(columns, visible);
    },
    query: async (bbox, zoom) => index.query(bbox, zoom),
    expansionZoom: async (clusterId) => index.expansionZoom(clusterId),
    dispose: () => undefined,
  };
}
