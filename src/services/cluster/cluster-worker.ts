/// <reference lib="webworker" />
import {
  buildClusterIndexFromColumns,
  CLUSTER_INDEX_KIND,
  type ClusterIndex,
} from '../../domain/geo/cluster-index.ts';
import { parseClusterLevels } from '../../domain/geo/cluster-levels.ts';
import { everyIndex, type PositionColumns } from '../../domain/geo/position-columns.ts';
import type { ClusterReply, ClusterRequest } from './cluster-protocol.ts';

// Building a supercluster index of 100,000 points takes hundreds of milliseconds: it happens here, so the page
// never freezes while a filter or a search changes what is visible.
let columns: PositionColumns = { lat: new Float64Array(0), lng: new Float64Array(0) };
/** Which of `columns` a link brought (see the 'linked' request); null when none. */
let linked: Uint8Array | null = null;
let index: ClusterIndex = buildClusterIndexFromColumns(columns, []);
/** Whether `index` holds every position of `columns` (what an unfiltered map shows). */
let indexIsAll = false;
let generation = 0;
/** The zoom of the last query: a new index first builds the part that serves it. */
let lastZoom = 0;
let completeTimer: ReturnType<typeof setTimeout> | undefined;
/** How long the map must be still (no query) before the rest of the index is built. */
const COMPLETE_AFTER_MS = 1000;

/**
 * The part of the index no query has needed yet is built once the map has been still for a moment (a query
 * that needs it first builds it then): at load, the first markers do not wait for the street levels.
 */
const completeWhenStill = () => {
  clearTimeout(completeTimer);
  completeTimer = setTimeout(() => index.complete(), COMPLETE_AFTER_MS);
};

const rebuild = (visible: ArrayLike<number>) => {
  index = buildClusterIndexFromColumns(columns, visible, lastZoom, undefined, linked);
};

const reply = (message: ClusterReply) => self.postMessage(message);

const samePositions = (a: PositionColumns, b: PositionColumns) => {
  if (a.lat.length !== b.lat.length) return false;
  for (let i = 0; i < a.lat.length; i++) {
    // NaN (no position) equals NaN here.
    if (!Object.is(a.lat[i], b.lat[i]) || !Object.is(a.lng[i], b.lng[i])) return false;
  }
  return true;
};

const handle = (message: ClusterRequest) => {
  switch (message.type) {
    case 'port':
      message.port.onmessage = (event: MessageEvent<ClusterRequest>) => handle(event.data);
      return;
    case 'prepare':
    case 'positions':
      // The page sends the positions the dataset worker already sent: the index built for them is kept.
      if (samePositions(columns, message.columns)) return;
      columns = message.columns;
      indexIsAll = false;
      if (message.type === 'prepare') {
        // With levels shipped for these positions, the first view is drawn from them: the index is built once
        // the map is still (completeWhenStill), or when a query or a click needs it.
        const levels = parseClusterLevels(message.clusterLevels, CLUSTER_INDEX_KIND);
        index = buildClusterIndexFromColumns(columns, everyIndex(columns), lastZoom, levels);
        indexIsAll = true;
      }
      return;
    case 'linked':
      linked = message.linked;
      // The next 'visible' builds an index that counts them, even of every index.
      indexIsAll = false;
      return;
    case 'visible':
      if (!(message.all && indexIsAll)) {
        rebuild(message.visible ?? everyIndex(columns));
        indexIsAll = message.all;
      }
      generation = message.generation;
      reply({ type: 'ready', generation });
      return;
    case 'query':
      lastZoom = message.zoom;
      reply({ type: 'query', id: message.id, generation, items: index.query(message.bbox, message.zoom) });
      if (!index.completed) completeWhenStill();
      return;
    case 'expansion':
      reply({ type: 'expansion', id: message.id, zoom: index.expansionZoom(message.clusterId) });
      return;
  }
};

self.onmessage = (event: MessageEvent<ClusterRequest>) => handle(event.data);
