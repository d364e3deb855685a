/**
 * The sync server after one change to a big document (part of `npm run bench:sync`): a county document of
 * `records` records is open at an office client; a member edits another document every 100 ms, read by a second
 * client. One correction is written to the county document, and for the next `windowMs` (past Hocuspocus's
 * 2–10 s debounced store) the bench records the server's event-loop delay (tests/bench/event-loop-probe.mjs,
 * preloaded into the server process) and the delivery time of the member's edits. Then the clients leave and the
 * server is stopped (SIGTERM): how long that takes, and whether the county document's log is left empty.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { writeRecord } from '../../src/domain/shared-map/record-history.ts';
import { AdminActions } from '../../src/server/admin-actions.ts';
import { SyncStore } from '../../src/server/sqlite-store.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stamp = () => ({ org: '基準縣政府', name: '承辦人', at: new Date().toISOString() });
const record = (i: number, name: string): Resource => ({
  id: `r-${i}`,
  name,
  category: 'community-association',
  services: ['meal'],
  address: `嘉義縣民雄鄉東榮村${i}號`,
  county: '嘉義縣',
  town: '民雄鄉',
  position: toLatLng(23.55 + i * 1e-6, 120.43),
  precision: 'exact',
  phones: ['05-2201234'],
  source: 'bench',
  visibility: 'public',
  extra: { 理事長: '王小明' },
});
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function until(check: () => boolean, what: string, timeout: number) {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout)
      throw new Error(`server stall bench: timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Runs the measurement against a fresh store in `dir`; returns the lines to print. */
export async function runServerStallBench(input: {
  readonly records: number;
  readonly dir: string;
  readonly windowMs: number;
}): Promise<string[]> {
  const store = new SyncStore(input.dir);
  const actions = new AdminActions(store, () => 'http://127.0.0.1/');
  const office = actions.createMap('bench', '基準縣政府').token;
  const member = actions.invite('bench', {
    role: 'member',
    id: 'm',
    name: '協會',
    kind: 'association',
  }).token;
  const seed = new Y.Doc();
  for (let start = 0; start < input.records; start += 500)
    seed.transact(() => {
      for (let i = start; i < Math.min(input.records, start + 500); i++)
        writeRecord(seed, record(i, `協會據點${i}`), stamp());
    });
  const state = Y.encodeStateAsUpdate(seed);
  seed.destroy();
  store.storeDocument('county/bench', state);
  store.close();

  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', join(import.meta.dirname, 'event-loop-probe.mjs'), 'src/server/start.ts'],
    {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: '0',
        CRM_STORE_DIR: input.dir,
        CRM_STATIC_DIR: '/nonexistent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  process.once('exit', () => child.kill('SIGKILL'));
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  const delays: { at: number; ms: number }[] = [];
  let partial = '';
  child.stderr?.on('data', (d) => {
    const lines = (partial + String(d)).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^event-loop (\d+) ([\d.]+)$/.exec(line);
      if (m) delays.push({ at: Number(m[1]), ms: Number(m[2]) });
      else if (line && !line.includes('index.html not found')) process.stderr.write(`[server] ${line}\n`);
    }
  });
  try {
    await until(() => /ws:\/\/127\.0\.0\.1:\d+/.test(output), 'server start', 60_000);
    const url = (/ws:\/\/127\.0\.0\.1:\d+/.exec(output) as RegExpExecArray)[0];
    const connect = (name: string, token: string) => {
      const document = new Y.Doc();
      const provider = new HocuspocusProvider({
        url,
        name,
        token,
        document,
        WebSocketPolyfill: WebSocket,
        // The county document's first sync can take longer than the 30 s default on a busy machine.
        messageReconnectTimeout: 600_000,
      } as ConstructorParameters<typeof HocuspocusProvider>[0]);
      return { provider, document };
    };
    const opened = performance.now();
    const county = connect('county/bench', office);
    await until(() => county.provider.isSynced, 'the county document', 600_000);
    const openMs = performance.now() - opened;
    const writer = connect('org/m', member);
    const reader = connect('org/m', member);
    await until(() => writer.provider.isSynced && reader.provider.isSynced, 'the member document', 60_000);
    const sentAt = new Map<string, number>();
    const deliveries: { sent: number; ms: number }[] = [];
    reader.document.getMap('records').observe((event) => {
      const now = performance.now();
      for (const key of event.keysChanged) {
        const sent = sentAt.get(key);
        if (sent !== undefined) deliveries.push({ sent, ms: now - sent });
      }
    });
    let editing = true;
    const edits = (async () => {
      for (let n = 0; editing; n++) {
        const edit = { ...record(n, `協會編輯${n}`), id: `edit-${n}` };
        sentAt.set(edit.id, performance.now());
        writeRecord(writer.document, edit, stamp());
        await sleep(100);
      }
    })();
    await sleep(3000);
    // Applying the first sync can keep this process from answering the server's pings (30 s): the county client
    // may have reconnected meanwhile, and must be synced again before its change.
    await until(() => county.provider.isSynced, 'the county document again', 600_000);
    await sleep(1000);
    const changed = performance.now();
    const changedEpoch = Date.now();
    writeRecord(county.document, record(1234, '協會據點1234（更正）'), stamp());
    let acknowledgedMs = Number.NaN;
    void until(() => !county.provider.hasUnsyncedChanges, 'the acknowledgement', input.windowMs).then(
      () => {
        acknowledgedMs = performance.now() - changed;
      },
      () => {},
    );
    await sleep(input.windowMs);
    editing = false;
    await edits;
    const after = deliveries
      .filter((d) => d.sent >= changed)
      .map((d) => d.ms)
      .sort((a, b) => a - b);
    const before = deliveries
      .filter((d) => d.sent < changed)
      .map((d) => d.ms)
      .sort((a, b) => a - b);
    const windowDelays = delays.filter((d) => d.at >= changedEpoch);
    const longest = Math.max(0, ...windowDelays.map((d) => d.ms));
    const over = windowDelays.filter((d) => d.ms > 50);
    for (const c of [county, writer, reader]) c.provider.destroy();
    const stopping = performance.now();
    const stoppingEpoch = Date.now();
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    const stopMs = performance.now() - stopping;
    const stopDelay = Math.max(0, ...delays.filter((d) => d.at >= stoppingEpoch).map((d) => d.ms));
    const check = new SyncStore(input.dir);
    const left = check.logSize('county/bench');
    check.close();
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    const written = output.split('\n').filter((line) => line.includes('full-state-written'));
    return [
      `\nServer after one change to a ${input.records.toLocaleString('en-US')}-record document (${(state.length / 1e6).toFixed(1)} MB; opened by a client in ${ms(openMs)})`,
      `  the correction acknowledged after ${ms(acknowledgedMs)}`,
      `  another document's edits every 100 ms, delivery before the change: p50 ${ms(percentile(before, 50))}, max ${ms(Math.max(...before))} (${before.length})`,
      `  the ${input.windowMs / 1000} s after it: p50 ${ms(percentile(after, 50))}, p95 ${ms(percentile(after, 95))}, max ${ms(Math.max(...after))} (${after.length})`,
      `  server event loop in those ${input.windowMs / 1000} s: longest delay ${ms(longest)}; ${over.length} windows of 250 ms with a delay over 50 ms${over.length ? ` (${over.map((d) => `+${((d.at - changedEpoch) / 1000).toFixed(1)} s: ${ms(d.ms)}`).join(', ')})` : ''}`,
      `  stop (SIGTERM) after the clients left: ${ms(stopMs)}, longest event-loop delay ${ms(stopDelay)}; county log left: ${left.rows} rows; full states written: ${written.length}`,
      ...written.map((line) => `    ${line.trim()}`),
    ];
  } finally {
    child.kill('SIGKILL');
  }
}
