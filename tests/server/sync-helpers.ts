import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createSyncServer, type SyncServer, type SyncServerOptions } from '../../src/server/sync-server.ts';

/** A fresh store folder under the system's temporary folder (never in the repository). */
export function tempStore(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'crm-sync-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A sync server on 127.0.0.1 and a free port, its log kept in `events`. */
export async function startServer(
  options: Partial<SyncServerOptions> & { storeDir: string },
): Promise<{ server: SyncServer; events: Record<string, unknown>[] }> {
  const events: Record<string, unknown>[] = [];
  const server = createSyncServer({ host: '127.0.0.1', port: 0, log: (e) => events.push(e), ...options });
  await server.listen();
  return { server, events };
}

/** A Node client of one document (Node 20 has no WebSocket: `ws` stands in), reconnecting quickly. */
export function connect(url: string, name: string, token: string, document = new Y.Doc()) {
  const stateless: string[] = [];
  const closes: string[] = [];
  const denied: string[] = [];
  const provider = new HocuspocusProvider({
    url,
    name,
    token,
    document,
    WebSocketPolyfill: WebSocket,
    delay: 100,
    minDelay: 50,
    maxDelay: 400,
    onStateless: ({ payload }) => stateless.push(payload),
    onClose: ({ event }) => closes.push(`${event.code}:${event.reason}`),
    onAuthenticationFailed: ({ reason }) => denied.push(reason),
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  return { provider, doc: document, stateless, closes, denied };
}

/** Resolves when `check` holds, polling every 10 ms; rejects with `what` after `timeout` ms. */
export async function waitFor(check: () => boolean, what: string, timeout = 5000): Promise<number> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout)
      throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now() - start;
}

/** Waits until the provider has synced and the server acknowledged every local change. */
export function settled(client: { provider: HocuspocusProvider }, what = 'sync', timeout = 5000) {
  return waitFor(() => client.provider.isSynced && !client.provider.hasUnsyncedChanges, what, timeout);
}

/** A server in a child process (`npm start`'s entry), for crashes and several processes. */
export async function startServerProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', CRM_STATIC_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  await waitFor(
    () => /ws:\/\/127\.0\.0\.1:\d+/.test(output) || child.exitCode !== null,
    'server start',
    20_000,
  );
  const match = /ws:\/\/127\.0\.0\.1:(\d+)/.exec(output);
  if (!match) throw new Error(`server process did not start:\n${output}`);
  return { child, port: Number(match[1]), output: () => output };
}

/** Stops a child server and waits for it to exit. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

/** The records map of a document, as plain values. */
export function recordNames(doc: Y.Doc): string[] {
  return [...doc.getMap('records').values()]
    .map((r) => (r instanceof Y.Map ? String(r.get('name')) : ''))
    .sort();
}
