import * as Y from 'yjs';
import { type BuildContext, buildResource } from '../loading/build-resource.ts';
import type { Resource } from '../model/resource.ts';
import { fieldsToRawRecord, plainFields } from './record-fields.ts';
import { ROOTS, SHARED_MAP_SCHEMA, schemaOf } from './schema.ts';

/** What one transaction did to a document's records: ids written (with their record as read) and ids gone. */
export interface RecordChanges {
  readonly put: Resource[];
  readonly removed: string[];
}

/**
 * The ids of the records an observeDeep batch on the `records` map touched: a key of the map itself (a record
 * added or deleted), or the record a field change happened in (the first step of the event's path).
 */
export function touchedRecordIds(events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.path.length === 0) {
      for (const key of event.changes.keys.keys()) ids.add(key);
    } else {
      const first = event.path[0];
      if (typeof first === 'string') ids.add(first);
    }
  }
  return ids;
}

/**
 * Reads only the given records of a document, through the import's own validation as `readRecords` does (the
 * map's key is the record's id; a value that is not a record, or a record that does not pass, counts as gone).
 */
export function readRecordChanges(doc: Y.Doc, ids: Iterable<string>, ctx: BuildContext): RecordChanges {
  const put: Resource[] = [];
  const removed: string[] = [];
  const newer = schemaOf(doc) > SHARED_MAP_SCHEMA;
  const records = doc.getMap(ROOTS.records);
  for (const id of ids) {
    const value = records.get(id);
    if (newer || !(value instanceof Y.Map)) {
      removed.push(id);
      continue;
    }
    const fields = { ...plainFields(value.entries()), id };
    const built = buildResource(fieldsToRawRecord(fields, 1), ctx);
    if (built.resource) put.push(built.resource);
    else removed.push(id);
  }
  return { put, removed };
}
