import { afterAll, describe, expect, it } from 'vitest';
import { writeRecord } from '../../src/domain/shared-map/record-history.ts';
import { AdminActions } from '../../src/server/admin-actions.ts';
import { SyncStore } from '../../src/server/sqlite-store.ts';
import { minxiongRecord } from '../minxiong-record.ts';
import { startRedis } from './redis-process.ts';
import {
  connect,
  recordNames,
  settled,
  startServerProcess,
  stopProcess,
  tempStore,
  waitFor,
} from './sync-helpers.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('two server processes behind one address, coordinated by Redis', () => {
  it('a change made through server A reaches a client of server B', async () => {
    const redis = await startRedis();
    cleanups.push(redis.stop);
    const store = tempStore();
    cleanups.push(store.remove);
    const db = new SyncStore(store.dir);
    const actions = new AdminActions(db, () => 'http://127.0.0.1/');
    actions.createMap('chiayi', '嘉義縣政府');
    const a = actions.invite('chiayi', {
      role: 'member',
      id: 'assoc-a',
      name: '甲',
      kind: 'association',
    }).token;
    const b = actions.invite('chiayi', {
      role: 'member',
      id: 'assoc-b',
      name: '乙',
      kind: 'association',
    }).token;
    db.close();

    const env = { PORT: '0', CRM_STORE_DIR: store.dir, CRM_REDIS: `127.0.0.1:${redis.port}` };
    const [serverA, serverB] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    cleanups.push(
      () => stopProcess(serverA.child),
      () => stopProcess(serverB.child),
    );
    expect(serverA.port).not.toBe(serverB.port);

    const writer = connect(`ws://127.0.0.1:${serverA.port}`, 'org/assoc-a', a);
    const reader = connect(`ws://127.0.0.1:${serverB.port}`, 'org/assoc-a', b);
    cleanups.push(
      () => writer.provider.destroy(),
      () => reader.provider.destroy(),
    );
    await settled(writer);
    await settled(reader);
    const resource = minxiongRecord('via-a', '經由 A 伺服器');
    writeRecord(writer.doc, resource, { org: 'assoc-a', name: '甲', at: new Date().toISOString() });
    const ms = await waitFor(
      () => recordNames(reader.doc).includes('經由 A 伺服器'),
      'cross-server propagation',
    );
    expect(ms).toBeLessThan(5000);
  });
});
