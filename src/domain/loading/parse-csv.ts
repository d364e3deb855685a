import Papa from 'papaparse';

/** A table as read from a file: header cells and data rows, all strings. */
export interface RawTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** 1-based line number in the file of each data row (for row-level reports). */
  readonly lineNumbers: readonly number[];
  /** How many of the file's rows, up to and including the header, precede the data (1 unless blank rows lead). */
  readonly headerRowCount: number;
  readonly delimiter: string;
}

const DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * Detects the delimiter from the header line: the candidate it holds most of, commas on a tie.
 * PapaParse's own guess is thrown off by data cells such as "關懷訪視;通報轉介" in a comma file.
 */
export function detectDelimiter(text: string): string {
  const headerLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = unquoted.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/** The only module that knows PapaParse. Parses CSV/TSV text; the delimiter is detected. */
export function parseDelimitedText(text: string): RawTable {
  const delimiter = detectDelimiter(text);
  const all = parseRows(text, delimiter);
  const lineNumbers: number[] = [];
  let line = 1;
  const startLines = all.map((row) => {
    const start = line;
    line += 1 + row.reduce((n, cell) => n + countNewlines(cell), 0);
    return start;
  });
  const firstNonEmpty = all.findIndex((row) => !isBlankRow(row));
  if (firstNonEmpty < 0) {
    return { headers: [], rows: [], lineNumbers: [], headerRowCount: 0, delimiter };
  }
  const headers = (all[firstNonEmpty] ?? []).map((h) => h.replace(/\s+/g, ' ').trim());
  const rows: string[][] = [];
  for (let i = firstNonEmpty + 1; i < all.length; i++) {
    const row = all[i];
    if (!row || isBlankRow(row)) continue;
    rows.push(row);
    lineNumbers.push(startLines[i] ?? i + 1);
  }
  return { headers, rows, lineNumbers, headerRowCount: firstNonEmpty + 1, delimiter };
}

/**
 * Papa's rows, except that a stray quote cannot swallow the rest of the file. A cell that opens with a quote
 * it never closes properly (`"愛心"協會,…` or `"broken,…`) makes PapaParse read every following line into
 * that cell, losing those rows without a trace. Such a row is read literally as its first line alone, and
 * parsing resumes on the next line.
 */
function parseRows(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let rest = text;
  for (;;) {
    const result = Papa.parse<string[]>(rest, { delimiter, skipEmptyLines: false });
    const bad = runawayQuoteRow(result);
    const good = bad === undefined ? result.data : result.data.slice(0, bad);
    for (const row of good) rows.push(row);
    if (bad === undefined) return rows;
    const start = bad === 0 ? 0 : Papa.parse<string[]>(rest, { delimiter, preview: bad }).meta.cursor;
    const lineBreak = /\r\n|\n|\r/.exec(rest.slice(start));
    const lineEnd = lineBreak ? start + lineBreak.index : rest.length;
    rows.push(rest.slice(start, lineEnd).split(delimiter));
    rest = rest.slice(lineEnd + (lineBreak?.[0].length ?? 0));
    if (rest === '') return rows;
  }
}

/**
 * The first row whose quote error ran on across lines or to the end of the text, if any. Each row is looked
 * at once: a JSON text read as CSV has thousands of quote errors on one line of thousands of cells, and looking
 * at the row's cells for every error made 128 KB take seconds (errors × cells).
 */
function runawayQuoteRow(result: Papa.ParseResult<string[]>): number | undefined {
  let checked = -1;
  for (const error of result.errors) {
    if (error.type !== 'Quotes' || error.row === undefined) continue;
    if (error.code === 'MissingQuotes') return error.row;
    if (error.row === checked) continue;
    checked = error.row;
    if (result.data[error.row]?.some((cell) => /[\r\n]/.test(cell))) return error.row;
  }
  return undefined;
}

/**
 * Serialises rows to CSV text with CRLF (used by exports and tests). `quoteAll` quotes every cell, so that a
 * header holding semicolons or tabs cannot make detectDelimiter read the file with the wrong delimiter.
 */
export function toCsvText(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: { quoteAll?: boolean } = {},
): string {
  return Papa.unparse(
    { fields: [...headers], data: rows.map((r) => [...r]) },
    { newline: '\r\n', ...(options.quoteAll ? { quotes: true } : {}) },
  );
}

function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

function countNewlines(cell: string): number {
  let n = 0;
  for (let i = 0; i < cell.length; i++) if (cell.charCodeAt(i) === 10) n++;
  return n;
}
