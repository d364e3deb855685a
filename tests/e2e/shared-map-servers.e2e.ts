import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AdminActions } from '../../src/server/admin-actions.ts';
import { SyncStore } from '../../src/server/sqlite-store.ts';
import { startRedis } from '../server/redis-process.ts';
import { startServerProcess, stopProcess } from '../server/sync-helpers.ts';
import { SharedMapBrowser, type SharedMapTab } from './driver-shared-map.ts';

/**
 * The shared map's servers as processes, with real browsers: `npm start`'s entry (src/server/start.ts) run as a
 * child process on 127.0.0.1, serving the built app beside its WebSocket, so that it can be killed outright and
 * started again, or run twice beside a local redis-server. Each device is a browser context of its own.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const dist = mkdtempSync(join(tmpdir(), 'crm-e2e-servers-dist-'));
let browser: SharedMapBrowser;
let tabs: SharedMapTab[] = [];
/** Console errors a test expects (Chromium's own report of a refused WebSocket while the server is down). */
let expectedErrors: RegExp[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  cpSync(join(repoRoot, 'dist'), dist, { recursive: true });
  browser = await SharedMapBrowser.start();
});

afterAll(async () => {
  await browser?.close();
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(dist, { recursive: true, force: true });
});

afterEach(async () => {
  const open = tabs;
  tabs = [];
  const expected = expectedErrors;
  expectedErrors = [];
  const errors = open
    .flatMap((tab) => tab.app.pageErrors())
    .filter((error) => !expected.some((pattern) => pattern.test(error)));
  await Promise.all(open.map((tab) => tab.close().catch(() => undefined)));
  expect(errors, 'uncaught errors or console errors in the page').toEqual([]);
});

async function open(link: string): Promise<SharedMapTab> {
  const tab = await browser.openLink(link);
  tabs.push(tab);
  return tab;
}

/** A store with a county map, its office link and two members' links, made as `npm run map` would. */
function preparedStore() {
  const dir = mkdtempSync(join(tmpdir(), 'crm-e2e-servers-store-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const db = new SyncStore(dir);
  const actions = new AdminActions(db, () => 'http://127.0.0.1/');
  const office = actions.createMap('chiayi', '嘉義縣政府社會處');
  const a = actions.invite('chiayi', { role: 'member', id: 'assoc-a', name: '甲協會', kind: 'association' });
  const b = actions.invite('chiayi', { role: 'member', id: 'assoc-b', name: '乙協會', kind: 'association' });
  db.close();
  return { dir, office, a, b };
}

/** A server process as `npm start` runs it, serving the built app; stopped after the file if still running. */
async function serverProcess(env: Record<string, string>) {
  const server = await startServerProcess({
    CRM_STATIC_DIR: dist,
    CRM_DATA_DIR: join(repoRoot, 'data'),
    ...env,
  });
  cleanups.push(() => stopProcess(server.child));
  return server;
}

const linkOn = (port: number, invitation: { document: string; token: string }) =>
  `http://127.0.0.1:${port}/#shared=${encodeURIComponent(invitation.document)}&token=${invitation.token}`;

/** The record names of a document as the SQLite file holds them (the server must not be writing it). */
function storedNames(dir: string, document: string): string[] {
  const db = new SyncStore(dir);
  try {
    const state = db.loadDocument(document);
    const doc = new Y.Doc();
    if (state) Y.applyUpdate(doc, state);
    return [...doc.getMap('records').values()].map((r) => (r instanceof Y.Map ? String(r.get('name')) : ''));
  } finally {
    db.close();
  }
}

describe('the server is killed mid-edit and started again', () => {
  it('keeps everything it acknowledged; the page reconnects by itself and sends what it kept; a new device sees it all', async () => {
    const { dir, office, a } = preparedStore();
    const first = await serverProcess({ PORT: '0', CRM_STORE_DIR: dir });
    const port = first.port;
    const member = await open(linkOn(port, a));

    await member.addRecord({ name: '甲協會已確認據點', address: '嘉義縣民雄鄉中樂村' });
    await member.waitAllSaved();
    // Mid-edit: a second record saved and the server killed (SIGKILL: no shutdown, no store of the debounced
    // state) while it is on its way.
    await member.addRecord({ name: '甲協會送出中據點', address: '嘉義縣民雄鄉東榮村' });
    await stopProcess(first.child, 'SIGKILL');
    // Chromium itself logs each refused reconnection attempt as a console error; nothing else may show.
    expectedErrors = [
      new RegExp(
        `^console\\.error: WebSocket connection to 'ws://127\\.0\\.0\\.1:${port}/' failed: Error in connection establishment: net::ERR_CONNECTION_REFUSED$`,
      ),
    ];
    // What the server acknowledged is in its SQLite file already.
    expect(storedNames(dir, 'org/assoc-a')).toContain('甲協會已確認據點');

    await expect.poll(() => member.connection()).not.toContain('已連線');
    // The person goes on working while the server is down: kept on the device, counted as waiting.
    await member.addRecord({ name: '甲協會斷線時據點', address: '嘉義縣民雄鄉福樂村' });
    expect(await member.connection()).toMatch(/\d+ 項修改等待上傳/);
    await member.app.screenshot('shared-map-server-down');

    const second = await serverProcess({ PORT: String(port), CRM_STORE_DIR: dir });
    expect(second.port).toBe(port);
    const listening = Date.now();
    // No reload, no click: the page's own reconnection finds the server again and sends what it kept.
    await member.waitOnline();
    await member.waitAllSaved();
    console.log(`server listening again → page online with every change saved: ${Date.now() - listening} ms`);
    // Nothing refused on the way: the page's copy of every document it only reads matches the server's.
    expect(await member.app.alerts()).toEqual([]);
    await member.app.screenshot('shared-map-server-back');

    const fresh = await open(linkOn(port, office));
    await fresh.app.search('甲協會');
    for (const name of ['甲協會已確認據點', '甲協會送出中據點', '甲協會斷線時據點'])
      await fresh.waitForListed(name);
    await stopProcess(second.child);
    expect(storedNames(dir, 'org/assoc-a').sort()).toEqual(
      ['甲協會已確認據點', '甲協會送出中據點', '甲協會斷線時據點'].sort(),
    );
  }, 90_000);
});

describe('two server processes behind one address, coordinated by Redis', () => {
  it('a record added on a page of server A shows on a page of server B within 1 s', async () => {
    const redis = await startRedis();
    cleanups.push(redis.stop);
    const { dir, a, b } = preparedStore();
    const env = { PORT: '0', CRM_STORE_DIR: dir, CRM_REDIS: `127.0.0.1:${redis.port}` };
    const [serverA, serverB] = await Promise.all([serverProcess(env), serverProcess(env)]);
    expect(serverA.port).not.toBe(serverB.port);

    const onA = await open(linkOn(serverA.port, a));
    const onB = await open(linkOn(serverB.port, b));
    expect(onA.currentUrl()).toContain(`:${serverA.port}/`);
    expect(onB.currentUrl()).toContain(`:${serverB.port}/`);
    await onB.app.search('經由 A 伺服器');

    const saved = await onA.addRecord({ name: '經由 A 伺服器的據點', address: '嘉義縣民雄鄉中樂村' });
    const ms = await onB.waitForListed('經由 A 伺服器的據點', 1000, saved);
    console.log(`Save pressed on a page of server A → listed on a page of server B: ${ms} ms`);
    expect(ms).toBeLessThan(1000);
    await onB.openRecord('經由 A 伺服器的據點');
    expect(await onB.ownerHint()).toBe('唯讀 由「甲協會」維護');
    await onB.app.screenshot('shared-map-scale-out-server-b');

    // And back: B's member adds, A's page sees it.
    await onA.app.search('經由 B 伺服器');
    const back = await onB.addRecord({ name: '經由 B 伺服器的據點', address: '嘉義縣民雄鄉東榮村' });
    const backMs = await onA.waitForListed('經由 B 伺服器的據點', 1000, back);
    console.log(`Save pressed on a page of server B → listed on a page of server A: ${backMs} ms`);
  }, 90_000);
});
