import * as Y from 'yjs';
import type { MappableField } from '../loading/column-mapping.ts';

/**
 * The shape of a shared document, version 1. Every document carries its version in `meta.schema`; a reader
 * migrates older versions (`migrateSharedDoc`) and refuses newer ones rather than guessing.
 *
 * Roots of an owner's document (county office, member organisation, workshop):
 * - `meta`: Y.Map { schema, kind }
 * - `records`: Y.Map<record id, Y.Map<field key, string>>: one flat map per record, so two people changing
 *   different fields of a record both keep their change; `extra:<column>` keys hold the columns the model
 *   does not know; `changedByOrg`, `changedByName`, `changedAt` say who changed it last.
 * - `history`: Y.Array<HistoryEntry>: one entry per change (an array, not a map of arrays, so that two
 *   peers adding the first entry of one record at once both keep theirs).
 * - `proposals` (workshops): Y.Map<proposal id, Y.Map<field key, string>> with the table name and status.
 *
 * The county index document has `meta`, `members` (Y.Map<member id, Y.Map>), `categories`, `serviceTags`
 * (Y.Array of the manifest's configuration objects) and `versions` (Y.Array<PublishedVersion>).
 *
 * Local documents (`local/<name>`, see LOCAL_DOCUMENTS) are this browser's workspace without a server: the same
 * `meta`, `records` and `history`, written with the same functions (record-history.ts), and one root of their own:
 * - `hidden`: Y.Map<record id, ChangeStamp> (who deleted it, when): records of the source data (the default data, an imported file) that
 *   the workspace deleted. In the office's corrections a duplicate merged into another record is hidden too, its
 *   entry naming the record it went into (`into`, see hidden-records.ts). A source record is not in the document, so deleting it cannot remove a key of `records`;
 *   its id is listed here instead (and its deletion is a version with no fields in `history`). A record the
 *   workspace added is deleted from `records` as in a shared document.
 * A local document is never sent to a server: `parseDocName` does not read `local/…` (a server refuses the name),
 * and `update-check.ts` lists `hidden` for no kind of shared document (a server refuses the root). Uploading a
 * workspace into a shared map writes the records on show — the source with the local changes applied, hidden ones
 * left out — into the county's document with `writeRecord`, as new versions there.
 *
 * An imported file stays what it is, an immutable source kept as the file's records (like data/): only changes
 * to its records go into a local document. A whole file as a document would cost too much: measured in Node, a
 * document of 100,000 records of this schema took 6.1 s to write, 3.0 s to encode (111 MB), 11.4 s to apply and
 * 3.8 s to read, with 2.1 GB of heap.
 */
export const SHARED_MAP_SCHEMA = 1;

/** The roots a document of this schema may have; the server refuses updates that make others. */
export const ROOTS = {
  meta: 'meta',
  records: 'records',
  history: 'history',
  proposals: 'proposals',
  members: 'members',
  categories: 'categories',
  serviceTags: 'serviceTags',
  versions: 'versions',
  hidden: 'hidden',
} as const;
export type RootName = (typeof ROOTS)[keyof typeof ROOTS];

/** Fields of the Resource model as keys of a record's map; all values are strings, as in a file's cells. */
export const RECORD_FIELDS = [
  'id',
  'name',
  'category',
  'services',
  'address',
  'county',
  'town',
  'village',
  'lat',
  'lng',
  'precision',
  'phone',
  'openingHours',
  'website',
  'description',
  'source',
  'lastVerified',
  'visibility',
] as const satisfies readonly MappableField[];
/** A field of the model as the loading chain names it; the stored key is the same word. */
export type RecordField = (typeof RECORD_FIELDS)[number];

/** Keys that say who changed a record last. */
export const STAMP_FIELDS = ['changedByOrg', 'changedByName', 'changedAt'] as const;
/** Keys a proposal has besides a record's fields. */
export const PROPOSAL_FIELDS = ['table', 'status', 'proposedAt'] as const;
/** Prefix of the keys that hold a record's `extra` columns. */
export const EXTRA_PREFIX = 'extra:';

/** The longest text a field may hold (a description is the longest real one; 8,000 characters is plenty). */
export const MAX_FIELD_LENGTH = 8000;
/** The most `extra` columns one record may carry. */
export const MAX_EXTRA_COLUMNS = 64;

/** Who changed something, and when (ISO 8601). */
export interface ChangeStamp {
  readonly org: string;
  readonly name: string;
  readonly at: string;
}

/** The local documents of this browser's workspace (IndexedDB names `crm-local-v1/<name>`; never on a server). */
export const LOCAL_DOCUMENTS = {
  /** What a workshop added, changed or deleted on this device. */
  workshop: 'local/workshop',
  /** The office's corrections of source records (fields, positions, merged duplicates) on this device. */
  corrections: 'local/corrections',
} as const;
export type LocalDocName = (typeof LOCAL_DOCUMENTS)[keyof typeof LOCAL_DOCUMENTS];

/** What kind of document a name stands for. */
export type SharedDocKind = 'county' | 'org' | 'workshop' | 'index';

/** The part of a document name that says what it is: `county/<id>`, `org/<id>`, `workshop/<id>`, `index/<county>`. */
export interface SharedDocName {
  readonly kind: SharedDocKind;
  readonly id: string;
}

const DOC_NAME = /^(county|org|workshop|index)\/([a-z0-9][a-z0-9-]{0,62})$/;

/** Reads a document name, or null when it is not one of ours (the server refuses those). */
export function parseDocName(name: string): SharedDocName | null {
  const match = DOC_NAME.exec(name);
  return match ? { kind: match[1] as SharedDocKind, id: match[2] as string } : null;
}

/** Writes a document name. */
export function docName(kind: SharedDocKind, id: string): string {
  return `${kind}/${id}`;
}

/** Whether an id may be part of a document name (lower-case letters, digits, hyphens). */
export function isDocId(id: string): boolean {
  return DOC_NAME.test(`org/${id}`);
}

/** The schema version a document says it has; 0 for a document written before versions (or empty). */
export function schemaOf(doc: Y.Doc): number {
  const value = doc.getMap(ROOTS.meta).get('schema');
  return typeof value === 'number' && Number.isInteger(value) ? value : 0;
}

/** Marks a new document with the current schema and its kind (does nothing when it already has a version). */
export function initSharedDoc(doc: Y.Doc, kind: SharedDocKind | 'local'): void {
  const meta = doc.getMap(ROOTS.meta);
  if (schemaOf(doc) !== 0) return;
  doc.transact(() => {
    meta.set('schema', SHARED_MAP_SCHEMA);
    meta.set('kind', kind);
  });
}

/**
 * Brings a document to the current schema. Version 0 (documents without `meta.schema`) stored the same
 * roots, but wrote a record's `extra` as one JSON text under the key `extra`; it is split into `extra:` keys.
 * Returns false for a document from a newer version of the app, which must not be touched.
 */
export function migrateSharedDoc(doc: Y.Doc): boolean {
  const version = schemaOf(doc);
  if (version > SHARED_MAP_SCHEMA) return false;
  if (version === SHARED_MAP_SCHEMA) return true;
  doc.transact(() => {
    for (const record of doc.getMap(ROOTS.records).values()) {
      if (!(record instanceof Y.Map)) continue;
      const packed = record.get('extra');
      if (typeof packed !== 'string') continue;
      try {
        const extra: unknown = JSON.parse(packed);
        if (extra && typeof extra === 'object' && !Array.isArray(extra)) {
          for (const [column, value] of Object.entries(extra)) {
            if (typeof value === 'string') record.set(`${EXTRA_PREFIX}${column}`, value);
          }
        }
      } catch {
        // Unreadable old extra text is dropped; the rest of the record stays.
      }
      record.delete('extra');
    }
    doc.getMap(ROOTS.meta).set('schema', SHARED_MAP_SCHEMA);
  });
  return true;
}
