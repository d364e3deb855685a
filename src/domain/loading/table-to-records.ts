import { isGuardedFormula } from '../files/formula-guard.ts';
import type { ProjectedCrs } from '../geo/projections.ts';
import { type LoadIssue, loadIssue } from '../model/load-issues.ts';
import {
  type ColumnMapping,
  columnMappingFromHeaders,
  detectColumnMapping,
  type HeaderMapping,
  looksLikeSecondHeaderRow,
  MAPPABLE_FIELDS,
  type MappableField,
  recogniseHeader,
} from './column-mapping.ts';
import type { RawTable } from './parse-csv.ts';
import type { RawRecord } from './raw-record.ts';

/** Mapped table rows, ready to validate. */
export interface MappedRecords {
  readonly records: RawRecord[];
  readonly issues: LoadIssue[];
  /** The projected system the file declares (a GeoJSON `crs` member), if any. */
  readonly crs?: ProjectedCrs;
}

/** How a person confirmed the columns, and what kind of cells the table has. */
export interface TableOptions {
  /** The confirmed mapping (field → header as written); detection is used without it. */
  readonly mapping?: HeaderMapping;
  /** Whether cells may carry Excel's ' text marker: true for CSV; spreadsheet cells are stored as typed. */
  readonly textMarkers?: boolean;
  /** The file is one of the app's CSV exports, whose ' before =, +, -, @, tab, CR or ' guards against formulas. */
  readonly neutralised?: boolean;
}

/** Applies column mapping to a parsed table. Unmapped, non-empty columns become `extra`. */
export function tableToRecords(table: RawTable, file: string, options: TableOptions = {}): MappedRecords {
  const issues: LoadIssue[] = [];
  // Our CSV exports guard header cells against formulas too ('-1E02): read the names without the guard.
  const headerTexts = options.neutralised
    ? table.headers.map((h) => (isGuardedFormula(h) ? h.slice(1) : h))
    : table.headers;
  const mapping = options.mapping
    ? columnMappingFromHeaders(headerTexts, options.mapping)
    : detectColumnMapping(headerTexts);
  let rows = table.rows;
  let lines = table.lineNumbers;
  if (rows[0] && looksLikeSecondHeaderRow(rows[0])) {
    issues.push(loadIssue('second-header-row', file, { row: lines[0] ?? 2 }));
    rows = rows.slice(1);
    lines = lines.slice(1);
  }
  if (table.headers.length === 0) return { records: [], issues: [loadIssue('file-empty', file)] };
  if (mapping.name === undefined) {
    issues.push(loadIssue('no-name-column', file, { value: table.headers.join(', ') }));
  }
  const mappedIndexes = new Set(Object.values(mapping));
  const extraColumns = uniqueNames(headerTexts.map((header, index) => header || `column${index + 1}`))
    .map((header, index) => ({ header, index }))
    .filter(({ index }) => !mappedIndexes.has(index));
  const headers: Partial<Record<MappableField, string>> = {};
  for (const field of MAPPABLE_FIELDS) {
    const index = mapping[field];
    if (index !== undefined) headers[field] = headerTexts[index] ?? field;
  }
  const alternates = alternateColumns(headerTexts, mapping);
  const extraNames = new Map(extraColumns.map(({ header, index }) => [index, header]));
  const marked = options.textMarkers === false ? new Set<number>() : markedColumns(rows);
  const cellValue =
    options.textMarkers === false
      ? (cells: readonly string[], index: number) => cells[index] ?? ''
      : (cells: readonly string[], index: number) =>
          withoutTextMarker(cells[index] ?? '', marked.has(index), options.neutralised === true);
  const records = rows.map((cells, i): RawRecord => {
    const fields: Partial<Record<MappableField, string>> = {};
    for (const field of MAPPABLE_FIELDS) {
      const index = mapping[field];
      if (index === undefined) continue;
      let value = cellValue(cells, index);
      const others = alternates[field];
      if (others && value.trim() === '') {
        const other = others.find((alt) => cellValue(cells, alt).trim() !== '');
        if (other !== undefined) {
          value = cellValue(cells, other);
          issues.push(
            loadIssue('field-in-two-columns', file, {
              row: lines[i] ?? i + 2,
              column: headers[field],
              // As the column is named in `extra` (two columns called 地址: the second is 地址 (3)).
              value: extraNames.get(other) ?? `column${other + 1}`,
            }),
          );
        }
      }
      fields[field] = value;
    }
    const extra: Record<string, string> = {};
    for (const { header, index } of extraColumns) {
      const value = cellValue(cells, index);
      if (value !== '') setOwn(extra, header, value);
    }
    // Cells beyond the header (trailing commas) are kept when they hold something.
    for (let index = table.headers.length; index < cells.length; index++) {
      const value = cellValue(cells, index);
      if (value !== '') setOwn(extra, `column${index + 1}`, value);
    }
    return { row: lines[i] ?? i + 2, fields, headers, extra };
  });
  if (records.length === 0) issues.push(loadIssue('file-empty', file));
  return { records, issues };
}

/**
 * The other columns that name a mapped field (地址 beside 據點地址, name beside 名稱), and that no field is mapped
 * to: a row whose mapped cell is empty takes the field from them. They stay in `extra` as well, as written.
 */
function alternateColumns(headers: readonly string[], mapping: ColumnMapping) {
  const mapped = new Set(Object.values(mapping));
  const alternates: Partial<Record<MappableField, number[]>> = {};
  headers.forEach((header, index) => {
    const field = mapped.has(index) ? undefined : recogniseHeader(header);
    if (field === undefined || mapping[field] === undefined) return;
    const list = alternates[field] ?? [];
    list.push(index);
    alternates[field] = list;
  });
  return alternates;
}

/**
 * Excel's text marker: people type '0943201436 so that a leading zero survives, and some exports keep the quote
 * (the Tainan committees file writes '0943201436, '建83700 and a lone ' for empty). The marker is dropped from
 * number-like cells, and from every cell of a column where each non-empty cell has it; '90s alone stays.
 */
function withoutTextMarker(value: string, columnMarked: boolean, neutralised: boolean): string {
  return columnMarked || /^'[\d+(][\d\s()+\-#./]*$/.test(value) || (neutralised && isGuardedFormula(value))
    ? value.replace(/^'/, '')
    : value;
}

/** Columns whose every non-empty cell starts with Excel's text marker. */
function markedColumns(rows: readonly (readonly string[])[]): Set<number> {
  // One pass over the cells: per column, 0 = only empty so far, 1 = every non-empty cell marked, 2 = not marked.
  const state: number[] = [];
  for (const row of rows) {
    for (let index = 0; index < row.length; index++) {
      const cell = row[index] as string;
      if (cell === '' || state[index] === 2) continue;
      state[index] = cell.charCodeAt(0) === 39 /* ' */ ? 1 : 2;
    }
  }
  const marked = new Set<number>();
  state.forEach((s, index) => {
    if (s === 1) marked.add(index);
  });
  return marked;
}

/** Header names made unique by column number, so that two columns called 備註 both survive in `extra`. */
function uniqueNames(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((header, index) => {
    const name = seen.has(header) ? `${header} (${index + 1})` : header;
    seen.add(name);
    return name;
  });
}

/** Sets a key as an own property, so that a column called __proto__ is kept as data, not taken as a prototype. */
export function setOwn(target: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
