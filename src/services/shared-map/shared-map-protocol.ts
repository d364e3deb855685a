import type { CategoryConfig, ServiceTagConfig } from '../../domain/model/categories.ts';
import type { Resource } from '../../domain/model/resource.ts';
import type { CountyIndex } from '../../domain/shared-map/county-index.ts';
import type { DefaultDataMark } from '../../domain/shared-map/default-data-mark.ts';
import type { Proposal } from '../../domain/shared-map/proposals.ts';
import type { RecordChanges } from '../../domain/shared-map/record-changes.ts';
import type { HistoryEntry } from '../../domain/shared-map/record-history.ts';
import type { ChangeStamp } from '../../domain/shared-map/schema.ts';

/** Whether a document's connection is up. */
export type DocConnection = 'connecting' | 'online' | 'offline';
/** What the server let this link do with a document (null until it has said). */
export type DocAccess = 'write' | 'read';
/** Why the server refused something, as the UI words it. */
export type SharedRefusal =
  | 'read-only'
  | 'token-revoked'
  | 'invalid-update'
  | 'invalid-token'
  | 'forbidden'
  | 'unknown-document'
  | 'rate-limited'
  | 'refused';

/** A document's state as the store keeps it. */
export interface DocStatus {
  readonly connection: DocConnection;
  readonly access: DocAccess | null;
  /** Local changes the server has not acknowledged yet (kept in IndexedDB meanwhile). */
  readonly unsynced: number;
  /** Whether the server's copy has been received once. */
  readonly synced: boolean;
  /**
   * This browser refuses to keep the document (sites may not save data): it works online only, and changes made
   * offline are lost when the page closes.
   */
  readonly notKept: boolean;
}

/** How many of this device's own changes can be undone and redone. */
export interface UndoSteps {
  readonly undo: number;
  readonly redo: number;
}

/** What the documents report (in the worker); the page's client passes it on to the store's listener. */
export interface SharedMapListener {
  /** Every record of a document (first read, or after a large change), or only those that changed. */
  records(document: string, change: { readonly all: Resource[] } | RecordChanges): void;
  status(document: string, status: DocStatus): void;
  refused(document: string, reason: SharedRefusal): void;
  index(document: string, index: CountyIndex): void;
  /** A county document's note that the office's upload of the default data is in it (null: not yet). */
  defaultData(document: string, mark: DefaultDataMark | null): void;
  /** A workshop's proposals, all of them (a workshop has tens, not thousands). */
  proposals(document: string, proposals: Proposal[]): void;
  /** How many of this device's own changes can be undone and redone, over all documents. */
  undo(steps: UndoSteps): void;
}

/**
 * What the worker builds its validation context from (domain/loading/build-resource.ts BuildContext): the app's
 * categories and service tags, and where the township gazetteer is (fetched and parsed in the worker).
 */
export interface SharedContextSource {
  readonly categories: readonly CategoryConfig[];
  readonly serviceTags: readonly ServiceTagConfig[];
  /** Absolute URL of the gazetteer CSV; records keep their own coordinates when it cannot be fetched. */
  readonly gazetteerUrl: string;
}

/** Messages to the shared-map worker. 'start' comes first, once. */
export type SharedMapRequest =
  | {
      readonly type: 'start';
      readonly wsUrl: string;
      /** Sent in Hocuspocus's auth message only, never in a URL. */
      readonly token: string;
      readonly context: SharedContextSource;
      /** Keep each document in IndexedDB. */
      readonly persist: boolean;
    }
  | { readonly type: 'open'; readonly document: string }
  | {
      readonly type: 'write';
      readonly document: string;
      readonly resource: Resource;
      readonly stamp: ChangeStamp;
    }
  /** The office's upload of today's records into the county's document (see SharedMapDocs#uploadDefaultData). */
  | {
      readonly type: 'upload-default-data';
      readonly document: string;
      readonly resources: readonly Resource[];
      readonly stamp: ChangeStamp;
    }
  | { readonly type: 'remove'; readonly document: string; readonly id: string; readonly stamp: ChangeStamp }
  /** Asks for a record's versions: answered by a 'history' reply with the same `ask`. */
  | { readonly type: 'history'; readonly ask: number; readonly document: string; readonly id: string }
  | {
      readonly type: 'restore';
      readonly document: string;
      readonly version: HistoryEntry;
      readonly stamp: ChangeStamp;
    }
  | {
      readonly type: 'propose';
      readonly document: string;
      readonly resource: Resource;
      readonly table: string;
    }
  | {
      readonly type: 'decide';
      readonly document: string;
      readonly proposalId: string;
      readonly status: 'approved' | 'rejected';
    }
  | { readonly type: 'undo' | 'redo'; readonly stamp: ChangeStamp }
  /** The window's network events (the page knows first when the network is gone). */
  | { readonly type: 'online' | 'offline' }
  /** Closes everything; `forget` also deletes the local copies. Answered by 'stopped'. */
  | { readonly type: 'stop'; readonly forget: boolean };

/** Messages from the shared-map worker. */
export type SharedMapReply =
  /**
   * Every record of a document, in parts: RECORDS_PER_PART records as JSON text each, then 'records-all'. The page
   * parses each part in a task of its own (100,000 records in one structured clone would block it for ~350 ms),
   * and JSON.parse is ~3× faster than structured-clone deserialisation.
   */
  | { readonly type: 'records-part'; readonly document: string; readonly json: string }
  | { readonly type: 'records-all'; readonly document: string; readonly count: number }
  | { readonly type: 'records-changed'; readonly document: string; readonly changes: RecordChanges }
  | { readonly type: 'status'; readonly document: string; readonly status: DocStatus }
  | { readonly type: 'refused'; readonly document: string; readonly reason: SharedRefusal }
  | { readonly type: 'index'; readonly document: string; readonly index: CountyIndex }
  | { readonly type: 'default-data'; readonly document: string; readonly mark: DefaultDataMark | null }
  | { readonly type: 'proposals'; readonly document: string; readonly proposals: Proposal[] }
  | { readonly type: 'undo'; readonly steps: UndoSteps }
  | { readonly type: 'history'; readonly ask: number; readonly versions: HistoryEntry[] }
  /** Everything is closed (and the local copies deleted, when asked): the page may end the worker. */
  | { readonly type: 'stopped' }
  /** A request the worker could not read (a bug on the page): said, never silently dropped. */
  | { readonly type: 'malformed'; readonly problem: string };

/** Records per 'records-part' message: a part is parsed on the page in a few milliseconds. */
export const RECORDS_PER_PART = 2000;

/** A document's records as the messages that carry them (see SharedMapReply). */
export function* recordsAllReplies(
  document: string,
  resources: readonly Resource[],
  size = RECORDS_PER_PART,
): Generator<SharedMapReply> {
  for (let start = 0; start < resources.length; start += size)
    yield { type: 'records-part', document, json: JSON.stringify(resources.slice(start, start + size)) };
  yield { type: 'records-all', document, count: resources.length };
}

const isText = (v: unknown) => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStamp = (v: unknown) => isObject(v) && isText(v.org) && isText(v.name) && isText(v.at);
const isResource = (v: unknown) => isObject(v) && isText(v.id) && isText(v.name);

/** Each field a request of this type needs, and how it is checked. */
const FIELDS: Record<SharedMapRequest['type'], Record<string, (v: unknown) => boolean>> = {
  start: {
    wsUrl: isText,
    token: isText,
    persist: (v) => typeof v === 'boolean',
    context: (v) =>
      isObject(v) && Array.isArray(v.categories) && Array.isArray(v.serviceTags) && isText(v.gazetteerUrl),
  },
  open: { document: isText },
  write: { document: isText, resource: isResource, stamp: isStamp },
  'upload-default-data': {
    document: isText,
    resources: (v) => Array.isArray(v) && v.every(isResource),
    stamp: isStamp,
  },
  remove: { document: isText, id: isText, stamp: isStamp },
  history: { ask: Number.isInteger, document: isText, id: isText },
  restore: {
    document: isText,
    version: (v) => isObject(v) && isText(v.id) && isText(v.org) && isText(v.name) && isText(v.at),
    stamp: isStamp,
  },
  propose: { document: isText, resource: isResource, table: isText },
  decide: {
    document: isText,
    proposalId: isText,
    status: (v) => v === 'approved' || v === 'rejected',
  },
  undo: { stamp: isStamp },
  redo: { stamp: isStamp },
  online: {},
  offline: {},
  stop: { forget: (v) => typeof v === 'boolean' },
};

/**
 * Reads a message to the worker: the request, or what is wrong with it. Only the page sends to the worker, so a
 * malformed message is a bug there; it is refused with its reason rather than half-applied.
 */
export function readSharedMapRequest(data: unknown): SharedMapRequest | { readonly problem: string } {
  if (!isObject(data) || typeof data.type !== 'string') return { problem: 'not a request (no type)' };
  const fields = Object.hasOwn(FIELDS, data.type) ? FIELDS[data.type as SharedMapRequest['type']] : undefined;
  if (!fields) return { problem: `unknown request type '${data.type.slice(0, 40)}'` };
  const wrong = Object.entries(fields).find(([name, ok]) => !ok(data[name]));
  if (wrong) return { problem: `'${data.type}' without a valid ${wrong[0]}` };
  return data as unknown as SharedMapRequest;
}
