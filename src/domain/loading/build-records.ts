import { type LoadIssue, loadIssue } from '../model/load-issues.ts';
import { type BuildContext, buildResource } from './build-resource.ts';
import { inferFileCounty } from './county-inference.ts';
import { foldFileWideChanges } from './file-wide-changes.ts';
import type { RowOutcome, RowResult } from './row-outcome.ts';

export { countOutcomes, type RowOutcome, type RowResult } from './row-outcome.ts';

import type { Resource } from '../model/resource.ts';
import type { MappedRecords } from './table-to-records.ts';

export interface BuiltRecords {
  readonly resources: Resource[];
  readonly issues: LoadIssue[];
  readonly rows: RowResult[];
}

/** Progress callback: rows done out of total. */
export type ProgressListener = (done: number, total: number) => void;

const PROGRESS_EVERY = 2000;

/**
 * Validates every mapped record, keeping one report line per row. A file-level error (no name column,
 * unreadable) rejects every row with that reason, so imported + needs-location + rejected = rows, always.
 */
export function buildRecords(
  mapped: MappedRecords,
  context: BuildContext,
  onProgress?: ProgressListener,
): BuiltRecords {
  const issues: LoadIssue[] = [...mapped.issues];
  const resources: Resource[] = [];
  const rows: RowResult[] = [];
  const fatal = mapped.issues.find((i) => i.code === 'no-name-column' || i.code === 'file-unreadable');
  const total = mapped.records.length;
  // Row-level notes of the mapping (a skipped second header row has no record, so it stays file-level).
  const mappingNotes = new Map<number, LoadIssue[]>();
  for (const issue of mapped.issues) {
    if (issue.row === undefined) continue;
    const list = mappingNotes.get(issue.row) ?? [];
    list.push(issue);
    mappingNotes.set(issue.row, list);
  }
  let ctx =
    mapped.crs && !context.defaults.crs
      ? { ...context, defaults: { ...context.defaults, crs: mapped.crs } }
      : context;
  // Addresses without a county (中西區光賢街…): the county their unambiguous districts point to, for the rest.
  const guess = ctx.defaults.county || fatal ? undefined : inferFileCounty(mapped.records, ctx.gazetteer);
  if (guess) {
    ctx = { ...ctx, defaults: { ...ctx.defaults, county: guess.county, countyInferred: true } };
    issues.push(loadIssue('county-inferred', ctx.defaults.file, { value: guess.county }));
  }
  for (let i = 0; i < total; i++) {
    const record = mapped.records[i];
    if (!record) continue;
    const name = (record.fields.name ?? '').trim();
    if (fatal) {
      rows.push({ row: record.row, outcome: 'rejected', name, issues: [{ ...fatal, row: record.row }] });
      continue;
    }
    const result = buildResource(record, ctx);
    for (const issue of result.issues) issues.push(issue);
    if (result.resource) resources.push(result.resource);
    // What the column mapping noted of this row (already in `issues`) comes first in the row's report.
    const noted = mappingNotes.get(record.row);
    const rowIssues = noted ? [...noted, ...result.issues] : result.issues;
    rows.push({
      row: record.row,
      outcome: outcomeOf(result.resource, rowIssues),
      name,
      ...(result.resource ? { resourceId: result.resource.id } : {}),
      issues: rowIssues,
    });
    if (onProgress && (i + 1) % PROGRESS_EVERY === 0) onProgress(i + 1, total);
  }
  onProgress?.(total, total);
  return foldFileWideChanges({ resources, issues, rows }, ctx.defaults.file);
}

function outcomeOf(resource: Resource | null, issues: readonly LoadIssue[]): RowOutcome {
  if (!resource) return 'rejected';
  if (resource.precision === 'missing') return 'needs-location';
  if (resource.precision === 'approximate-town') return 'approximate';
  return issues.some((i) => i.severity === 'warning') ? 'fixed' : 'imported';
}
