import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Figure, Section } from './figures.ts';

const PROBE = fileURLToPath(new URL('./limits-probe.ts', import.meta.url));

/** What one probe process printed (limits-probe.ts). */
interface ProbeResult {
  readonly case: string;
  readonly fileBytes: number;
  readonly ms: number;
  readonly baselineMb: number;
  readonly peakMb: number;
  readonly refusal: string;
}

function probe(name: string): ProbeResult {
  const run = spawnSync(process.execPath, ['--import', 'tsx', PROBE, name], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`limits probe ${name} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as ProbeResult;
}

const CASES: readonly [string, string][] = [
  ['xlsx-bomb', 'XLSX bomb, 1 GiB inflated'],
  ['xlsx-bomb-4gib', 'XLSX bomb, 4 GiB inflated'],
  ['kmz-bomb', 'KMZ bomb, 1 GiB inflated'],
  ['csv-300mb', 'CSV of 300 MB'],
  ['xlsx-far-cell', 'XLSX with one cell at XFD1048576'],
  ['geojson-deep', 'GeoJSON nested 100,000 deep'],
];

/**
 * (l) Hostile files refused by the import worker's code, in Node, one process each (a browser cannot measure a
 * worker's memory from outside): the time to the refusal and the process's peak RSS above its baseline (file in
 * memory, modules loaded). Before the limits: XLSX 9.2 GB after 54 s, KMZ 5.1 GB after 29 s (both crashed the
 * tab), the XFD1048576 sheet over 5 minutes at ~5 GB. In the page, a file larger than any format accepts is
 * refused by its size before it is read (nothing allocated), which Node cannot show.
 */
export function runLimitsBench(log: (line: string) => void = () => undefined): Section {
  const figures: Figure[] = [];
  for (const [name, label] of CASES) {
    log(`limits: ${label}…`);
    const result = probe(name);
    const size =
      result.fileBytes >= 1e6
        ? `${(result.fileBytes / 1e6).toFixed(1)} MB`
        : `${(result.fileBytes / 1e3).toFixed(1)} KB`;
    figures.push(
      {
        label: `${label} (${size} file): refused after`,
        samples: [result.ms],
        unit: 'ms',
        note: result.refusal,
      },
      {
        label: '↳ peak RSS above the baseline',
        samples: [result.peakMb - result.baselineMb],
        unit: 'MB',
        target: '≤ 256 MB',
        limit: 256,
        note: `baseline ${result.baselineMb.toFixed(0)} MB, peak ${result.peakMb.toFixed(0)} MB`,
      },
    );
  }
  return { title: '(l) Import limits: hostile files refused by the import worker’s code (Node)', figures };
}
