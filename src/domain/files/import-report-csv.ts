import type { RowOutcome, RowResult } from '../loading/build-records.ts';
import type { LoadIssue } from '../model/load-issues.ts';
import { guardedCsvText } from './formula-guard.ts';

/** The words a report CSV uses; the UI passes them in its language (domain code writes no prose). */
export interface ReportWords {
  readonly headers: { row: string; outcome: string; name: string; id: string; details: string };
  readonly outcome: (outcome: RowOutcome) => string;
  readonly issue: (issue: LoadIssue) => string;
}

/**
 * The per-row import report as CSV (UTF-8 with BOM, CRLF, formulas neutralised): row number, outcome, name,
 * id and what was fixed or why it was rejected. One line per row of the file, none left out.
 */
export function importReportCsv(rows: readonly RowResult[], words: ReportWords): Uint8Array {
  const { headers } = words;
  const body = rows.map((r) => [
    String(r.row),
    words.outcome(r.outcome),
    r.name,
    r.resourceId ?? '',
    r.issues.map(words.issue).join('；'),
  ]);
  const text = guardedCsvText(
    [headers.row, headers.outcome, headers.name, headers.id, headers.details],
    body,
    { quoteAll: true },
  );
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}
