/// <reference lib="webworker" />

import { buildGazetteer, type Gazetteer } from '../../domain/geo/gazetteer.ts';
import type { BuildContext } from '../../domain/loading/build-resource.ts';
import { parseDelimitedText } from '../../domain/loading/parse-csv.ts';
import { SharedMapDocs } from './shared-map-docs.ts';
import {
  readSharedMapRequest,
  recordsAllReplies,
  type SharedContextSource,
  type SharedMapListener,
  type SharedMapReply,
  type SharedMapRequest,
} from './shared-map-protocol.ts';

/**
 * The shared map's documents live here, off the page's thread: a county's document of 100,000 records is
 * ~100 MB of Yjs objects, and every garbage collection on the page would walk them. The page sends requests
 * (shared-map-protocol.ts) and receives records already validated.
 */
const post = (reply: SharedMapReply) => self.postMessage(reply);

const listener: SharedMapListener = {
  records: (document, change) => {
    if ('all' in change) for (const reply of recordsAllReplies(document, change.all)) post(reply);
    else post({ type: 'records-changed', document, changes: change });
  },
  status: (document, status) => post({ type: 'status', document, status }),
  refused: (document, reason) => post({ type: 'refused', document, reason }),
  index: (document, index) => post({ type: 'index', document, index }),
  defaultData: (document, mark) => post({ type: 'default-data', document, mark }),
  proposals: (document, proposals) => post({ type: 'proposals', document, proposals }),
  undo: (steps) => post({ type: 'undo', steps }),
};

/** The validation context records are read with: the app's configuration and the township gazetteer. */
async function contextFrom(source: SharedContextSource): Promise<(document: string) => BuildContext> {
  let gazetteer: Gazetteer = buildGazetteer([]);
  try {
    const response = await fetch(source.gazetteerUrl);
    if (response.ok) gazetteer = buildGazetteer(parseDelimitedText(await response.text()).rows);
  } catch {
    // Offline without a cached gazetteer: records keep their own coordinates.
  }
  const category = source.categories[0]?.id ?? 'other';
  return (file) => ({
    categories: source.categories,
    serviceTags: source.serviceTags,
    gazetteer,
    defaults: { file, category, source: file, visibility: 'public' },
  });
}

/** The documents, once 'start' has built the context; requests that arrive meanwhile wait for them. */
let docs: Promise<SharedMapDocs> | null = null;

function start(request: Extract<SharedMapRequest, { type: 'start' }>): Promise<SharedMapDocs> {
  return contextFrom(request.context).then(
    (context) =>
      new SharedMapDocs({
        wsUrl: request.wsUrl,
        token: request.token,
        persist: request.persist,
        context,
        listener,
        onStopped: () => post({ type: 'stopped' }),
      }),
  );
}

function handle(docs: SharedMapDocs, request: SharedMapRequest): void {
  switch (request.type) {
    case 'start':
      post({ type: 'malformed', problem: "'start' sent twice" });
      break;
    case 'open':
      docs.open(request.document);
      break;
    case 'write':
      docs.write(request.document, request.resource, request.stamp);
      break;
    case 'upload-default-data':
      docs.uploadDefaultData(request.document, request.resources, request.stamp);
      break;
    case 'remove':
      docs.remove(request.document, request.id, request.stamp);
      break;
    case 'history':
      post({ type: 'history', ask: request.ask, versions: docs.history(request.document, request.id) });
      break;
    case 'restore':
      docs.restore(request.document, request.version, request.stamp);
      break;
    case 'propose':
      docs.propose(request.document, request.resource, request.table);
      break;
    case 'decide':
      docs.decide(request.document, request.proposalId, request.status);
      break;
    case 'undo':
      docs.undo(request.stamp);
      break;
    case 'redo':
      docs.redo(request.stamp);
      break;
    case 'online':
      docs.online();
      break;
    case 'offline':
      docs.offline();
      break;
    case 'stop':
      void docs.stop(request.forget);
      break;
  }
}

self.onmessage = (event: MessageEvent<unknown>) => {
  const request = readSharedMapRequest(event.data);
  if ('problem' in request) {
    post({ type: 'malformed', problem: request.problem });
    return;
  }
  if (!docs) {
    if (request.type === 'start') docs = start(request);
    else post({ type: 'malformed', problem: `'${request.type}' before 'start'` });
    return;
  }
  // In order: each request waits for the documents (only the first ones, while the gazetteer loads).
  void docs.then((ready) => handle(ready, request));
};
