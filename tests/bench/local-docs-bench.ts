/**
 * `tsx tests/bench/local-docs-bench.ts`: restoring a workshop of N changed records on start, and saving one change,
 * in Chromium against the built app's origin (dist/): today's snapshot in IndexedDB against the local document.
 * Figures, never assertions. LOCAL_DOCS_COUNTS (default 100,1000) and LOCAL_DOCS_RUNS (default 5).
 */
import { build } from 'esbuild';
import { launchChromium, startPreview } from './browser-session.ts';

const counts = (process.env.LOCAL_DOCS_COUNTS ?? '100,1000').split(',').map(Number);
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
  for (const n of counts) {
    const rows: Record<string, number[]> = {};
    let sample: unknown;
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(new URL('data/manifest.json', preview.url).href);
      await page.addScriptTag({ content: script });
      const result = (await page.evaluate(
        ([count, r]) =>
          (window as unknown as { localDocsBench: (n: number, r: number) => unknown }).localDocsBench(
            count,
            r,
          ),
        [n, run] as const,
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
    console.log(`\n${n} changed records, ${runs} runs (median [min–max] ms):`);
    for (const [key, values] of Object.entries(rows)) {
      console.log(`  ${key.padEnd(22)} ${median(values)} [${Math.min(...values)}–${Math.max(...values)}]`);
    }
    console.log('  last run:', JSON.stringify(sample));
  }
} finally {
  await browser.close();
  await preview.close();
}
