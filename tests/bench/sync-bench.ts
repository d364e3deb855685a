/**
 * `npm run bench:sync` (also run by `npm run bench`): the shared map's sync server, started as `npm start` runs
 * it (a child process on 127.0.0.1), measured from Node clients on loopback. Figures, not assertions:
 * - propagation p50/p95 with 30 workshop participants adding proposals at once (target p95 ≤ 300 ms);
 * - an office opening 363 member documents over one connection: time to open all, and the server's memory
 *   per open document (resident set size before and after);
 * - the server after one change to a 100,000-record document (see server-stall.ts): its event-loop delay, and
 *   the delivery of another document's edits, while Hocuspocus's debounced store runs;
 * - in Chromium, one remote change applied to a 100,000-record shared map (see shared-remote-change.ts;
 *   target ≤ 16 ms of main-thread time, no long task).
 * SYNC_BENCH_CLIENTS / SYNC_BENCH_DOCS / SYNC_BENCH_RECORDS override 30, 363 and 100,000 for a quick check of the
 * bench itself; SYNC_BENCH_ONLY=remote runs only the Chromium part, =stall only the server-stall part, =clients only the first two.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { addProposal } from '../../src/domain/shared-map/proposals.ts';
import { writeRecord } from '../../src/domain/shared-map/record-history.ts';
import { AdminActions } from '../../src/server/admin-actions.ts';
import { SyncStore } from '../../src/server/sqlite-store.ts';
import { renderTable } from './figures.ts';
import { runServerStallBench } from './server-stall.ts';
import { runRemoteChangeBench } from './shared-remote-change.ts';

const CLIENTS = Number(process.env.SYNC_BENCH_CLIENTS ?? 30);
const EDITS_PER_CLIENT = 10;
const DOCS = Number(process.env.SYNC_BENCH_DOCS ?? 363);
const RECORDS = Number(process.env.SYNC_BENCH_RECORDS ?? 100_000);
const ONLY = process.env.SYNC_BENCH_ONLY;
const RECORDS_PER_DOC = 12;

const resource = (id: string, name: string): Resource => ({
  id,
  name,
  category: 'community-association',
  services: ['meal'],
  address: '嘉義縣民雄鄉東榮村1號',
  county: '嘉義縣',
  town: '民雄鄉',
  position: toLatLng(23.55, 120.43),
  precision: 'exact',
  phones: ['05-2201234'],
  source: 'bench',
  visibility: 'public',
  extra: { 理事長: '王小明' },
});

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const rssKb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, what: string, timeout = 60_000) {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`sync bench: timed out waiting for ${what}`);
    await sleep(5);
  }
}

async function startServer(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', CRM_STORE_DIR: dir, CRM_STATIC_DIR: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  await until(() => /ws:\/\/127\.0\.0\.1:\d+/.test(output), 'server start', 30_000);
  return { child, url: (/ws:\/\/127\.0\.0\.1:\d+/.exec(output) as RegExpExecArray)[0] };
}

/** Prepares the store: a county, a workshop with CLIENTS participants, DOCS members with records each. */
function prepare(dir: string) {
  const store = new SyncStore(dir);
  const actions = new AdminActions(store, () => 'http://127.0.0.1/');
  const admin = actions.createMap('bench', '基準縣').token;
  const participants = Array.from(
    { length: CLIENTS },
    (_, i) => actions.invite('bench', { role: 'participant', id: 'w1', name: `第${i + 1}桌` }).token,
  );
  const members: string[] = [];
  for (let m = 0; m < DOCS; m++) {
    const id = `assoc-${m}`;
    actions.invite('bench', { role: 'member', id, name: `協會${m}`, kind: 'association' });
    const doc = new Y.Doc();
    const at = new Date().toISOString();
    for (let r = 0; r < RECORDS_PER_DOC; r++) {
      writeRecord(doc, resource(`${id}-${r}`, `協會${m}據點${r}`), { org: id, name: '志工', at });
    }
    store.storeDocument(`org/${id}`, Y.encodeStateAsUpdate(doc));
    members.push(`org/${id}`);
  }
  store.close();
  return { admin, participants, members };
}

async function propagation(url: string, tokens: string[]) {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const clients = tokens.map((token) => {
    const document = new Y.Doc();
    const provider = new HocuspocusProvider({
      url,
      name: 'workshop/w1',
      token,
      document,
      WebSocketPolyfill: WebSocket,
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    document.getMap('proposals').observe((event) => {
      if (event.transaction.local) return;
      const now = performance.now();
      for (const key of event.keysChanged) {
        const t0 = sentAt.get(key);
        if (t0 !== undefined) latencies.push(now - t0);
      }
    });
    return { provider, document };
  });
  await until(() => clients.every((c) => c.provider.isSynced), 'participants synced');
  const started = performance.now();
  await Promise.all(
    clients.map(async (client, c) => {
      for (let e = 0; e < EDITS_PER_CLIENT; e++) {
        await sleep(100 + Math.random() * 400);
        const id = `p-${c}-${e}`;
        sentAt.set(id, performance.now());
        addProposal(
          client.document,
          id,
          resource(id, `第${c + 1}桌提案${e}`),
          `第${c + 1}桌`,
          new Date().toISOString(),
        );
      }
    }),
  );
  const expected = CLIENTS * EDITS_PER_CLIENT * (CLIENTS - 1);
  await until(() => latencies.length >= expected, 'every proposal at every participant', 60_000).catch(
    () => {},
  );
  const elapsed = performance.now() - started;
  for (const c of clients) c.provider.destroy();
  return { latencies, expected, elapsed };
}

async function openAll(url: string, token: string, names: string[], pid: number) {
  const before = rssKb(pid);
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const started = performance.now();
  const providers = names.map((name) => {
    const provider = new HocuspocusProvider({ websocketProvider: socket, name, token });
    provider.attach();
    return provider;
  });
  await until(() => providers.every((p) => p.isSynced), 'all member documents open', 120_000);
  const openMs = performance.now() - started;
  const records = providers.reduce((sum, p) => sum + p.document.getMap('records').size, 0);
  await sleep(500);
  const after = rssKb(pid);
  for (const p of providers) p.destroy();
  socket.destroy();
  return { openMs, records, perDocKb: (after - before) / names.length, before, after };
}

async function nodeClients() {
  const dir = mkdtempSync(join(tmpdir(), 'crm-sync-bench-'));
  try {
    const { admin, participants, members } = prepare(dir);
    const { child, url } = await startServer(dir);
    try {
      const p = await propagation(url, participants);
      const o = await openAll(url, admin, members, child.pid as number);
      const ms = (v: number) => `${v.toFixed(0)} ms`;
      console.log('\nShared map sync (Node clients, server child process on 127.0.0.1)');
      console.log(
        `  propagation, ${CLIENTS} participants × ${EDITS_PER_CLIENT} proposals: p50 ${ms(percentile(p.latencies, 50))}, p95 ${ms(percentile(p.latencies, 95))} (target ≤ 300 ms), max ${ms(Math.max(...p.latencies))}; ${p.latencies.length}/${p.expected} deliveries in ${ms(p.elapsed)}`,
      );
      console.log(
        `  office opens ${DOCS} member documents (${RECORDS_PER_DOC} records each) over one connection: ${ms(o.openMs)} (${o.records} records)`,
      );
      console.log(
        `  server memory: RSS ${(o.before / 1024).toFixed(0)} MB → ${(o.after / 1024).toFixed(0)} MB, ≈ ${o.perDocKb.toFixed(0)} KB per open document`,
      );
    } finally {
      child.kill('SIGTERM');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function remoteChange() {
  const dir = mkdtempSync(join(tmpdir(), 'crm-sync-bench-remote-'));
  try {
    const { section, lines } = await runRemoteChangeBench({
      count: RECORDS,
      changes: 5,
      storeDir: dir,
      distDir: 'dist',
      executablePath: process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium',
      log: (line) => process.stderr.write(`[bench:sync] ${line}\n`),
    });
    console.log(`\n${renderTable([section])}`);
    for (const line of lines) console.log(line);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function serverStall() {
  const dir = mkdtempSync(join(tmpdir(), 'crm-sync-bench-stall-'));
  try {
    for (const line of await runServerStallBench({ records: RECORDS, dir, windowMs: 14_000 }))
      console.log(line);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!ONLY || ONLY === 'clients') await nodeClients();
if (!ONLY || ONLY === 'stall') await serverStall();
if (!ONLY || ONLY === 'remote') await remoteChange();
