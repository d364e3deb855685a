/** One measured figure: median of the samples with their spread, and the target it is read against. */
export interface Figure {
  readonly label: string;
  readonly samples: readonly number[];
  readonly unit: 'ms' | 'KB' | 'MB' | '';
  /** Printed beside the figure, e.g. "≤ 30 ms". */
  readonly target?: string;
  /** The limit the median is compared with (only to print ok / MISS; the bench never fails on time). */
  readonly limit?: number;
  readonly note?: string;
}

export interface Section {
  readonly title: string;
  readonly figures: readonly Figure[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns each run's duration in ms. */
export function timeRuns(fn: () => unknown, runs: number, warmup = 1): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

function format(value: number, unit: Figure['unit']): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits =
    unit === 'KB' || unit === 'MB' ? 1 : Math.abs(value) < 10 ? 2 : Math.abs(value) < 100 ? 1 : 0;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A plain-text table: figure, median, min, max, runs, target and whether the median meets it. */
export function renderTable(sections: readonly Section[]): string {
  const header = ['', 'median', 'min', 'max', 'n', 'target', 'status', 'note'];
  const rows: string[][] = [];
  const sectionRows = new Set<number>();
  for (const section of sections) {
    sectionRows.add(rows.length);
    rows.push([section.title, '', '', '', '', '', '', '']);
    for (const f of section.figures) {
      const med = median(f.samples);
      const unit = f.unit ? ` ${f.unit}` : '';
      const status = f.limit === undefined || !Number.isFinite(med) ? '' : med <= f.limit ? 'ok' : 'MISS';
      rows.push([
        `  ${f.label}`,
        `${format(med, f.unit)}${unit}`,
        f.samples.length > 1 ? format(Math.min(...f.samples), f.unit) : '',
        f.samples.length > 1 ? format(Math.max(...f.samples), f.unit) : '',
        String(f.samples.length),
        f.target ?? '',
        status,
        f.note ?? '',
      ]);
    }
  }
  const widths = header.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === 0 || c >= 5 ? padEnd(cell, widths[c] ?? 0) : padStart(cell, widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(widths.reduce((a, b) => a + b + 2, -2));
  const out = [line(header), rule];
  rows.forEach((r, i) => {
    if (sectionRows.has(i) && i > 0) out.push('');
    out.push(sectionRows.has(i) ? (r[0] ?? '') : line(r));
  });
  return out.join('\n');
}

/** Display width: CJK and full-width characters take two columns in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}
export const padEnd = (text: string, n: number) => text + ' '.repeat(Math.max(0, n - width(text)));
const padStart = (text: string, n: number) => ' '.repeat(Math.max(0, n - width(text))) + text;
