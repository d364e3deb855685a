import type { MappableField } from '../loading/column-mapping.ts';
import type { RawRecord } from '../loading/raw-record.ts';
import type { Resource } from '../model/resource.ts';
import {
  EXTRA_PREFIX,
  MAX_EXTRA_COLUMNS,
  MAX_FIELD_LENGTH,
  RECORD_FIELDS,
  type RecordField,
} from './schema.ts';

/** A record as its document stores it: field key → text. */
export type RecordFields = Readonly<Record<string, string>>;

const RECORD_FIELD_SET: ReadonlySet<string> = new Set(RECORD_FIELDS);

/** Whether a key of a record's map holds one of the model's fields. */
export function isRecordField(key: string): key is RecordField {
  return RECORD_FIELD_SET.has(key);
}

/** Writes a resource as the texts a document stores (as an export would write its cells). */
export function resourceToFields(resource: Resource): Record<string, string> {
  const fields: Record<string, string> = {
    id: resource.id,
    name: resource.name,
    category: resource.category,
    services: resource.services.join('；'),
    address: resource.address,
    county: resource.county,
    town: resource.town,
    precision: resource.precision === 'approximate-town' ? 'approximate-town' : '',
    phone: resource.phones.join('；'),
    source: resource.source,
    visibility: resource.visibility,
  };
  if (resource.position) {
    fields.lat = String(resource.position[0]);
    fields.lng = String(resource.position[1]);
  }
  if (resource.village) fields.village = resource.village;
  if (resource.openingHours) fields.openingHours = resource.openingHours;
  if (resource.website) fields.website = resource.website;
  if (resource.description) fields.description = resource.description;
  if (resource.lastVerified) fields.lastVerified = resource.lastVerified;
  for (const [column, value] of Object.entries(resource.extra)) fields[`${EXTRA_PREFIX}${column}`] = value;
  for (const key of Object.keys(fields)) if (fields[key] === '') delete fields[key];
  return fields;
}

/**
 * Reads what a peer stored into plain strings: values that are not strings are dropped (a peer may write
 * anything into a Y.Map), over-long texts are cut, and at most MAX_EXTRA_COLUMNS extra columns are kept.
 */
export function plainFields(entries: Iterable<[string, unknown]>): Record<string, string> {
  const fields: Record<string, string> = {};
  let extras = 0;
  for (const [key, value] of entries) {
    if (typeof value !== 'string') continue;
    if (key.startsWith(EXTRA_PREFIX)) {
      if (++extras > MAX_EXTRA_COLUMNS) continue;
    } else if (!isRecordField(key)) continue;
    Object.defineProperty(fields, key, {
      value: value.length > MAX_FIELD_LENGTH ? value.slice(0, MAX_FIELD_LENGTH) : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return fields;
}

/** Turns stored fields into the loading chain's raw record, so that the import's validation applies as is. */
export function fieldsToRawRecord(fields: RecordFields, row: number): RawRecord {
  const mapped: Partial<Record<MappableField, string>> = {};
  const headers: Partial<Record<MappableField, string>> = {};
  const extra: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key.startsWith(EXTRA_PREFIX)) {
      Object.defineProperty(extra, key.slice(EXTRA_PREFIX.length), {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else if (isRecordField(key)) {
      mapped[key] = value;
      headers[key] = key;
    }
  }
  return { row, fields: mapped, headers, extra };
}
