import type { Browser } from 'playwright-core';
import type { BrowserIdleResult } from './browser-idle.ts';
import {
  editOneRecord,
  SEARCH_KEYS,
  typeSearch,
  UNDERSTOOD_KEYS,
  ZOOM_PAN_STEPS,
  zoomAndPan,
} from './browser-interactions.ts';
import { type BrowserBenchInput, openPage, probe, tasksSince, waitUntilReady } from './browser-session.ts';
import { type Figure, median, type Section } from './figures.ts';
import type { Keystroke, PageProbe } from './page-probes.ts';

/** One page load of the built app with the synthetic dataset, then zoom/pan and typing on it. */
interface RunResult {
  readonly probe: PageProbe;
  /** The app's User Timing marks of the load (crm:data-first-chunk, crm:data-done, crm:data-landed). */
  readonly marks: Readonly<Record<string, number>>;
  /** When the page asked for data/manifest.json: the data starts loading. */
  readonly manifestRequestedAt: number;
  readonly csvRequestedAt: number;
  readonly csvServedAt: number;
  readonly draws: readonly number[];
  readonly maxMarkers: number;
  readonly interactionTasks: readonly number[];
  readonly keystrokes: readonly Keystroke[];
  readonly typingTasks: readonly number[];
  /** UNDERSTOOD_KEYS: an English place, a typo, a phone number. */
  readonly understoodKeystrokes: readonly Keystroke[];
  /** One record corrected or its correction undone: click → the frame that shows it. */
  readonly changes: readonly number[];
  /** The dataset on show following each change (crm:dataset-update: putRecord, removeRecord and their index). */
  readonly updates: readonly number[];
  readonly changeTasks: readonly number[];
  /** How long the new tab took to settle before the navigation (browser-idle.ts). */
  readonly idle: BrowserIdleResult;
}

async function measureRun(browser: Browser, input: BrowserBenchInput, loadOnly: boolean): Promise<RunResult> {
  const { context, page, times, idle } = await openPage(browser, input);
  try {
    await page.goto(input.root, { waitUntil: 'commit' });
    await waitUntilReady(page);
    await page.waitForTimeout(1000);
    const loadProbe = await probe(page);
    const marks = await page.evaluate<Record<string, number>>(
      "Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('crm:data-')).map((m) => [m.name, m.startTime]))",
    );
    const timeOrigin = await page.evaluate<number>('performance.timeOrigin');
    const zoomPan = loadOnly ? { draws: [], maxMarkers: 0, tasks: [] } : await zoomAndPan(page);
    const typing = loadOnly ? { keystrokes: [], tasks: [] } : await typeSearch(page);
    const understood = loadOnly ? { keystrokes: [], tasks: [] } : await typeSearch(page, UNDERSTOOD_KEYS);
    const editing = loadOnly ? { changes: [], updates: [], tasks: [] } : await editOneRecord(page);
    return {
      changes: editing.changes,
      updates: editing.updates,
      changeTasks: editing.tasks,
      probe: loadProbe,
      marks,
      manifestRequestedAt: times.manifest - timeOrigin,
      csvRequestedAt: times.requested - timeOrigin,
      csvServedAt: times.served - timeOrigin,
      draws: zoomPan.draws,
      maxMarkers: zoomPan.maxMarkers,
      interactionTasks: zoomPan.tasks,
      keystrokes: typing.keystrokes,
      typingTasks: [...typing.tasks, ...understood.tasks],
      understoodKeystrokes: understood.keystrokes,
      idle,
    };
  } finally {
    await context.close();
  }
}

const finite = (values: readonly (number | null)[]) =>
  values.filter((v): v is number => v !== null && Number.isFinite(v));

/** Measures (a)–(d) over `runs` fresh browser contexts; only (a)+(b) with `loadOnly`. */
export async function runBrowserBench(
  browser: Browser,
  input: BrowserBenchInput,
  log: (line: string) => void,
  options: { readonly title: string; readonly loadOnly?: boolean },
) {
  const runs: RunResult[] = [];
  for (let i = 0; i < input.runs; i++) {
    log(`browser: ${options.title}: run ${i + 1}/${input.runs}…`);
    runs.push(await measureRun(browser, input, options.loadOnly === true));
  }
  const load = runs.map((r) => r.probe);
  const readyAt = finite(load.map((p) => p.readyAt));
  const mark = (name: string) => finite(runs.map((r) => r.marks[name] ?? null));
  const loadTasks = load.map((p) => tasksSince(p, 0, p.readyFrameAt ?? Number.POSITIVE_INFINITY));
  const count = (n: number) => n.toLocaleString('en-US');
  const csvFigures: Figure[] = input.routed
    ? [
        {
          label: '↳ CSV requested',
          samples: runs.map((r) => r.csvRequestedAt),
          unit: 'ms',
          note: 'since navigation',
        },
        {
          label: '↳ CSV delivered',
          samples: runs.map((r) => r.csvServedAt),
          unit: 'ms',
          note: `${(input.routed.csv.length / 1e6).toFixed(1)} MB via page.route`,
        },
      ]
    : [];
  const settled = runs.filter((r) => r.idle.settled).length;
  const loadFigures: Figure[] = [
    {
      label: 'new tab settled before navigation',
      samples: runs.map((r) => r.idle.waitedMs),
      unit: 'ms',
      note: `the browser's own start-up of a tab; idle in ${settled} of ${runs.length} runs`,
    },
    {
      label: 'data → interactive map',
      samples: finite(runs.map((r) => (r.probe.readyAt ?? Number.NaN) - r.manifestRequestedAt)),
      unit: 'ms',
      target: '≤ 1000 ms',
      limit: 1000,
      note: 'manifest.json requested → count shows all + markers drawn',
    },
    {
      label: 'navigation → interactive map',
      samples: readyAt,
      unit: 'ms',
      note: 'the same, with the page itself loading first (HTML, JavaScript, first render)',
    },
    {
      label: '↳ manifest.json requested',
      samples: runs.map((r) => r.manifestRequestedAt),
      unit: 'ms',
      note: 'since navigation: the app has started and its dataset worker is running',
    },
    ...csvFigures,
    {
      label: '↳ positions reach the page',
      samples: mark('crm:data-positions'),
      unit: 'ms',
      note: input.routed
        ? 'worker: fetch, decode, parse, validate every row first'
        : 'from the positions file (the cluster worker has them already, straight from the dataset worker)',
    },
    ...(input.routed
      ? [
          {
            label: '↳ first records reach the page',
            samples: mark('crm:data-first-chunk'),
            unit: 'ms' as const,
            note: 'then JSON chunks of 256 records, 8 per message, parsed as they arrive',
          },
        ]
      : []),
    {
      label: '↳ worker done',
      samples: mark('crm:data-done'),
      unit: 'ms',
      note: input.routed
        ? 'display order, search columns, positions built in the worker'
        : 'pack downloaded and read, its record chunks inflated and sent 8 per message',
    },
    {
      label: '↳ records in the store',
      samples: mark('crm:data-landed'),
      unit: 'ms',
      note: 'main thread',
    },
    {
      label: '↳ store → interactive',
      samples: finite(
        runs.map((r) => (r.probe.readyAt ?? Number.NaN) - (r.marks['crm:data-landed'] ?? Number.NaN)),
      ),
      unit: 'ms',
      note: 'render, cluster index in its worker, first markers',
    },
    { label: 'first frame after interactive', samples: finite(load.map((p) => p.readyFrameAt)), unit: 'ms' },
    {
      label: 'longest main-thread task during load',
      samples: loadTasks.map((t) => Math.max(0, ...t)),
      unit: 'ms',
      target: '≤ 50 ms',
      limit: 50,
    },
    {
      label: 'long tasks (> 50 ms) during load',
      samples: loadTasks.map((t) => t.length),
      unit: '',
      target: '0',
      limit: 0,
    },
    {
      label: 'total blocking time during load',
      samples: loadTasks.map((t) => t.reduce((s, d) => s + d - 50, 0)),
      unit: 'ms',
      note: 'Σ(task − 50 ms)',
    },
    {
      label: '↳ longest task before the data starts',
      samples: runs.map((r) => Math.max(0, ...tasksSince(r.probe, 0, r.manifestRequestedAt))),
      unit: 'ms',
      note: 'navigation → manifest.json requested: the page starting (HTML, main chunk, first render)',
    },
    {
      label: '↳ longest task while the data loads and lands',
      samples: runs.map((r) =>
        Math.max(
          0,
          ...tasksSince(r.probe, r.manifestRequestedAt, r.probe.readyFrameAt ?? Number.POSITIVE_INFINITY),
        ),
      ),
      unit: 'ms',
      note: 'manifest.json requested → interactive (the map chunk, messages, the render of the data)',
    },
  ];
  const draws = runs.flatMap((r) => r.draws);
  const interaction = runs.map((r) => r.interactionTasks);
  const redrawFigures: Figure[] = [
    {
      label: 'cluster redraw (crm:cluster-draw)',
      samples: draws,
      unit: 'ms',
      target: '≤ 30 ms',
      limit: 30,
      note:
        draws.length === 0
          ? 'no crm:cluster-draw measures recorded'
          : `up to ${count(Math.max(...runs.map((r) => r.maxMarkers)))} markers`,
    },
    {
      label: 'longest task during zoom/pan',
      samples: interaction.map((t) => Math.max(0, ...t)),
      unit: 'ms',
      target: '≤ 50 ms',
      limit: 50,
    },
    {
      label: 'long tasks during zoom/pan',
      samples: interaction.map((t) => t.length),
      unit: '',
      note: `per run of ${ZOOM_PAN_STEPS.length} moves`,
    },
  ];
  const keys = runs.flatMap((r) => r.keystrokes);
  const typing = runs.map((r) => r.typingTasks);
  const typed = runs.flatMap((r) => r.keystrokes.filter((_, i) => SEARCH_KEYS[i] !== 'Backspace'));
  const deleted = runs.flatMap((r) => r.keystrokes.filter((_, i) => SEARCH_KEYS[i] === 'Backspace'));
  const searchFigures: Figure[] = [
    {
      label: 'keystroke → result count updated',
      samples: keys.map((k) => k.handled - k.start),
      unit: 'ms',
      target: '≤ 10 ms',
      limit: 10,
      note: 'all keystrokes',
    },
    {
      label: '↳ adding a character',
      samples: typed.map((k) => k.handled - k.start),
      unit: 'ms',
      target: '≤ 10 ms',
      limit: 10,
    },
    {
      label: '↳ Backspace (down to empty)',
      samples: deleted.map((k) => k.handled - k.start),
      unit: 'ms',
      target: '≤ 10 ms',
      limit: 10,
    },
    {
      label: '↳ read by the search engine: English place, typo, phone number',
      samples: runs.flatMap((r) => r.understoodKeystrokes).map((k) => k.handled - k.start),
      unit: 'ms',
      target: '≤ 10 ms',
      limit: 10,
      note: `${UNDERSTOOD_KEYS.length} more keystrokes (Minxiong, 民熊 → 民雄, 05-220), each added and deleted`,
    },
    {
      label: 'keystroke → next frame',
      samples: finite(keys.map((k) => (k.frame === null ? null : k.frame - k.start))),
      unit: 'ms',
    },
    {
      label: 'longest task while typing',
      samples: typing.map((t) => Math.max(0, ...t)),
      unit: 'ms',
      target: '≤ 50 ms',
      limit: 50,
    },
    {
      label: 'long tasks while typing',
      samples: typing.map((t) => t.length),
      unit: '',
      note: `per ${SEARCH_KEYS.length + UNDERSTOOD_KEYS.length} keystrokes`,
    },
  ];
  const perKey = [...SEARCH_KEYS, ...UNDERSTOOD_KEYS].map((key, i) => {
    const same = runs
      .map((r) => [...r.keystrokes, ...r.understoodKeystrokes][i])
      .filter((k): k is Keystroke => k !== undefined);
    return {
      key,
      value: same[0]?.value ?? '',
      ms: median(same.map((k) => k.handled - k.start)),
      status: same[0]?.status ?? '',
    };
  });
  const changeTasks = runs.map((r) => r.changeTasks);
  const changeFigures: Figure[] = [
    {
      label: 'dataset on show updated (crm:dataset-update)',
      samples: runs.flatMap((r) => r.updates),
      unit: 'ms',
      target: '≤ 16 ms',
      limit: 16,
      note: 'the records on show and their index follow one corrected or restored record',
    },
    {
      label: 'one record corrected or undone: click → frame',
      samples: runs.flatMap((r) => r.changes),
      unit: 'ms',
      note: 'the dataset updated (putRecord), the list, count and map redrawn: everything the page does for it',
    },
    {
      label: 'longest task while changing records',
      samples: changeTasks.map((t) => Math.max(0, ...t)),
      unit: 'ms',
      target: '≤ 50 ms',
      limit: 50,
    },
    {
      label: 'long tasks while changing records',
      samples: changeTasks.map((t) => t.length),
      unit: '',
      note: 'per 3 corrections and 3 undos (the first opens the edit form, a chunk of its own)',
    },
  ];
  const sections: Section[] = [
    { title: options.title, figures: loadFigures },
    ...(options.loadOnly
      ? []
      : [
          { title: '(c) Chromium: zoom/pan redraw', figures: redrawFigures },
          { title: '(d) Chromium: typing a search', figures: searchFigures },
          { title: '(g) Chromium: one record changed at 100,000', figures: changeFigures },
        ]),
  ];
  return {
    sections,
    perKey,
    timeline: runs.map(loadTimeline),
    longTaskError: load.find((p) => p.longTaskError)?.longTaskError,
  };
}

/**
 * One load's long tasks (ms after navigation, duration) among its milestones, e.g.
 * "manifest 290 | 420 (78) | positions 610 | done 1100 | 1130 (66) | landed 1140 | interactive 1230".
 */
function loadTimeline(run: RunResult, i: number): string {
  const milestones: [string, number | null | undefined][] = [
    ['manifest', run.manifestRequestedAt],
    ['positions', run.marks['crm:data-positions']],
    ['done', run.marks['crm:data-done']],
    ['landed', run.marks['crm:data-landed']],
    ['interactive', run.probe.readyAt],
  ];
  const events = [
    ...run.probe.longTasks.map((t) => ({
      t: t.start,
      text: `${t.start.toFixed(0)} (${t.duration.toFixed(0)})`,
    })),
    ...milestones.flatMap(([name, t]) =>
      typeof t === 'number' ? [{ t, text: `${name} ${t.toFixed(0)}` }] : [],
    ),
  ]
    .filter((e) => e.t <= (run.probe.readyFrameAt ?? Number.POSITIVE_INFINITY))
    .sort((a, b) => a.t - b.t);
  return `  run ${i + 1}: ${events.map((e) => e.text).join(' | ')}`;
}
