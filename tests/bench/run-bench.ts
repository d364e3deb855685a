/**
 * `npm run bench`: performance figures at 100,000 synthetic resources, in Node and in Chromium against the
 * built app (dist/). Prints medians with min/max beside the targets; never fails on a time.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { createBig5Encoder } from './big5-encoder.ts';
import { runBriefingBench } from './briefing-bench.ts';
import { runBrowserBench } from './browser-bench.ts';
import { runBrowserImportBench } from './browser-import.ts';
import { profileRun } from './browser-profile.ts';
import { launchChromium, startPreview } from './browser-session.ts';
import { runCoverageBench } from './coverage-bench.ts';
import { type CpuProfile, type ProfileShare, summariseProfile } from './cpu-profile-summary.ts';
import { type Figure, padEnd, renderTable, type Section } from './figures.ts';
import { runImportBench } from './import-bench.ts';
import { measureInitialJs } from './initial-js-size.ts';
import { runJsonImportBench } from './json-import-bench.ts';
import { runLimitsBench } from './limits-bench.ts';
import { runNearbyBench } from './nearby-bench.ts';
import { runNodeBench } from './node-bench.ts';
import { parseSourceMap, type SourceLookup } from './source-map-lookup.ts';
import { generateResources, readRepoData, toCsv } from './synthetic-resources.ts';
import { summariseTrace } from './trace-summary.ts';

/**
 * BENCH_COUNT overrides the row count for a quick check of the bench itself; BENCH_ONLY=browser skips Node;
 * BENCH_ONLY=import runs only the Chromium import through the file input (f); BENCH_ONLY=json only the JSON
 * list import (j), in Node; BENCH_ONLY=limits only the hostile files refused by the import limits (l), in Node.
 */
const IMPORT_ONLY = process.env.BENCH_ONLY === 'import';
const BROWSER_ONLY = process.env.BENCH_ONLY === 'browser' || IMPORT_ONLY;
const COUNT = Number(process.env.BENCH_COUNT ?? 100_000);
const FILE_NAME = 'bench-100k.csv';
const BROWSER_RUNS = Number(process.env.BENCH_RUNS ?? 3);
const root = process.cwd();
const distDir = resolve(root, 'dist');
const executablePath = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
const began = performance.now();
const log = (line: string) =>
  process.stderr.write(`[bench ${((performance.now() - began) / 1000).toFixed(0)}s] ${line}\n`);

function sizeSection(): { section: Section; lines: string[] } {
  const size = measureInitialJs(distDir);
  const kb = (bytes: number) => bytes / 1024;
  const initial: Figure = {
    label: 'initial JS (index.html scripts + static imports)',
    samples: [kb(size.initial.reduce((s, f) => s + f.gzipBytes, 0))],
    unit: 'KB',
    target: '≤ 150 KB',
    limit: 150,
    note: size.initial.map((f) => `${f.file} ${kb(f.bytes).toFixed(0)} KB raw`).join(', '),
  };
  const workers = size.workers.map(
    (f): Figure => ({
      label: `↳ worker the initial JS can start: ${f.file}`,
      samples: [kb(f.gzipBytes)],
      unit: 'KB',
      note: /import-worker/.test(f.file)
        ? 'off the main thread; fetched with the first import'
        : 'off the main thread; fetched as the page starts',
    }),
  );
  const lines = [
    'Initial JS by module (gzip KB, estimated pro rata from the source maps):',
    ...size.modules.slice(0, 12).map((m) => `  ${kb(m.gzipBytes).toFixed(1).padStart(6)} KB  ${m.name}`),
  ];
  return { section: { title: '(e) Initial JavaScript, gzip -6', figures: [initial, ...workers] }, lines };
}

function sourceMaps(serverUrl: string): (url: string) => SourceLookup | undefined {
  const cache = new Map<string, SourceLookup | undefined>();
  return (url) => {
    if (!cache.has(url)) {
      const path = url.startsWith(serverUrl) ? join(distDir, new URL(url).pathname) : '';
      const map =
        path && existsSync(`${path}.map`) ? JSON.parse(readFileSync(`${path}.map`, 'utf8')) : undefined;
      cache.set(url, map ? parseSourceMap(map) : undefined);
    }
    return cache.get(url);
  };
}

function shares(title: string, list: readonly ProfileShare[], top: number): string {
  const rows = list
    .slice(0, top)
    .map((s) => `  ${s.ms.toFixed(0).padStart(6)} ms ${(100 * s.share).toFixed(1).padStart(5)}%  ${s.key}`);
  return [title, ...rows].join('\n');
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The app built with the synthetic dataset as its data/ folder (CRM_DATA_DIR), as an office builds with its own
 * files: the build compiles the data (build/compile-data-pack.ts). Returns the output folder.
 */
async function buildWithData(csv: Uint8Array, manifestJson: string, gazetteerText: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-'));
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const manifest = JSON.parse(manifestJson) as { gazetteer: string; villages?: string };
  writeFileSync(join(dataDir, 'manifest.json'), manifestJson);
  writeFileSync(join(dataDir, manifest.gazetteer), gazetteerText);
  // The village centroids the manifest lists (the build refuses a listed file that is missing).
  if (manifest.villages)
    copyFileSync(join(root, 'data', manifest.villages), join(dataDir, manifest.villages));
  writeFileSync(join(dataDir, FILE_NAME), csv);
  const outDir = join(dir, 'dist');
  process.env.CRM_DATA_DIR = dataDir;
  const started = performance.now();
  try {
    await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    delete process.env.CRM_DATA_DIR;
  }
  const pack = readdirSync(join(outDir, 'data')).find((f) => /\.pack(\.gz)?$/.test(f));
  if (!pack) throw new Error('the bench build compiled no dataset pack');
  const size = statSync(join(outDir, 'data', pack)).size;
  log(
    `built with the synthetic data/ in ${((performance.now() - started) / 1000).toFixed(1)} s; ${pack} ${(size / 1e6).toFixed(1)} MB`,
  );
  return outDir;
}

/** The Chromium half: figures (a)–(d) and the profiles that say where main-thread time goes. */
async function browserPart(csv: Uint8Array, manifestJson: string, gazetteerText: string) {
  const benchManifest = JSON.stringify({
    ...JSON.parse(manifestJson),
    files: [
      {
        path: FILE_NAME,
        category: 'community-association',
        source: '效能測試合成資料',
        visibility: 'public',
        sample: true,
      },
    ],
  });
  const benchDist = IMPORT_ONLY ? undefined : await buildWithData(csv, benchManifest, gazetteerText);
  const defaultServer = await startPreview();
  const server = benchDist ? await startPreview(benchDist) : defaultServer;
  const browser = await launchChromium(executablePath);
  const version = browser.version();
  try {
    const input = { root: server.url, resourceCount: COUNT, runs: BROWSER_RUNS, executablePath };
    // (f): the person's file over the repository's own default data (a synthetic default would flag every row).
    const importSection = await runBrowserImportBench(
      browser,
      { session: { ...input, root: defaultServer.url }, file: { name: FILE_NAME, csv }, rows: COUNT },
      log,
    );
    if (IMPORT_ONLY) {
      return { version, sections: [], importSections: [importSection.section], lines: importSection.lines };
    }
    const result = await runBrowserBench(browser, input, log, {
      title: `(a)+(b) Chromium: load ${fmt(COUNT)} rows → interactive map (data/ compiled by the build)`,
    });
    const uncompiled = await runBrowserBench(
      browser,
      { ...input, routed: { manifestJson: benchManifest, fileName: FILE_NAME, csv } },
      log,
      {
        title: "(a') the same CSV with no compiled pack (data/ replaced on a server without a rebuild)",
        loadOnly: true,
      },
    );
    log('browser: profiling one run…');
    const profiles = await profileRun(browser, input);
    const lookup = sourceMaps(server.url);
    const profileLines = (
      [
        ['navigation → interactive map', profiles.load],
        ['zoom/pan moves', profiles.zoomPan],
        ['typing the search', profiles.typing],
        ['two records corrected and undone', profiles.editing],
      ] as const
    ).flatMap(([title, { profile, traceJson }]) => {
      const summary = summariseProfile(profile as CpuProfile, lookup);
      const trace = traceJson ? summariseTrace(traceJson) : undefined;
      return [
        '',
        `Main-thread CPU, ${title} (one profiled run, ${summary.busyMs.toFixed(0)} ms busy):`,
        shares('  by module:', summary.byModule, 8),
        shares(
          '  by function (original source line; natives folded into their caller):',
          summary.byFunction,
          12,
        ),
        ...(trace
          ? [
              `  by timeline event (self time; ${trace.busyMs.toFixed(0)} ms in main-thread tasks):`,
              ...trace.byName.slice(0, 8).map((t) => `  ${t.ms.toFixed(0).padStart(6)} ms  ${t.name}`),
            ]
          : []),
      ];
    });
    const lines = [
      'Per keystroke in Chromium (median over runs, keystroke → count updated):',
      ...result.perKey.map(
        (k) =>
          `  ${padEnd(k.key, 9)} → ${padEnd(`"${k.value}"`, 8)} ${k.ms.toFixed(1).padStart(7)} ms  ${k.status}`,
      ),
      ...profileLines,
      '  (program): browser work outside JavaScript (style, layout, paint, task scheduling).',
      '  bench-probes.js: the probe is first to read the worker message, so it pays the structured-clone deserialisation.',
      ...(result.longTaskError ? [`note: longtask observer failed: ${result.longTaskError}`] : []),
      '',
      'Long tasks of each load run (ms after navigation, duration), among the load milestones:',
      ...result.timeline,
      '',
      ...importSection.lines,
    ];
    return {
      version,
      sections: [...result.sections, ...uncompiled.sections],
      importSections: [importSection.section],
      lines,
    };
  } finally {
    await browser.close();
    await server.close();
    if (server !== defaultServer) await defaultServer.close();
  }
}

async function main() {
  if (process.env.BENCH_ONLY === 'limits') {
    process.stdout.write(`${renderTable([runLimitsBench(log)])}\n`);
    return;
  }
  if (process.env.BENCH_ONLY === 'json') {
    const { manifest, gazetteerText } = readRepoData(root);
    process.stdout.write(`${renderTable([runJsonImportBench({ manifest, gazetteerText }, log)])}\n`);
    return;
  }
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `npm run build` first');
  }
  log(`generating ${fmt(COUNT)} resources…`);
  const { manifest, manifestJson, gazetteerText } = readRepoData(root);
  const dataset = generateResources(manifest, gazetteerText, { count: COUNT });
  const csvText = toCsv(dataset);
  const utf8 = new TextEncoder().encode(csvText);
  const big5 = createBig5Encoder()(csvText);
  const nodeSections = BROWSER_ONLY
    ? []
    : runNodeBench(
        {
          manifest,
          gazetteerText,
          fileName: FILE_NAME,
          utf8,
          ...(big5.unencodable === 0 ? { big5: big5.bytes } : {}),
        },
        log,
      );
  const coverage = BROWSER_ONLY
    ? undefined
    : runCoverageBench({ manifest, gazetteerText, utf8, fileName: FILE_NAME }, log);
  const briefing = BROWSER_ONLY
    ? undefined
    : await runBriefingBench({ manifest, gazetteerText, count: COUNT }, log);
  const nearby = BROWSER_ONLY
    ? undefined
    : runNearbyBench({ manifest, gazetteerText, utf8, fileName: FILE_NAME }, log);
  const personImport = BROWSER_ONLY
    ? undefined
    : runImportBench(
        {
          manifest,
          gazetteerText,
          fileName: FILE_NAME,
          utf8,
          ...(big5.unencodable === 0 ? { big5: big5.bytes } : {}),
        },
        log,
      );
  const jsonImport = BROWSER_ONLY ? undefined : runJsonImportBench({ manifest, gazetteerText }, log);
  const limits = BROWSER_ONLY ? undefined : runLimitsBench(log);
  const size = sizeSection();
  let browser: Awaited<ReturnType<typeof browserPart>> | undefined;
  let browserError: string | undefined;
  try {
    browser = await browserPart(utf8, manifestJson, gazetteerText);
  } catch (error) {
    browserError = error instanceof Error ? error.message : String(error);
  }

  const out = [
    `共生資源地圖 benchmark — ${new Date().toISOString()}`,
    `node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (timings are noisy when the machine is shared)`,
    `${fmt(COUNT)} synthetic rows: ${fmt(dataset.stats.withoutCoordinates)} address only (township centroid), ` +
      `${dataset.stats.swapped} with lat/lng swapped; CSV ${(utf8.length / 1e6).toFixed(1)} MB UTF-8, ` +
      (big5.unencodable === 0
        ? `${(big5.bytes.length / 1e6).toFixed(1)} MB Big5`
        : `Big5 skipped (${big5.unencodable} characters not in Big5)`),
    browser
      ? `Chromium ${browser.version}, 1280×800, ${BROWSER_RUNS} runs; built app served by vite preview, outside requests aborted (no tiles), each navigation once the new tab has settled (tests/bench/browser-idle.ts)`
      : `Chromium: FAILED — ${browserError}`,
    '',
    renderTable([
      ...nodeSections,
      ...[personImport, jsonImport, limits, coverage, briefing, nearby].filter((x) => x !== undefined),
      ...(browser?.sections ?? []),
      size.section,
      ...(browser?.importSections ?? []),
    ]),
    '',
    '† the whole data → interactive map budget; in the app this step runs in the worker before anything shows.',
    '‡ runs on the main thread in the app (selectors in React render), so one call is one task: > 50 ms is a long task.',
    '',
    ...size.lines,
    '',
    ...(browser?.lines ?? [`Chromium figures missing: ${browserError}`]),
    '',
    `bench finished in ${((performance.now() - began) / 1000).toFixed(0)} s`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  if (browserError) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
