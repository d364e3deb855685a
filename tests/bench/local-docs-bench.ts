/**
 * `tsx tests/bench/local-docs-bench.ts`: restoring a workshop of N changed records on start, and saving one change,
 * in Chromium against the built app's origin (dist/): today's snapshot in IndexedDB against the local document.
 * Figures, never assertions. LOCAL_DOCS_COUNTS (default 100,1000) and LOCAL_DOCS_RUNS (default 5).
 * IMPORT_FILE_COUNTS (e.g. 10000,100000; none by default): an imported file written, read, replaced and removed as
 * the app keeps it (a local document of its own), against the entry older versions kept (importFile in
 * local-docs-probe.ts).
 */
import { build } from 'esbuild';
import { launchChromium, startPreview } from './browser-session.ts';

const counts = (process.env.LOCAL_DOCS_COUNTS ?? '100,1000').split(',').filter(Boolean).map(Number);
const fileCounts = (process.env.IMPORT_FILE_COUNTS ?? '').split(',').filter(Boolean).map(Number);
const runs = Number(process.env.LOCAL_DOCS_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const bundle = await build({
  entryPoints: [new URL('./local-docs-probe.ts', import.meta.url).pathname],
  bundle: true,
  format: 'iife',
  write: false,
  target: 'es2022',
});
const script = bundle.outputFiles[0]?.text ?? '';
const preview = await startPreview();
const browser = await launchChromium(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
try {
  const jobs = [
    ...counts.map((n) => ({ n, probe: 'localDocsBench', what: 'changed records' })),
    ...fileCounts.map((n) => ({ n, probe: 'importFileBench', what: 'records in one imported file' })),
  ];
  for (const { n, probe, what } of jobs) {
    const rows: Record<string, number[]> = {};
    let sample: unknown;
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(new URL('data/manifest.json', preview.url).href);
      await page.addScriptTag({ content: script });
      const result = (await page.evaluate(
        ([name, count, r]) =>
          (window as unknown as Record<string, (n: number, r: number) => unknown>)[name]?.(count, r),
        [probe, n, run] as const,
      )) as Record<string, Record<string, number | string | boolean>>;
      sample = result;
      for (const [side, figures] of Object.entries(result)) {
        for (const [key, value] of Object.entries(figures)) {
          if (typeof value !== 'number') continue;
          const name = `${side}.${key}`;
          rows[name] = [...(rows[name] ?? []), value];
        }
      }
      await context.close();
    }
    console.log(`\n${n} ${what}, ${runs} runs (median [min–max] ms):`);
    for (const [key, values] of Object.entries(rows)) {
      console.log(`  ${key.padEnd(22)} ${median(values)} [${Math.min(...values)}–${Math.max(...values)}]`);
    }
    console.log('  last run:', JSON.stringify(sample));
  }
} finally {
  await browser.close();
  await preview.close();
}
