import {
  detectColumnMapping,
  looksLikeSecondHeaderRow,
  MAPPABLE_FIELDS,
  type MappableField,
} from './column-mapping.ts';
import { type LoadIssue, loadIssue } from './load-issues.ts';
import type { RawTable } from './parse-csv.ts';
import type { RawRecord } from './raw-record.ts';

/** Mapped table rows, ready to validate. */
export interface MappedRecords {
  readonly records: RawRecord[];
  readonly issues: LoadIssue[];
}

/** Applies column mapping to a parsed table. Unmapped, non-empty columns become `extra`. */
export function tableToRecords(table: RawTable, file: string): MappedRecords {
  const issues: LoadIssue[] = [];
  const mapping = detectColumnMapping(table.headers);
  let rows = table.rows;
  let lines = table.lineNumbers;
  if (rows[0] && looksLikeSecondHeaderRow(rows[0])) {
    issues.push(loadIssue('second-header-row', file, { row: lines[0] ?? 2 }));
    rows = rows.slice(1);
    lines = lines.slice(1);
  }
  if (mapping.name === undefined) {
    issues.push(loadIssue('no-name-column', file, { value: table.headers.join(', ') }));
  }
  const mappedIndexes = new Set(Object.values(mapping));
  const extraColumns = table.headers
    .map((header, index) => ({ header: header || `column${index + 1}`, index }))
    .filter(({ index }) => !mappedIndexes.has(index));
  const headers: Partial<Record<MappableField, string>> = {};
  for (const field of MAPPABLE_FIELDS) {
    const index = mapping[field];
    if (index !== undefined) headers[field] = table.headers[index] ?? field;
  }
  const records = rows.map((cells, i): RawRecord => {
    const fields: Partial<Record<MappableField, string>> = {};
    for (const field of MAPPABLE_FIELDS) {
      const index = mapping[field];
      if (index !== undefined) fields[field] = cells[index] ?? '';
    }
    const extra: Record<string, string> = {};
    for (const { header, index } of extraColumns) {
      const value = cells[index] ?? '';
      if (value !== '') extra[header] = value;
    }
    // Cells beyond the header (trailing commas) are kept when they hold something.
    for (let index = table.headers.length; index < cells.length; index++) {
      const value = cells[index] ?? '';
      if (value !== '') extra[`column${index + 1}`] = value;
    }
    return { row: lines[i] ?? i + 2, fields, headers, extra };
  });
  return { records, issues };
}
