/**
 * One remote change applied to a 100,000-record shared map, in Chromium against the real sync server (a child
 * process as `npm start` runs it, serving dist/ beside its WebSocket): the county's document holds the records,
 * a member's page has opened it, and another office device (a Node provider) corrects one record at a time.
 * The page's WebSocket and Yjs documents live in the shared map's worker: for each change the page records, from
 * the worker's message that carries it (the app's crm:shared-change mark), the long tasks (PerformanceObserver
 * 'longtask'), the frame that follows the update of the dataset on show (crm:dataset-update), and a timeline
 * trace whose main-thread tasks are summed (the worker's thread is summed apart). The same window with no change
 * is traced too, as the baseline. One change is also CPU-profiled, by function (source maps when the build has
 * them: `npm run bench` builds with --sourcemap).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { buildGazetteer } from '../../src/domain/geo/gazetteer.ts';
import { loadFile } from '../../src/domain/loading/load-file.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { markDefaultData } from '../../src/domain/shared-map/default-data-mark.ts';
import { writeRecord } from '../../src/domain/shared-map/record-history.ts';
import { AdminActions } from '../../src/server/admin-actions.ts';
import { SyncStore } from '../../src/server/sqlite-store.ts';
import { CHROMIUM_FLAGS } from '../chromium-flags.ts';
import { type CpuProfile, summariseProfile } from './cpu-profile-summary.ts';
import type { Figure, Section } from './figures.ts';
import { parseSourceMap, type SourceLookup } from './source-map-lookup.ts';
import { generateResources, readRepoData, toCsv } from './synthetic-resources.ts';
import { summariseTrace } from './trace-summary.ts';

export interface RemoteChangeInput {
  readonly count: number;
  readonly changes: number;
  readonly storeDir: string;
  readonly distDir: string;
  readonly executablePath: string;
  readonly log: (line: string) => void;
}

/** What the page records (window.__remote); times are the page's performance.now(). */
interface RemoteProbe {
  /** Each remote change's arrival from the shared map's worker (the crm:shared-change mark). */
  readonly messages: number[];
  /** Each update of the dataset on show (crm:dataset-update): when it ended, and the frame after it. */
  readonly updates: { end: number; duration: number; frame: number | null }[];
  readonly longTasks: { start: number; duration: number }[];
  readonly observerError?: string;
}

/**
 * Installed before the app runs: a plain script string (see page-probes.ts for why). Passive: nothing polls the
 * page while a change is measured, so the trace holds only the page's own work.
 */
const PROBE = `(() => {
  const remote = { messages: [], updates: [], longTasks: [] };
  window.__remote = remote;
  const afterFrame = (callback) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback(performance.now());
    channel.port2.postMessage(0);
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) remote.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'crm:shared-change') remote.messages.push(e.startTime);
    }).observe({ type: 'mark' });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name !== 'crm:dataset-update') continue;
        const update = { end: e.startTime + e.duration, duration: e.duration, frame: null };
        remote.updates.push(update);
        afterFrame((t) => { update.frame = t; });
      }
    }).observe({ type: 'measure' });
  } catch (error) {
    remote.observerError = String(error);
  }
})();
//# sourceURL=remote-change-probe.js`;

/** `ws` refuses messages over 100 MiB by default; the first sync of a 100,000-record document is larger. */
class LargeMessageWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { maxPayload: 1024 * 1024 * 1024 });
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function until(check: () => boolean, what: string, timeout: number) {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout)
      throw new Error(`remote-change bench: timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** The synthetic 100,000 rows, read through the app's own loading chain (as an import would). */
function syntheticResources(count: number): Resource[] {
  const { manifest, gazetteerText } = readRepoData();
  const csv = new TextEncoder().encode(toCsv(generateResources(manifest, gazetteerText, { count })));
  return loadFile(csv, {
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
    gazetteer: buildGazetteer(parseDelimitedText(gazetteerText).rows),
    defaults: { file: 'bench.csv', category: 'community-association', source: 'bench', visibility: 'public' },
  }).resources;
}

/** The store: a county whose document holds the records (written as an office's upload writes them). */
function prepareStore(dir: string, resources: readonly Resource[]) {
  const store = new SyncStore(dir);
  const actions = new AdminActions(store, () => 'http://127.0.0.1/');
  const office = actions.createMap('bench', '基準縣政府').token;
  const device = actions.invite('bench', { role: 'admin', name: '基準縣政府（第二台）' }).token;
  const member = actions.invite('bench', {
    role: 'member',
    id: 'bench-member',
    name: '基準協會',
    kind: 'association',
  });
  const doc = new Y.Doc();
  const stamp = { org: '基準縣政府', name: '承辦人', at: new Date().toISOString() };
  for (let start = 0; start < resources.length; start += 500)
    doc.transact(() => {
      for (const r of resources.slice(start, start + 500)) writeRecord(doc, r, stamp);
    });
  // As the office's upload does: the county's document now holds the default data, which steps aside.
  markDefaultData(doc, stamp, resources.length);
  const state = Y.encodeStateAsUpdate(doc);
  store.storeDocument('county/bench', state);
  store.close();
  doc.destroy();
  return { office, device, member, bytes: state.length };
}

async function startServer(
  storeDir: string,
  distDir: string,
): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      CRM_STORE_DIR: storeDir,
      CRM_STATIC_DIR: distDir,
      CRM_DATA_DIR: 'data',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Whatever ends the bench (a crash included), the server goes with it.
  process.once('exit', () => child.kill('SIGTERM'));
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  await until(() => /ws:\/\/127\.0\.0\.1:\d+/.test(output), 'server start', 60_000);
  return {
    child,
    port: Number((/ws:\/\/127\.0\.0\.1:(\d+)/.exec(output) as RegExpExecArray)[1]),
    output: () => output,
  };
}

/**
 * A thread's busy time (top-level trace events on it, as trace-summary.ts counts the main thread's) and its longest
 * task: CrRendererMain is the page's main thread, 'DedicatedWorker thread' a worker's.
 */
function threadTasks(traceJson: string, thread: string): { busyMs: number; longestMs: number } {
  type Event = {
    name: string;
    ph: string;
    ts: number;
    dur?: number;
    pid: number;
    tid: number;
    args?: { name?: string };
  };
  const parsed = JSON.parse(traceJson) as { traceEvents?: Event[] } | Event[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === thread)
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const complete = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && main.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let busy = 0;
  let longest = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const e of complete) {
    if (e.ts < end) continue; // inside the task before: its time is counted there
    end = e.ts + (e.dur ?? 0);
    busy += e.dur ?? 0;
    longest = Math.max(longest, e.dur ?? 0);
  }
  return { busyMs: busy / 1000, longestMs: longest / 1000 };
}

/** Each traced window: this long before the change is written, and this long after its message reached the page. */
const BEFORE_MS = 200;
const AFTER_MS = 1300;

export async function runRemoteChangeBench(
  input: RemoteChangeInput,
): Promise<{ section: Section; lines: string[] }> {
  const { log } = input;
  if (!existsSync(join(input.distDir, 'index.html')))
    throw new Error(`${input.distDir}/index.html is missing: run \`npm run build\` first`);
  log(`remote change: ${input.count.toLocaleString('en-US')} synthetic records through the loading chain…`);
  const resources = syntheticResources(input.count);
  let started = performance.now();
  const tokens = prepareStore(input.storeDir, resources);
  const writeMs = performance.now() - started;
  log(
    `remote change: county document written (${(tokens.bytes / 1e6).toFixed(0)} MB) in ${(writeMs / 1000).toFixed(1)} s; starting the server…`,
  );
  const server = await startServer(input.storeDir, input.distDir);
  const browser = await chromium.launch({
    executablePath: input.executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  const writerDoc = new Y.Doc();
  const writer = new HocuspocusProvider({
    url: `ws://127.0.0.1:${server.port}`,
    name: 'county/bench',
    token: tokens.device,
    document: writerDoc,
    WebSocketPolyfill: LargeMessageWebSocket,
    // The provider closes a connection that heard nothing for 30 s and starts again: on a busy machine the server's
    // first load of the document (and its sync message) can take longer than that.
    messageReconnectTimeout: 900_000,
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'zh-TW',
      serviceWorkers: 'block',
    });
    await context.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1'
        ? route.continue()
        : route.abort('blockedbyclient'),
    );
    await context.addInitScript({ content: PROBE });
    const page = await context.newPage();
    // The WebSocket frames reaching the page's worker, seen from the browser (nothing runs in the page to watch for
    // them). Playwright follows the page's workers (the page's own CDP session does not see a worker's socket); a
    // socket is reported when it opens, so this listens from the start.
    let frames = 0;
    page.on('websocket', (socket) =>
      socket.on('framereceived', () => {
        frames++;
      }),
    );
    // What goes wrong on the page or in its workers is said (a bench that times out says why); the map's tiles,
    // blocked here, are not news.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        log(`remote change: page console: ${message.text()}`);
    });
    page.on('pageerror', (error) => log(`remote change: page error: ${error.message}`));
    page.on('crash', () => log('remote change: the page crashed'));
    page.on('worker', (worker) => {
      const name = new URL(worker.url()).pathname;
      worker.on('close', () => log(`remote change: worker ${name} ended`));
    });
    // The other office device first: the server loads the county's document once, before the page asks for it.
    started = performance.now();
    await until(() => writer.isSynced, 'the writer synced', 600_000).catch((error: unknown) => {
      log(`remote change: the server said:\n${server.output().slice(-2000)}`);
      throw error;
    });
    const serverLoadMs = performance.now() - started;
    log(
      `remote change: the server loaded the document and synced a Node client in ${(serverLoadMs / 1000).toFixed(1)} s`,
    );
    started = performance.now();
    await page.goto(
      `http://127.0.0.1:${server.port}/#shared=org%2Fbench-member&token=${tokens.member.token}`,
    );
    const countText = input.count.toLocaleString('en-US');
    await page.waitForFunction(
      (text) =>
        [...document.querySelectorAll('[role=status]')].some((el) => el.textContent?.includes(text)) &&
        document.querySelector('.leaflet-marker-icon') !== null,
      countText,
      { timeout: 600_000, polling: 500 },
    );
    const openMs = performance.now() - started;
    log(`remote change: the page shows ${countText} shared records after ${(openMs / 1000).toFixed(1)} s`);

    const cdp = await context.newCDPSession(page);
    /** Main-thread time by timeline event (self time), summed over the changes' windows. */
    const byEvent = new Map<string, number>();
    const traced = async (action: () => Promise<void>, keep = false) => {
      await browser.startTracing(page, { categories: ['devtools.timeline'] });
      await action();
      const json = (await browser.stopTracing()).toString('utf8');
      if (keep)
        for (const e of summariseTrace(json).byName) byEvent.set(e.name, (byEvent.get(e.name) ?? 0) + e.ms);
      return {
        main: threadTasks(json, 'CrRendererMain'),
        workers: threadTasks(json, 'DedicatedWorker thread'),
      };
    };
    const probe = () => page.evaluate<RemoteProbe>('window.__remote');
    let changed = 0;
    /** Writes the next correction from the other office device: a rename (it moves in the list) or a description. */
    const correctOne = () => {
      const i = changed++;
      const target = resources[(1234 + i * 17_389) % resources.length] as Resource;
      const corrected: Resource =
        i % 2 === 0
          ? { ...target, name: `${target.name}（更正${i}）` }
          : { ...target, description: `更正${i}` };
      writerDoc.transact(() =>
        writeRecord(writerDoc, corrected, {
          org: '基準縣政府',
          name: '承辦人',
          at: new Date().toISOString(),
        }),
      );
    };

    /** Writes a correction and waits for its message at the page, then AFTER_MS more; returns the delivery time. */
    let writtenAt = 0;
    const changeAndWait = async () => {
      const seen = frames;
      const written = performance.now();
      writtenAt = performance.timeOrigin + written;
      correctOne();
      await until(() => frames > seen, 'the change at the page', 120_000);
      const delivered = performance.now() - written;
      await sleep(AFTER_MS);
      return delivered;
    };

    // The page first finishes what opening left (the copy into IndexedDB, garbage collection): measured from an
    // idle page, whose own time in a window is then taken off each change's.
    const settling = performance.now();
    let idle = await traced(() => sleep(BEFORE_MS + AFTER_MS));
    while (
      idle.main.busyMs + idle.workers.busyMs > 0.03 * (BEFORE_MS + AFTER_MS) &&
      performance.now() - settling < 180_000
    )
      idle = await traced(() => sleep(BEFORE_MS + AFTER_MS));
    log(`remote change: the page was idle ${((performance.now() - settling) / 1000).toFixed(0)} s later`);
    /** The idle page's main-thread time per ms (timers, the map): taken off each window's total. */
    const idlePerMs = idle.main.busyMs / (BEFORE_MS + AFTER_MS);
    const idleWorkersPerMs = idle.workers.busyMs / (BEFORE_MS + AFTER_MS);
    /** The page's clock starts here on the machine's (wall) clock: Node's writes are placed on the page's clock. */
    const pageOrigin = await page.evaluate<number>('performance.timeOrigin');
    const samples = {
      busy: [] as number[],
      longest: [] as number[],
      workers: [] as number[],
      dataset: [] as number[],
      latency: [] as number[],
      endToEnd: [] as number[],
      delivery: [] as number[],
    };
    let longTasks = 0;
    let longestLongTask = 0;
    for (let i = 0; i < input.changes; i++) {
      const before = await probe();
      let windowMs = 0;
      const tasks = await traced(async () => {
        const opened = performance.now();
        await sleep(BEFORE_MS);
        samples.delivery.push(await changeAndWait());
        windowMs = performance.now() - opened;
      }, true);
      const after = await probe();
      const arrived = after.messages[before.messages.length];
      const update = after.updates[before.updates.length];
      if (arrived === undefined || update?.frame == null)
        throw new Error(
          `remote-change bench: the page did not apply the change (messages ${before.messages.length} → ${after.messages.length}, dataset updates ${before.updates.length} → ${after.updates.length})`,
        );
      samples.busy.push(Math.max(0, tasks.main.busyMs - idlePerMs * windowMs));
      samples.longest.push(tasks.main.longestMs);
      samples.workers.push(Math.max(0, tasks.workers.busyMs - idleWorkersPerMs * windowMs));
      samples.dataset.push(update.duration);
      samples.latency.push(update.frame - arrived);
      samples.endToEnd.push(pageOrigin + update.frame - writtenAt);
      const during = after.longTasks.filter((t) => t.start + t.duration >= arrived);
      longTasks += during.length;
      longestLongTask = Math.max(longestLongTask, ...during.map((t) => t.duration));
    }

    // Three more changes, CPU-profiled together (the profiler's own cost stays out of the figures above).
    const PROFILED = 3;
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    for (let i = 0; i < PROFILED; i++) {
      await sleep(BEFORE_MS);
      await changeAndWait();
    }
    const { profile } = await cdp.send('Profiler.stop');
    const summary = summariseProfile(profile as CpuProfile, sourceMaps(input.distDir, server.port));
    const row = (ms: number, share: number, key: string) =>
      `  ${ms.toFixed(1).padStart(7)} ms ${(100 * share).toFixed(1).padStart(5)}%  ${key}`;
    const traceTotal = [...byEvent.values()].reduce((a, b) => a + b, 0);
    const profileLines = [
      `Main-thread CPU of ${PROFILED} remote changes (profiled together, ${summary.busyMs.toFixed(0)} ms busy), by function (self time, natives folded into their caller):`,
      ...summary.byFunction.slice(0, 14).map((f) => row(f.ms, f.share, f.key)),
      '  by module:',
      ...summary.byModule.slice(0, 8).map((f) => row(f.ms, f.share, f.key)),
      `Main-thread time of the ${input.changes} measured changes by timeline event (self time):`,
      ...[...byEvent]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([name, ms]) => row(ms, ms / traceTotal, name)),
    ];
    const probeError = (await probe()).observerError;
    const figures: Figure[] = [
      {
        label: 'main-thread time of one remote change (trace, less the idle baseline)',
        samples: samples.busy,
        unit: 'ms',
        target: '≤ 16 ms',
        limit: 16,
        note: `main-thread tasks in the window, less the idle page's (${(idlePerMs * 1000).toFixed(1)} ms/s)`,
      },
      {
        label: '↳ its longest main-thread task',
        samples: samples.longest,
        unit: 'ms',
        target: '≤ 16 ms',
        limit: 16,
      },
      { label: '↳ dataset on show updated (crm:dataset-update)', samples: samples.dataset, unit: 'ms' },
      {
        label: "the shared map's worker: its thread's time (trace, less the idle baseline)",
        samples: samples.workers,
        unit: 'ms',
        note: 'off the main thread: the Yjs update applied and the changed record read',
      },
      {
        label: "the worker's message at the page (crm:shared-change) → next frame painted",
        samples: samples.latency,
        unit: 'ms',
      },
      {
        label: 'written on the other device → next frame painted',
        samples: samples.endToEnd,
        unit: 'ms',
        note: "Node's and the page's clocks joined by their time origins (one machine)",
      },
      {
        label: "written on the other device → WebSocket message at the page's worker",
        samples: samples.delivery,
        unit: 'ms',
        note: 'the server between them (it logs each update; the whole document is written only when its log reaches a quarter of it)',
      },
      {
        label: 'long tasks (> 50 ms) while changes applied',
        samples: [longTasks],
        unit: '',
        target: '0',
        limit: 0,
        note:
          longTasks > 0
            ? `longest ${longestLongTask.toFixed(0)} ms`
            : probeError
              ? `observer failed: ${probeError}`
              : '',
      },
    ];
    return {
      section: {
        title: `(s) Chromium: one remote change applied to a ${countText}-record shared map (real server)`,
        figures,
      },
      lines: [
        `Remote-change bench: county document ${(tokens.bytes / 1e6).toFixed(0)} MB (records and their history), written in ${(writeMs / 1000).toFixed(1)} s; the member's page showed it after ${(openMs / 1000).toFixed(1)} s.`,
        ...profileLines,
      ],
    };
  } finally {
    writer.destroy();
    await browser.close();
    server.child.kill('SIGTERM');
  }
}

/** Source maps of the served build, for the profile's function names (none when built without them). */
function sourceMaps(distDir: string, port: number): (url: string) => SourceLookup | undefined {
  const cache = new Map<string, SourceLookup | undefined>();
  const origin = `http://127.0.0.1:${port}`;
  return (url) => {
    if (!cache.has(url)) {
      const path = url.startsWith(origin) ? join(distDir, new URL(url).pathname) : '';
      const map =
        path && existsSync(`${path}.map`) ? JSON.parse(readFileSync(`${path}.map`, 'utf8')) : undefined;
      cache.set(url, map ? parseSourceMap(map) : undefined);
    }
    return cache.get(url);
  };
}
