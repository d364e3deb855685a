import { type LoadIssue, loadIssue } from '../model/load-issues.ts';
import type { Resource } from '../model/resource.ts';
import type { RowResult } from './build-records.ts';

/**
 * Keeps imported ids unique against the records already on the map and within the file: a repeated id gets
 * a suffix (-2, -3…) and a duplicate-id warning, and the row report follows the new id. Without this, the
 * map would show only one of two records sharing an id, dropping the other silently.
 */
export function assignUniqueIds(
  resources: readonly Resource[],
  rows: readonly RowResult[],
  taken: ReadonlySet<string>,
  file: string,
): { resources: Resource[]; rows: RowResult[]; issues: LoadIssue[] } {
  const seen = new Set(taken);
  const issues: LoadIssue[] = [];
  const renamedByIndex: (string | undefined)[] = [];
  const out = resources.map((r, i) => {
    if (!seen.has(r.id)) {
      seen.add(r.id);
      return r;
    }
    let n = 2;
    while (seen.has(`${r.id}-${n}`)) n++;
    const id = `${r.id}-${n}`;
    seen.add(id);
    renamedByIndex[i] = id;
    return { ...r, id };
  });
  // Row results name resources in the same order as the resources list.
  let index = 0;
  const outRows = rows.map((row) => {
    if (row.resourceId === undefined) return row;
    const newId = renamedByIndex[index++];
    if (newId === undefined) return row;
    const issue = loadIssue('duplicate-id', file, { row: row.row, value: row.resourceId });
    issues.push(issue);
    return {
      ...row,
      resourceId: newId,
      outcome: row.outcome === 'imported' ? ('fixed' as const) : row.outcome,
      issues: [...row.issues, issue],
    };
  });
  return { resources: out, rows: outRows, issues };
}
