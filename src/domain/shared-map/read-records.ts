import * as Y from 'yjs';
import { type BuildContext, buildResource } from '../loading/build-resource.ts';
import type { IssueSeverity, LoadIssueCode } from '../model/load-issues.ts';
import type { Resource } from '../model/resource.ts';
import { fieldsToRawRecord, plainFields } from './record-fields.ts';
import { ROOTS, SHARED_MAP_SCHEMA, schemaOf } from './schema.ts';

/** A problem with one record of a shared document: a load issue of the import, or a record that is not one. */
export interface SharedRecordIssue {
  readonly recordId: string;
  readonly code: LoadIssueCode | 'malformed-record' | 'newer-schema';
  readonly severity: IssueSeverity;
  readonly column?: string;
  readonly value?: string;
}

/** The records of a document, as the map shows them, with what was wrong with each. */
export interface SharedRecords {
  readonly resources: Resource[];
  readonly issues: SharedRecordIssue[];
}

/**
 * Reads a document's records through the import's own validation (`buildResource`): a peer's `javascript:`
 * link is no website, markup stays text, a record without a name or a value that is not a record becomes an
 * issue. Never throws on what a peer wrote. `ctx.defaults.file` names the document in the issues.
 */
export function readRecords(doc: Y.Doc, ctx: BuildContext): SharedRecords {
  if (schemaOf(doc) > SHARED_MAP_SCHEMA) {
    return {
      resources: [],
      issues: [{ recordId: '', code: 'newer-schema', severity: 'error', value: String(schemaOf(doc)) }],
    };
  }
  const resources: Resource[] = [];
  const issues: SharedRecordIssue[] = [];
  let row = 0;
  for (const [key, value] of doc.getMap(ROOTS.records).entries()) {
    row += 1;
    if (!(value instanceof Y.Map)) {
      issues.push({ recordId: key, code: 'malformed-record', severity: 'error', value: typeof value });
      continue;
    }
    // The map's key is the record's id: a peer cannot make a record pose as another by its id field.
    const fields = { ...plainFields(value.entries()), id: key };
    const built = buildResource(fieldsToRawRecord(fields, row), ctx);
    for (const issue of built.issues) {
      issues.push({
        recordId: key,
        code: issue.code,
        severity: issue.severity,
        ...(issue.column !== undefined ? { column: issue.column } : {}),
        ...(issue.value !== undefined ? { value: issue.value } : {}),
      });
    }
    if (built.resource) resources.push(built.resource);
  }
  return { resources, issues };
}

/** Who changed a record last, as its stamp says (undefined when it has none or it is not a record). */
export function lastChangeOf(doc: Y.Doc, id: string): { org: string; name: string; at: string } | undefined {
  const record = doc.getMap(ROOTS.records).get(id);
  if (!(record instanceof Y.Map)) return undefined;
  const [org, name, at] = ['changedByOrg', 'changedByName', 'changedAt'].map((k) => record.get(k));
  return typeof org === 'string' && typeof name === 'string' && typeof at === 'string'
    ? { org, name, at }
    : undefined;
}
