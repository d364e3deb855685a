import type { Resource } from '../model/resource.ts';

/** The column the workshop form writes a start year to; files use it (or one of the names below) too. */
export const START_YEAR_COLUMN = '設立年度';

const START_YEAR_COLUMNS = [
  START_YEAR_COLUMN,
  '設立年',
  '成立年度',
  '成立年',
  '開辦年度',
  '設置年度',
  'start_year',
  'startyear',
  'year_started',
  'established',
];
const KEYS = new Set(START_YEAR_COLUMNS.map(columnKey));

function columnKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s_\-()（）]/g, '')
    .toLowerCase();
}

/**
 * Reads a start-year cell: 2020, 109 (ROC, = 2020), 民國109年, 109年度, or a full date (2020-05-01, 109/05/01).
 * Returns null for anything that is not a plausible year.
 */
export function parseStartYear(raw: string): number | null {
  const text = raw
    .normalize('NFKC')
    .trim()
    .replace(/^民國\s*/, '');
  const m = /^(\d{2,4})(?:\s*年度?|[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?$/.exec(text);
  if (!m) return null;
  const digits = m[1] ?? '';
  const year = digits.length <= 3 ? Number(digits) + 1911 : Number(digits);
  return year >= 1912 && year <= 2200 ? year : null;
}

/** The year a resource started (from a 設立年度-like column), or null when it does not say. */
export function startYearOf(resource: Resource): number | null {
  for (const column in resource.extra) {
    if (!KEYS.has(columnKey(column))) continue;
    const year = parseStartYear(resource.extra[column] ?? '');
    if (year !== null) return year;
  }
  return null;
}

/** Every record's start year by index (0: none): a dataset keeps them, so that a slider step is a tight loop. */
export function startYears(resources: readonly Resource[]): Int32Array {
  const years = new Int32Array(resources.length);
  resources.forEach((r, i) => {
    years[i] = startYearOf(r) ?? 0;
  });
  return years;
}

export type StartYearRange = { readonly min: number; readonly max: number; readonly withYear: number } | null;

/** Earliest and latest of start years by index (0: none), and how many there are; null when there are none. */
export function yearRangeOf(years: Int32Array): StartYearRange {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let withYear = 0;
  for (let i = 0; i < years.length; i++) {
    const year = years[i] as number;
    if (year === 0) continue;
    withYear++;
    if (year < min) min = year;
    if (year > max) max = year;
  }
  return withYear === 0 ? null : { min, max, withYear };
}
