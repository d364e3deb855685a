import * as Y from 'yjs';
import { safeHttpUrl } from '../model/safe-url.ts';
import { isRecordField } from './record-fields.ts';
import {
  EXTRA_PREFIX,
  MAX_FIELD_LENGTH,
  PROPOSAL_FIELDS,
  ROOTS,
  type SharedDocKind,
  STAMP_FIELDS,
} from './schema.ts';

/** Why an update was refused; `detail` never quotes a value at length (it goes to the server's log). */
export interface UpdateProblem {
  readonly code:
    | 'malformed-update'
    | 'unknown-root'
    | 'unknown-field'
    | 'invalid-value'
    | 'not-allowed'
    | 'unplaced';
  readonly detail: string;
}

/** What the writer of an update may touch: everything of its kind of document, or only workshop proposals. */
export type WriteScope = 'document' | 'proposals-only';

const ROOTS_OF: Record<SharedDocKind, ReadonlySet<string>> = {
  county: new Set([ROOTS.meta, ROOTS.records, ROOTS.history]),
  org: new Set([ROOTS.meta, ROOTS.records, ROOTS.history]),
  workshop: new Set([ROOTS.meta, ROOTS.records, ROOTS.history, ROOTS.proposals]),
  index: new Set([ROOTS.meta, ROOTS.members, ROOTS.categories, ROOTS.serviceTags, ROOTS.versions]),
};
const STAMPS: ReadonlySet<string> = new Set(STAMP_FIELDS);
const PROPOSAL_KEYS: ReadonlySet<string> = new Set(PROPOSAL_FIELDS);
/** A history entry or a configuration object larger than this is not one of ours. */
const MAX_ANY_JSON = 64 * 1024;

type AnyItem = Y.Item;
/** A struct the document has collected (or the update carries as collected). */
const GONE = 'gone' as const;
type Found = AnyItem | typeof GONE | null;
interface Place {
  readonly root: string;
  /** Map keys from the root down to the item itself (null for an array element). */
  readonly path: readonly (string | null)[];
}

/**
 * Checks a Yjs update from a peer against the document's schema before the server applies it: roots the kind
 * of document has, record fields by name, texts within MAX_FIELD_LENGTH, websites that are http(s), only plain
 * values and maps/arrays (no subdocuments, binaries or rich text), and for a workshop participant only new
 * proposals. Items under a collected parent (an edit of a record deleted meanwhile) are collected on arrival and
 * need no check. Returns the first problem, or null; `unplaced` when everything else passed but some items refer to
 * state the document does not have (an update still on its way — or one crafted to be integrated later, unchecked,
 * when its missing part arrives): the caller waits for earlier messages and then refuses.
 */
export function checkUpdate(
  doc: Y.Doc,
  kind: SharedDocKind,
  update: Uint8Array,
  scope: WriteScope = 'document',
): UpdateProblem | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return { code: 'malformed-update', detail: 'not a Yjs update' };
  }
  // The update's own structs by client, in clock order (as an update lists them), for binary search.
  const own = new Map<number, (AnyItem | Y.GC)[]>();
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item) && !(s instanceof Y.GC)) continue;
    const list = own.get(s.id.client);
    if (list) list.push(s);
    else own.set(s.id.client, [s]);
  }
  const lookup = (id: Y.ID | null): Found => {
    if (!id) return null;
    const mine = findIn(own.get(id.client), id.clock);
    if (mine) return mine instanceof Y.Item ? mine : GONE;
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    try {
      const found = Y.getItem(doc.store, id);
      // A collected struct (a deleted record's fields): what refers to it is collected too when applied.
      return found instanceof Y.Item ? found : GONE;
    } catch {
      return null;
    }
  };
  const places: Places = new Map();
  let unplaced = false;
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const place = placeOf(struct, lookup, places, 0);
    if (place === GONE) continue;
    if (!place) {
      unplaced = true;
      continue;
    }
    const problem = checkItem(struct, place, kind, scope);
    if (problem) return problem;
  }
  if (scope === 'proposals-only' && decoded.ds.clients.size > 0) {
    for (const [client, ranges] of decoded.ds.clients) {
      for (const range of ranges) {
        const item = lookup(Y.createID(client, range.clock));
        const place = item === GONE ? GONE : item ? placeOf(item, lookup, places, 0) : null;
        if (place === GONE) continue;
        if (!place) unplaced = true;
        else if (place.root !== ROOTS.proposals) {
          return { code: 'not-allowed', detail: 'a participant may only add proposals' };
        }
      }
    }
  }
  return unplaced ? { code: 'unplaced', detail: 'refers to state the document does not have' } : null;
}

function findIn<T extends { id: Y.ID; length: number }>(
  structs: readonly T[] | undefined,
  clock: number,
): T | null {
  if (!structs) return null;
  let low = 0;
  let high = structs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const struct = structs[mid] as T;
    if (clock < struct.id.clock) high = mid - 1;
    else if (clock >= struct.id.clock + struct.length) low = mid + 1;
    else return struct;
  }
  return null;
}

/** Places already found during one check, so that a long run of neighbours is walked once. */
type Places = Map<AnyItem, Place | typeof GONE | null>;

/**
 * Where an item goes: its root and the map keys down to it; GONE when its parent was collected (the item will be
 * collected on arrival, whatever it holds); null when it refers to state the document does not have.
 *
 * An item with a neighbour carries no parent in an update: it shares the neighbour's place. One transaction that
 * appends 500 history entries makes a chain of 500 such neighbours, so the chain is followed in a loop (to the
 * first item that names its parent, or one already placed), not by recursion with a depth limit; a chain that
 * comes back on itself (only a crafted update has one) is unplaced. Only nesting (a map in a map) recurses.
 */
function placeOf(
  item: AnyItem,
  lookup: (id: Y.ID | null) => Found,
  places: Places,
  depth: number,
): Place | typeof GONE | null {
  const chain: AnyItem[] = [];
  const seen = new Set<AnyItem>();
  let current: AnyItem = item;
  let place: Place | typeof GONE | null | undefined;
  while (place === undefined) {
    if (places.has(current)) {
      place = places.get(current) ?? null;
      break;
    }
    if (seen.has(current)) {
      place = null;
      break;
    }
    seen.add(current);
    chain.push(current);
    if (current.parent !== null) {
      place = parentPlace(current, lookup, places, depth);
      break;
    }
    const neighbour = lookup(current.origin) ?? lookup(current.rightOrigin);
    if (neighbour === GONE || !neighbour) place = neighbour;
    else current = neighbour;
  }
  for (const link of chain) places.set(link, place);
  return place;
}

/** The place of an item that names its parent (a root's name, or the item holding the map it is in). */
function parentPlace(
  item: AnyItem,
  lookup: (id: Y.ID | null) => Found,
  places: Places,
  depth: number,
): Place | typeof GONE | null {
  const parent: unknown = item.parent;
  const key = item.parentSub;
  if (typeof parent === 'string') return { root: parent, path: [key] };
  let container: Found = null;
  if (parent instanceof Y.ID) container = lookup(parent);
  else if (parent instanceof Y.AbstractType) {
    if (parent._item === null) return { root: Y.findRootTypeKey(parent), path: [key] };
    container = parent._item;
  }
  if (container === GONE || !container) return container;
  // Our documents nest two deep (records → record → field); far deeper is not one of ours.
  if (depth > 32) return null;
  const outer = placeOf(container, lookup, places, depth + 1);
  return outer && outer !== GONE ? { root: outer.root, path: [...outer.path, key] } : outer;
}

function checkItem(
  item: AnyItem,
  place: Place,
  kind: SharedDocKind,
  scope: WriteScope,
): UpdateProblem | null {
  if (!ROOTS_OF[kind].has(place.root)) return { code: 'unknown-root', detail: place.root.slice(0, 40) };
  if (scope === 'proposals-only' && place.root !== ROOTS.proposals) {
    return { code: 'not-allowed', detail: 'a participant may only add proposals' };
  }
  const content = item.content;
  if (content instanceof Y.ContentDeleted) return null;
  if (content instanceof Y.ContentType) {
    const isContainer = content.type instanceof Y.Map || content.type instanceof Y.Array;
    return isContainer ? null : { code: 'invalid-value', detail: 'only maps and arrays' };
  }
  if (!(content instanceof Y.ContentAny)) return { code: 'invalid-value', detail: content.constructor.name };
  const isFieldMap = place.root === ROOTS.records || place.root === ROOTS.proposals;
  if (isFieldMap && place.path.length === 2) {
    const key = place.path[1] ?? '';
    return checkField(place.root, key, content.getContent(), scope);
  }
  for (const value of content.getContent()) {
    if (JSON.stringify(value ?? null).length > MAX_ANY_JSON)
      return { code: 'invalid-value', detail: 'too large' };
    const fields = (value as { fields?: unknown } | null)?.fields;
    const website =
      fields && typeof fields === 'object' ? (fields as { website?: unknown }).website : undefined;
    if (typeof website === 'string' && website !== '' && !safeHttpUrl(website)) {
      return { code: 'invalid-value', detail: 'website is not an http(s) link' };
    }
  }
  return null;
}

function checkField(root: string, key: string, values: unknown[], scope: WriteScope): UpdateProblem | null {
  const known =
    isRecordField(key) ||
    STAMPS.has(key) ||
    key.startsWith(EXTRA_PREFIX) ||
    (root === ROOTS.proposals && PROPOSAL_KEYS.has(key));
  if (!known) return { code: 'unknown-field', detail: key.slice(0, 40) };
  for (const value of values) {
    if (typeof value !== 'string') return { code: 'invalid-value', detail: `${key} is not text` };
    if (value.length > MAX_FIELD_LENGTH) return { code: 'invalid-value', detail: `${key} is too long` };
    if (key === 'website' && value.trim() !== '' && !safeHttpUrl(value)) {
      return { code: 'invalid-value', detail: 'website is not an http(s) link' };
    }
    if (key === 'status' && scope === 'proposals-only' && value !== 'pending') {
      return { code: 'not-allowed', detail: 'only the facilitator decides a proposal' };
    }
  }
  return null;
}
