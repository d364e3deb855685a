import type { ClusterIndex } from '../../domain/geo/cluster-index.ts';
import type { BBox, ClusterItem } from '../../domain/geo/cluster-item.ts';
import { everyIndex, type PositionColumns } from '../../domain/geo/position-columns.ts';
import type { ClusterReply, ClusterRequest } from './cluster-protocol.ts';

/** Asynchronous clustering: the index lives in a worker; the map asks for what its viewport needs. */
export interface ClusterClient {
  setPositions(columns: PositionColumns): void;
  /**
   * Which of the positions a `?data=` link brought (1 per index; null for none): the next setVisible builds an
   * index whose clusters count them (ClusterItem's `linked`).
   */
  setLinked(linked: Uint8Array | null): void;
  /**
   * Sets the positions and starts indexing all of them at once: the loading path calls this as soon as the
   * worker has the positions, so the index is (nearly) ready when the records land. A later setVisible of
   * every index (no filter) with the same positions reuses it.
   */
  prepareAll(columns: PositionColumns): void;
  /** Rebuilds the index for these visible indexes; resolves when queries will see them. */
  setVisible(visible: readonly number[]): Promise<void>;
  query(bbox: BBox, zoom: number): Promise<ClusterItem[]>;
  expansionZoom(clusterId: number): Promise<number>;
  /**
   * A port for the dataset worker to send positions straight to the cluster worker ('prepare'), so that
   * indexing starts without waiting for the page; undefined without workers.
   */
  connectPort(): MessagePort | undefined;
  dispose(): void;
}

/** A worker-backed client in browsers; the same index in-thread where workers are missing (tests). */
export function createClusterClient(): ClusterClient {
  return typeof Worker === 'undefined' ? inThreadClient() : workerClient();
}

let shared: ClusterClient | null = null;

/** The page's clustering client (there is one map): created on first use, kept for the page's life. */
export function sharedClusterClient(): ClusterClient {
  shared ??= createClusterClient();
  return shared;
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
  let sentColumns: PositionColumns | null = null;
  let sentLinked: Uint8Array | null = null;
  // The last index built: for which positions, and whether of every index (what an unfiltered view shows).
  let built: { columns: PositionColumns | null; all: boolean; ready: Promise<void> } = {
    columns: null,
    all: false,
    ready: Promise.resolve(),
  };
  const setPositions = (columns: PositionColumns) => {
    if (columns === sentColumns) return;
    sentColumns = columns;
    send({ type: 'positions', columns });
  };
  /** `visible` null: every index, in index order (made by the worker, not on the page). */
  const build = (visible: Int32Array | null, all: boolean) => {
    generation += 1;
    const g = generation;
    const done = new Promise<void>((resolve) => {
      ready.set(g, resolve);
      send({ type: 'visible', generation: g, visible, all }, visible ? [visible.buffer] : []);
    });
    built = { columns: sentColumns, all, ready: done };
    return done;
  };
  return {
    setPositions,
    setLinked(linked) {
      if (sameMask(linked, sentLinked)) return;
      sentLinked = linked;
      send({ type: 'linked', linked });
      // The index built is of the old mask: the next setVisible builds again, even of every index.
      built = { ...built, columns: null };
    },
    prepareAll(columns) {
      setPositions(columns);
      void build(null, true);
    },
    setVisible(visible) {
      const all = sentColumns !== null && visible.length === sentColumns.lat.length;
      if (all && built.all && built.columns === sentColumns) return built.ready;
      return build(new Int32Array(visible), all);
    },
    query: async (bbox, zoom) => {
      const reply = await ask((id) => ({ type: 'query', id, bbox, zoom }));
      return reply.type === 'query' ? reply.items : [];
    },
    expansionZoom: async (clusterId) => {
      const reply = await ask((id) => ({ type: 'expansion', id, clusterId }));
      return reply.type === 'expansion' ? reply.zoom : 0;
    },
    connectPort() {
      const channel = new MessageChannel();
      send({ type: 'port', port: channel.port2 }, [channel.port2]);
      return channel.port1;
    },
    dispose: () => worker.terminate(),
  };
}

function inThreadClient(): ClusterClient {
  // Loaded when first needed: where workers exist (every browser the app supports), supercluster stays out of
  // the page's own JavaScript.
  const clustering = import('../../domain/geo/cluster-index.ts');
  let columns: PositionColumns = { lat: new Float64Array(0), lng: new Float64Array(0) };
  let linked: Uint8Array | null = null;
  let index: Promise<ClusterIndex> = clustering.then((m) => m.buildClusterIndexFromColumns(columns, []));
  const rebuild = (visible: ArrayLike<number>) => {
    const indexed = columns;
    const mask = linked;
    index = clustering.then((m) => m.buildClusterIndexFromColumns(indexed, visible, 0, undefined, mask));
  };
  return {
    setPositions: (c) => {
      columns = c;
    },
    setLinked: (mask) => {
      linked = mask;
    },
    prepareAll: (c) => {
      columns = c;
      rebuild(everyIndex(columns));
    },
    setVisible: async (visible) => {
      rebuild(visible);
      await index;
    },
    query: async (bbox, zoom) => (await index).query(bbox, zoom),
    expansionZoom: async (clusterId) => (await index).expansionZoom(clusterId),
    connectPort: () => undefined,
    dispose: () => undefined,
  };
}

/** Whether two link masks say the same (a new array of the same marks sends nothing). */
function sameMask(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
