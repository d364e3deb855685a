import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readCountyIndex } from '../../src/domain/shared-map/county-index.ts';
import { SyncStore } from '../../src/server/sqlite-store.ts';
import {
  connect,
  settled,
  startServer,
  startServerProcess,
  stopProcess,
  tempStore,
  waitFor,
} from './sync-helpers.ts';

/**
 * What the server writes itself (the county index's member list, on load and after an invitation) never comes
 * through a client's message, so it is not logged on its way in, and Hocuspocus does not store a change that no
 * connection made. It must reach SQLite all the same: a server started again would otherwise write the list anew
 * (new Yjs items), and every device that kept the old one would send it back on reconnect — a write to a
 * document it may only read, refused with a notice the person did nothing to cause.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const storedMembers = (dir: string) => {
  const db = new SyncStore(dir);
  try {
    const doc = new Y.Doc();
    const state = db.loadDocument('index/chiayi');
    if (state) Y.applyUpdate(doc, state);
    return readCountyIndex(doc).members.map((m) => m.name);
  } finally {
    db.close();
  }
};

describe('changes the server makes itself', () => {
  it('are in SQLite at once: after a kill and a restart, a member reconnecting with its copy of the index is not refused', async () => {
    const store = tempStore();
    cleanups.push(store.remove);
    const { server } = await startServer({ storeDir: store.dir });
    server.admin.createMap('chiayi', '嘉義縣政府');
    const member = server.admin.invite('chiayi', {
      role: 'member',
      id: 'assoc-a',
      name: '甲協會',
      kind: 'association',
    }).token;
    await server.close();

    const first = await startServerProcess({ PORT: '0', CRM_STORE_DIR: store.dir });
    cleanups.push(() => stopProcess(first.child));
    const doc = new Y.Doc();
    const before = connect(`ws://127.0.0.1:${first.port}`, 'index/chiayi', member, doc);
    await settled(before);
    expect(readCountyIndex(doc).members.map((m) => m.name)).toEqual(['甲協會']);
    await stopProcess(first.child, 'SIGKILL');
    before.provider.destroy();
    expect(storedMembers(store.dir)).toEqual(['甲協會']);

    const second = await startServerProcess({ PORT: '0', CRM_STORE_DIR: store.dir });
    cleanups.push(() => stopProcess(second.child));
    const after = connect(`ws://127.0.0.1:${second.port}`, 'index/chiayi', member, doc);
    cleanups.push(() => after.provider.destroy());
    await settled(after);
    await new Promise((r) => setTimeout(r, 300));
    expect(after.stateless).toEqual([]);
    expect(readCountyIndex(doc).members.map((m) => m.name)).toEqual(['甲協會']);
  });

  it('an invitation made while the index is open is stored without any client writing to it', async () => {
    const store = tempStore();
    cleanups.push(store.remove);
    const { server } = await startServer({ storeDir: store.dir });
    cleanups.push(() => server.close());
    const admin = server.admin.createMap('chiayi', '嘉義縣政府').token;
    const office = connect(server.wsUrl, 'index/chiayi', admin);
    cleanups.push(() => office.provider.destroy());
    await settled(office);
    const response = await fetch(new URL('api/invite', server.httpUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'member', id: 'assoc-b', name: '乙協會', kind: 'association' }),
    });
    expect(response.status).toBe(200);
    await waitFor(
      () => readCountyIndex(office.doc).members.some((m) => m.name === '乙協會'),
      'the new member listed',
    );
    expect(storedMembers(store.dir)).toEqual(['乙協會']);
  });
});
