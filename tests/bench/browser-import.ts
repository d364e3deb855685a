import type { Browser, Page } from 'playwright-core';
import { type BrowserBenchInput, openPage, probe, tasksSince } from './browser-session.ts';
import type { Figure, Section } from './figures.ts';

/** What the import probe records in the page (window.__import). Times are performance.now() of the page. */
interface ImportProbe {
  /** The file input's change event: the person chose the file. */
  readonly chosenAt: number | null;
  /** The click on 開始匯入 in the column dialog. */
  readonly confirmedAt: number | null;
  /** The import worker's first result message (records, or 'done') reaches the main thread. */
  readonly resultAt: number | null;
  /** Its 'done' message (the last). */
  readonly doneAt: number | null;
  /**
   * Main-thread time in the result messages' handlers (structured-clone deserialisation, the app's handler and
   * its microtasks): their sum, and the largest (each message is a task of its own).
   */
  readonly resultHandlingMs: number;
  readonly largestMessageMs: number;
  /** The result count shows the default data plus every imported row. */
  readonly shownAt: number | null;
  /** The end of the first map redraw (crm:cluster-draw) after shownAt. */
  readonly drawnAt: number | null;
  /** "Kept in this browser" shows: the dataset is in IndexedDB. */
  readonly storedAt: number | null;
}

/**
 * Installed before the app runs (a plain script: see page-probes.ts). The expected count text comes from
 * sessionStorage, so that a reload of the same tab can watch for the imported rows coming back.
 */
const IMPORT_PROBE = `(() => {
  const state = { chosenAt: null, confirmedAt: null, resultAt: null, doneAt: null, resultHandlingMs: 0,
    largestMessageMs: 0, shownAt: null, drawnAt: null, storedAt: null };
  window.__import = state;
  const expected = () => JSON.parse(sessionStorage.getItem('bench-import-expected') || '[]');
  document.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'file') state.chosenAt = performance.now();
  }, true);
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button && (button.textContent || '').trim() === '開始匯入') state.confirmedAt = performance.now();
  }, true);
  const NativeWorker = window.Worker;
  if (NativeWorker) {
    window.Worker = class extends NativeWorker {
      constructor(url, options) {
        super(url, options);
        if (!String(url).includes('import-worker')) return;
        let start = 0;
        this.addEventListener('message', () => {
          start = performance.now();
        });
        // Registered after the app sets worker.onmessage (synchronously after construction): runs last.
        queueMicrotask(() => this.addEventListener('message', (event) => {
          const ms = performance.now() - start;
          const data = event.data;
          if (!data || (data.type !== 'part' && data.type !== 'done') || state.doneAt !== null) return;
          if (state.resultAt === null) state.resultAt = start;
          if (data.type === 'done') state.doneAt = start;
          state.resultHandlingMs += ms;
          state.largestMessageMs = Math.max(state.largestMessageMs, ms);
        }));
      }
    };
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'crm:cluster-draw' && state.shownAt !== null && state.drawnAt === null &&
        e.startTime + e.duration >= state.shownAt) state.drawnAt = e.startTime + e.duration;
    }
  }).observe({ type: 'measure', buffered: true });
  new MutationObserver(() => {
    const texts = expected();
    if (state.shownAt === null && texts.length > 0) {
      const count = document.querySelector('.result-count');
      if (count && texts.some((t) => (count.textContent || '').includes(t))) state.shownAt = performance.now();
    }
    if (state.storedAt === null && state.shownAt !== null &&
      (document.body.textContent || '').includes('重新整理或關閉後仍會保留')) state.storedAt = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();
//# sourceURL=bench-import-probe.js`;

const importProbe = (page: Page) => page.evaluate<ImportProbe>('window.__import');

/** Waits for the default data: the result count and markers are on screen. Returns the count shown. */
async function defaultCount(page: Page): Promise<number> {
  await page.waitForFunction(
    `document.querySelector('.result-count') !== null && document.querySelector('.leaflet-marker-icon') !== null`,
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  const text = await page.evaluate<string>("document.querySelector('.result-count').textContent || ''");
  const match = /([\d,]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no count in "${text}"`);
  return Number(match[1].replace(/,/g, ''));
}

interface ImportRun {
  readonly probe: ImportProbe;
  /** Long tasks from the file chosen until a second after it was saved. */
  readonly tasks: readonly number[];
  /** The same, with their start times, for the timeline printed under the table. */
  readonly taskTimes: readonly { start: number; duration: number }[];
  /** The app's own measures since crm:import-start: worker, merge (ids + duplicates), shown. */
  readonly marks: Readonly<Record<string, number>>;
  /** Reload with the import saved: navigation → the imported rows counted, and its long tasks. */
  readonly reloadShownAt: number;
  readonly reloadTasks: readonly number[];
  readonly reloadTaskTimes: readonly { start: number; duration: number }[];
}

async function measureImport(browser: Browser, input: BrowserImportInput): Promise<ImportRun> {
  const { context, page } = await openPage(browser, input.session);
  try {
    await page.addInitScript({ content: IMPORT_PROBE });
    await page.goto(input.session.root, { waitUntil: 'commit' });
    const before = await defaultCount(page);
    const after = before + input.rows;
    await page.evaluate(
      `sessionStorage.setItem('bench-import-expected', ${JSON.stringify(
        JSON.stringify([after.toLocaleString('en-US'), String(after)]),
      )})`,
    );
    await page.waitForTimeout(1000);
    await page.getByLabel('選擇要匯入的檔案').setInputFiles({
      name: input.file.name,
      mimeType: 'text/csv',
      buffer: Buffer.from(input.file.csv),
    });
    const dialog = page.getByRole('dialog', { name: /^確認欄位/ });
    await dialog.getByRole('button', { name: '開始匯入' }).click({ timeout: 60_000 });
    await page.waitForFunction('window.__import.storedAt !== null', undefined, {
      timeout: 300_000,
      polling: 100,
    });
    await page.waitForTimeout(1000);
    const imported = await importProbe(page);
    const loadProbe = await probe(page);
    const tasks = tasksSince(loadProbe, imported.chosenAt ?? 0);
    const taskTimes = loadProbe.longTasks.filter((t) => t.start >= (imported.chosenAt ?? 0));
    const marks = await page.evaluate<Record<string, number>>(`Object.fromEntries(
      ['crm:import-worker', 'crm:import-merge', 'crm:import-shown'].map((name) =>
        [name, performance.getEntriesByName(name).at(-1)?.duration ?? Number.NaN]))`);

    await page.reload({ waitUntil: 'commit' });
    await page.waitForFunction('window.__import && window.__import.shownAt !== null', undefined, {
      timeout: 120_000,
      polling: 100,
    });
    await page.waitForTimeout(1000);
    const reloaded = await importProbe(page);
    const reloadProbe = await probe(page);
    return {
      probe: imported,
      tasks,
      taskTimes,
      marks,
      reloadShownAt: reloaded.shownAt ?? Number.NaN,
      reloadTasks: tasksSince(reloadProbe, 0),
      reloadTaskTimes: reloadProbe.longTasks,
    };
  } finally {
    await context.close();
  }
}

export interface BrowserImportInput {
  /** The page session: the repository's own build (its default data). */
  readonly session: BrowserBenchInput;
  /** The person's file. */
  readonly file: { readonly name: string; readonly csv: Uint8Array };
  readonly rows: number;
}

type Milestone = 'chosenAt' | 'confirmedAt' | 'resultAt' | 'doneAt' | 'shownAt' | 'drawnAt' | 'storedAt';

const between = (runs: readonly ImportRun[], from: Milestone, to: Milestone) =>
  runs
    .map((r) => {
      const a = r.probe[from];
      const b = r.probe[to];
      return a === null || b === null ? Number.NaN : b - a;
    })
    .filter(Number.isFinite);

/**
 * (f) A person's 100,000-row CSV chosen with the file input of the built app over the default data: the time
 * until the count includes it and the map redraws, until it is saved in IndexedDB, and how long the main
 * thread is blocked meanwhile; then a reload brings it back from IndexedDB.
 */
export async function runBrowserImportBench(
  browser: Browser,
  input: BrowserImportInput,
  log: (line: string) => void,
): Promise<{ section: Section; lines: string[] }> {
  const runs: ImportRun[] = [];
  for (let i = 0; i < input.session.runs; i++) {
    log(`browser: import run ${i + 1}/${input.session.runs}…`);
    runs.push(await measureImport(browser, input));
  }
  const mark = (name: string) => runs.map((r) => r.marks[name] ?? Number.NaN).filter(Number.isFinite);
  const figures: Figure[] = [
    {
      label: 'file chosen → count updated',
      samples: between(runs, 'chosenAt', 'shownAt'),
      unit: 'ms',
      note: 'includes the column dialog (preview, then the bench clicks 開始匯入)',
    },
    { label: '↳ 開始匯入 → count updated', samples: between(runs, 'confirmedAt', 'shownAt'), unit: 'ms' },
    {
      label: '↳ worker done (crm:import-worker)',
      samples: mark('crm:import-worker'),
      unit: 'ms',
      note: 'decode, parse, validate in the worker',
    },
    {
      label: '↳ result messages handled',
      samples: runs.map((r) => r.probe.resultHandlingMs),
      unit: 'ms',
      note: 'main thread: deserialise + handler, sum over messages',
    },
    {
      label: '↳ largest result message handled',
      samples: runs.map((r) => r.probe.largestMessageMs),
      unit: 'ms',
      note: 'one task each',
    },
    {
      label: '↳ ids + duplicates (merge − worker)',
      samples: runs
        .map(
          (r) => (r.marks['crm:import-merge'] ?? Number.NaN) - (r.marks['crm:import-worker'] ?? Number.NaN),
        )
        .filter(Number.isFinite),
      unit: 'ms',
    },
    {
      label: '↳ first result message → count updated',
      samples: between(runs, 'resultAt', 'shownAt'),
      unit: 'ms',
      note: 'messages, then landing: index, filter, render',
    },
    {
      label: "↳ 'done' message → count updated",
      samples: between(runs, 'doneAt', 'shownAt'),
      unit: 'ms',
      note: 'main thread: landing, index, filter, render',
    },
    { label: 'count updated → map redrawn', samples: between(runs, 'shownAt', 'drawnAt'), unit: 'ms' },
    {
      label: 'count updated → saved in this browser',
      samples: between(runs, 'shownAt', 'storedAt'),
      unit: 'ms',
      note: 'IndexedDB write done',
    },
    {
      label: 'longest main-thread task during the import',
      samples: runs.map((r) => Math.max(0, ...r.tasks)),
      unit: 'ms',
      target: '≤ 50 ms',
      limit: 50,
      note: 'file chosen → saved + 1 s',
    },
    {
      label: 'long tasks (> 50 ms) during the import',
      samples: runs.map((r) => r.tasks.length),
      unit: '',
      target: '0',
      limit: 0,
    },
    {
      label: 'total blocking time during the import',
      samples: runs.map((r) => r.tasks.reduce((s, d) => s + d - 50, 0)),
      unit: 'ms',
      note: 'Σ(task − 50 ms)',
    },
    {
      label: 'reload → imported rows counted again',
      samples: runs.map((r) => r.reloadShownAt).filter(Number.isFinite),
      unit: 'ms',
      note: 'read back from IndexedDB',
    },
    {
      label: '↳ longest main-thread task during the reload',
      samples: runs.map((r) => Math.max(0, ...r.reloadTasks)),
      unit: 'ms',
    },
  ];
  return {
    section: {
      title: `(f) Chromium: import ${input.rows.toLocaleString('en-US')} CSV rows with the file input`,
      figures,
    },
    lines: [
      "Long tasks of each import run (ms after the worker's 'done' message, duration):",
      ...runs.map(timeline),
    ],
  };
}

/** One run's long tasks against its milestones, e.g. "+2 (640) | shown +700 | +720 (310) | saved +1500". */
function timeline(run: ImportRun, i: number): string {
  const origin = run.probe.doneAt ?? run.probe.confirmedAt ?? 0;
  const at = (t: number) => `+${(t - origin).toFixed(0)}`;
  const events = [
    ...run.taskTimes.map((t) => ({ t: t.start, text: `${at(t.start)} (${t.duration.toFixed(0)})` })),
    ...(['shownAt', 'drawnAt', 'storedAt'] as const).flatMap((key) => {
      const t = run.probe[key];
      return t === null ? [] : [{ t, text: `${key.replace('At', '')} ${at(t)}` }];
    }),
  ].sort((a, b) => a.t - b.t);
  const reload = [
    ...run.reloadTaskTimes.map((t) => ({
      t: t.start,
      text: `${t.start.toFixed(0)} (${t.duration.toFixed(0)})`,
    })),
    { t: run.reloadShownAt, text: `shown ${run.reloadShownAt.toFixed(0)}` },
  ].sort((a, b) => a.t - b.t);
  return [
    `  run ${i + 1}: ${events.map((e) => e.text).join(' | ')}`,
    `    reload (ms after navigation): ${reload.map((e) => e.text).join(' | ')}`,
  ].join('\n');
}
