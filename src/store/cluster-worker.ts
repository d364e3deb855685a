/// <reference lib="webworker" />
import { buildClusterIndexFromColumns, type ClusterIndex } from '../domain/cluster-index.ts';
import type { PositionColumns } from '../domain/position-columns.ts';
import type { ClusterReply, ClusterRequest } from './cluster-protocol.ts';

// Building a supercluster index of 100,000 points takes hundreds of milliseconds: it happens here, so the page
// never freezes while a filter or a search changes what is visible.
let columns: PositionColumns = { lat: new Float64Array(0), lng: new Float64Array(0) };
let index: ClusterIndex = buildClusterIndexFromColumns(columns, []);
let generation = 0;

const reply = (message: ClusterReply) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ClusterRequest>) => {
  const message = event.data;
  switch (message.type) {
    case 'positions':
      columns = message.columns;
      return;
    case 'visible':
      index = buildClusterIndexFromColumns(columns, message.visible);
      generation = message.generation;
      reply({ type: 'ready', generation });
      return;
    case 'query':
      reply({ type: 'query', id: message.id, generation, items: index.query(message.bbox, message.zoom) });
      return;
    case 'expansion':
      reply({ type: 'expansion', id: message.id, zoom: index.expansionZoom(message.clusterId) });
      return;
  }
};
