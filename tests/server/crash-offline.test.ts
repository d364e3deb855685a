import { afterAll, describe, expect, it } from 'vitest';
import { writeRecord } from '../../src/domain/shared-map/record-history.ts';
import { AdminActions } from '../../src/server/admin-actions.ts';
import { SyncStore } from '../../src/server/sqlite-store.ts';
import { minxiongRecord } from '../minxiong-record.ts';
import {
  connect,
  recordNames,
  settled,
  startServer,
  startServerProcess,
  stopProcess,
  tempStore,
  waitFor,
} from './sync-helpers.ts';

const record = (id: string, name: string, description = '') =>
  minxiongRecord(id, name, description ? { description } : {});
const by = (org: string) => ({ org, name: `${org} 志工`, at: new Date().toISOString() });
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A store with a county map and one member, made as the command line would (no server needed). */
function preparedStore() {
  const store = tempStore();
  cleanups.push(store.remove);
  const db = new SyncStore(store.dir);
  const actions = new AdminActions(db, () => 'http://127.0.0.1/');
  const admin = actions.createMap('chiayi', '嘉義縣政府').token;
  const member = actions.invite('chiayi', {
    role: 'member',
    id: 'assoc-a',
    name: '甲',
    kind: 'association',
  }).token;
  db.close();
  return { dir: store.dir, admin, member };
}

describe('the server is killed mid-edit and restarted on the same store', () => {
  it('keeps everything it acknowledged, and clients reconnect by themselves', async () => {
    const { dir, member, admin } = preparedStore();
    const first = await startServerProcess({ PORT: '0', CRM_STORE_DIR: dir });
    cleanups.push(() => stopProcess(first.child));
    const url = `ws://127.0.0.1:${first.port}`;
    const writer = connect(url, 'org/assoc-a', member);
    const stayer = connect(url, 'org/assoc-a', member);
    cleanups.push(
      () => writer.provider.destroy(),
      () => stayer.provider.destroy(),
    );
    await settled(writer);
    await settled(stayer);
    const acknowledged: string[] = [];
    for (let i = 0; i < 15; i++) {
      writeRecord(writer.doc, record(`r${i}`, `據點${i}`), by('assoc-a'));
      await settled(writer, 'ack');
      acknowledged.push(`據點${i}`);
    }
    // Mid-edit: more changes on the way, and the server dies (no time to store its state: debounce is 2 s).
    for (let i = 15; i < 20; i++) writeRecord(writer.doc, record(`r${i}`, `據點${i}`), by('assoc-a'));
    writeRecord(stayer.doc, record('s1', '留下的據點'), by('assoc-a'));
    await stopProcess(first.child, 'SIGKILL');
    writer.provider.destroy(); // This device is gone with its unsent edits; what was acknowledged must remain.

    const second = await startServerProcess({ PORT: String(first.port), CRM_STORE_DIR: dir });
    cleanups.push(() => stopProcess(second.child));
    const reader = connect(url, 'org/assoc-a', admin);
    cleanups.push(() => reader.provider.destroy());
    await settled(reader);
    expect(recordNames(reader.doc)).toEqual(expect.arrayContaining(acknowledged));
    // The other device reconnected by itself and sent what it had not yet delivered.
    await waitFor(() => recordNames(reader.doc).includes('留下的據點'), 'reconnect and resend', 10_000);
    expect(stayer.provider.isSynced).toBe(true);
  });
});

describe('offline edits', () => {
  it('converge with nothing lost; the same field resolves identically on both devices', async () => {
    const { dir, member } = preparedStore();
    const { server } = await startServer({ storeDir: dir });
    cleanups.push(() => server.close());
    const a = connect(server.wsUrl, 'org/assoc-a', member);
    const b = connect(server.wsUrl, 'org/assoc-a', member);
    cleanups.push(
      () => a.provider.destroy(),
      () => b.provider.destroy(),
    );
    await settled(a);
    await settled(b);
    writeRecord(a.doc, record('shared', '共同據點', '原本'), by('a'));
    await waitFor(() => recordNames(b.doc).includes('共同據點'), 'first sync');

    a.provider.disconnect();
    // Offline for real: reconnecting while the socket is still closing would be lost in the close.
    await waitFor(() => a.provider.configuration.websocketProvider.status === 'disconnected', 'offline');
    writeRecord(a.doc, record('shared', '共同據點', 'A 離線改的'), by('a'));
    for (let i = 0; i < 5; i++) writeRecord(a.doc, record(`a${i}`, `A 離線新增${i}`), by('a'));
    writeRecord(b.doc, record('shared', '共同據點', 'B 在線改的'), by('b'));
    writeRecord(b.doc, record('b0', 'B 在線新增'), by('b'));
    await settled(b);
    await a.provider.connect();

    const everything = ['共同據點', 'B 在線新增', ...[0, 1, 2, 3, 4].map((i) => `A 離線新增${i}`)].sort();
    await waitFor(() => recordNames(a.doc).length === 7 && recordNames(b.doc).length === 7, 'convergence');
    expect(recordNames(a.doc)).toEqual(everything);
    expect(recordNames(b.doc)).toEqual(everything);
    const description = (doc: typeof a.doc) =>
      (doc.getMap('records').get('shared') as { get(k: string): unknown }).get('description');
    await waitFor(() => description(a.doc) === description(b.doc), 'same field resolved');
    expect(['A 離線改的', 'B 在線改的']).toContain(description(a.doc));
  });
});
