import { type LoadIssue, type LoadIssueCode, loadIssue } from '../model/load-issues.ts';
import type { Resource } from '../model/resource.ts';
import type { RowResult } from './row-outcome.ts';

/** A change the importer applied to (nearly) every row, reported once for the file instead of on each row. */
const FILE_WIDE: readonly { readonly row: LoadIssueCode; readonly file: LoadIssueCode }[] = [
  { row: 'projected-coordinates', file: 'projected-file' },
];

/** Share of the rows with coordinates that must carry the change for it to count as the file's. */
const SHARE = 0.9;

interface Built {
  readonly resources: Resource[];
  readonly issues: LoadIssue[];
  readonly rows: RowResult[];
}

/**
 * A TWD97 file has every coordinate converted: 499 rows marked "fixed" for that would bury the one row with
 * (0, 0). When nearly every row with coordinates carries such a change, it becomes one file-level note, and the
 * rows lose it (a row fixed only by it counts as imported as written).
 */
export function foldFileWideChanges<T extends Built>(built: T, file: string): T {
  let { issues, rows } = built;
  for (const change of FILE_WIDE) {
    let carrying = 0;
    let withCoordinates = 0;
    for (const row of rows) {
      const has = row.issues.some((i) => i.code === change.row);
      if (has) carrying++;
      if (has || row.issues.some((i) => COORDINATE_CODES.has(i.code)) || row.outcome === 'imported')
        withCoordinates++;
    }
    if (carrying < 2 || carrying < SHARE * withCoordinates) continue;
    const first = issues.find((i) => i.code === change.row);
    // The value names the system first (EPSG:3826 303000, 2761000): the file's note keeps only that.
    const system = first?.value?.split(' ')[0];
    issues = [
      loadIssue(change.file, file, system ? { value: system } : {}),
      ...issues.filter((i) => i.code !== change.row),
    ];
    rows = rows.map((row) => {
      if (!row.issues.some((i) => i.code === change.row)) return row;
      const left = row.issues.filter((i) => i.code !== change.row);
      const outcome =
        row.outcome === 'fixed' && !left.some((i) => i.severity === 'warning') ? 'imported' : row.outcome;
      return { ...row, outcome, issues: left };
    });
  }
  return { ...built, issues, rows };
}

const COORDINATE_CODES: ReadonlySet<LoadIssueCode> = new Set([
  'swapped-coordinates',
  'coordinates-zero',
  'coordinates-invalid',
  'coordinates-outside-taiwan',
  'place-from-position',
  'place-disagrees',
]);
