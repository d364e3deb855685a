import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeRecord } from '../../src/domain/shared-map/record-history.ts';
import { AdminActions } from '../../src/server/admin-actions.ts';
import { LOG_SHARE_OF_STATE, SMALL_STATE_BYTES } from '../../src/server/document-persistence.ts';
import { SyncStore } from '../../src/server/sqlite-store.ts';
import { minxiongRecord } from '../minxiong-record.ts';
import { startRedis } from './redis-process.ts';
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

/**
 * A document is stored as a full state plus a log of every update acknowledged since. The full state is written
 * only when the log has grown to LOG_SHARE_OF_STATE of it, or when the document leaves memory (its last
 * connection closed, the server stopped); whatever happens, the store rebuilds what the clients had.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const by = (org: string) => ({ org, name: `${org} 志工`, at: new Date().toISOString() });
/** The server stores 2 s after the last change (Hocuspocus's debounce): waited for, with a margin. */
const afterDebounce = () => new Promise((r) => setTimeout(r, 2600));

/** A county map with two members; `org/assoc-a` holds `records` records (a big document, for its size). */
function preparedStore(records: number) {
  const store = tempStore();
  cleanups.push(store.remove);
  const db = new SyncStore(store.dir);
  const actions = new AdminActions(db, () => 'http://127.0.0.1/');
  const admin = actions.createMap('chiayi', '嘉義縣政府').token;
  const member = actions.invite('chiayi', { role: 'member', id: 'assoc-a', name: '甲', kind: 'association' });
  if (records > 0) {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < records; i++)
        writeRecord(
          doc,
          minxiongRecord(`seed-${i}`, `既有據點${i}`, { description: '說明'.repeat(20) }),
          by('a'),
        );
    });
    db.storeDocument('org/assoc-a', Y.encodeStateAsUpdate(doc));
  }
  db.close();
  return { dir: store.dir, admin, member: member.token };
}

/** What the store holds for a document, read as a server would load it. */
function stored(dir: string, name = 'org/assoc-a') {
  const db = new SyncStore(dir);
  try {
    const doc = new Y.Doc();
    const state = db.loadDocument(name);
    if (state) Y.applyUpdate(doc, state);
    const size = db.logSize(name);
    return { ...size, logRows: size.rows, doc };
  } finally {
    db.close();
  }
}

/** A server started for one test; closing it twice (the test, then its cleanup) closes it once. */
async function startOnce(options: Parameters<typeof startServer>[0]) {
  const started = await startServer(options);
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= started.server.close();
    return closing;
  };
  cleanups.push(close);
  return { ...started, close };
}

const written = (events: Record<string, unknown>[], name = 'org/assoc-a') =>
  events.filter((e) => e.event === 'full-state-written' && e.document === name);

/** The same content: records and their fields, as plain values. */
const content = (doc: Y.Doc) => doc.getMap('records').toJSON();

describe('a big document', () => {
  it('logs a change without writing its full state; the full state comes once the log reaches its share', async () => {
    const { dir, member } = preparedStore(1000);
    const before = stored(dir);
    const { server, events } = await startServer({ storeDir: dir });
    cleanups.push(() => server.close());
    const client = connect(server.wsUrl, 'org/assoc-a', member);
    cleanups.push(() => client.provider.destroy());
    await settled(client, 'first sync', 30_000);

    writeRecord(client.doc, minxiongRecord('one', '一筆更正'), by('a'));
    await settled(client, 'one change', 20_000);
    await afterDebounce();
    // The debounced store ran and left the full state alone: the change is in the log only.
    expect(written(events)).toEqual([]);
    const oneChange = stored(dir);
    expect(oneChange.generation).toBe(before.generation);
    expect(oneChange.logRows).toBe(1);
    expect(oneChange.bytes).toBeLessThan(oneChange.stateBytes * LOG_SHARE_OF_STATE);

    // Changes with long descriptions until the log passes its share of the full state.
    const share = oneChange.stateBytes * LOG_SHARE_OF_STATE;
    for (let i = 0; stored(dir).bytes < share; i += 10) {
      for (let j = i; j < i + 10; j++) {
        const long = minxiongRecord(`long-${j}`, `長說明${j}`, { description: '長'.repeat(3000) });
        writeRecord(client.doc, long, by('a'));
      }
      await settled(client, `long changes from ${i}`, 15_000);
    }
    await waitFor(() => written(events).length === 1, 'the full state written', 15_000);
    expect(written(events)[0]).toMatchObject({ reason: 'log-size', logKept: 0 });
    const after = stored(dir);
    expect(after.generation).toBe(before.generation + 1);
    expect(after.logRows).toBe(0);
    expect(content(after.doc)).toEqual(content(client.doc));
  }, 120_000);
});

describe('a clean shutdown', () => {
  it('writes the full state of a small document with a log, and leaves a big one’s small log to its next load', async () => {
    const { dir, member } = preparedStore(3000);
    const big = stored(dir);
    expect(big.stateBytes).toBeGreaterThan(SMALL_STATE_BYTES);
    const { server, events, close } = await startOnce({ storeDir: dir });
    const client = connect(server.wsUrl, 'org/assoc-a', member);
    const index = connect(server.wsUrl, 'index/chiayi', member);
    cleanups.push(
      () => client.provider.destroy(),
      () => index.provider.destroy(),
    );
    await settled(client, 'first sync', 30_000);
    await settled(index, 'sync', 20_000);
    writeRecord(client.doc, minxiongRecord('one', '關閉前的更正'), by('a'));
    await settled(client, 'sync', 20_000);
    // The index: its member list, written by the server at load, is logged (a small document).
    expect(stored(dir, 'index/chiayi').logRows).toBeGreaterThan(0);
    expect(stored(dir).logRows).toBe(1);
    await close();

    expect(written(events, 'index/chiayi')).toEqual([
      expect.objectContaining({ reason: 'unload', logKept: 0 }),
    ]);
    expect(stored(dir, 'index/chiayi').logRows).toBe(0);
    expect(written(events)).toEqual([]);
    const after = stored(dir);
    expect(after.generation).toBe(big.generation);
    expect(after.logRows).toBe(1);
    expect(content(after.doc)).toEqual(content(client.doc));
  }, 120_000);
});

describe('a restart', () => {
  it('rebuilds the same document from the full state and the log, after a full write and after log-only changes', async () => {
    const { dir, member } = preparedStore(0);
    const first = await startServerProcess({ PORT: '0', CRM_STORE_DIR: dir });
    cleanups.push(() => stopProcess(first.child));
    const url = `ws://127.0.0.1:${first.port}`;
    const writer = connect(url, 'org/assoc-a', member);
    cleanups.push(() => writer.provider.destroy());
    await settled(writer, 'sync', 20_000);
    // A small document: its full state is written at the debounced store.
    for (let i = 0; i < 5; i++) writeRecord(writer.doc, minxiongRecord(`r${i}`, `據點${i}`), by('a'));
    await settled(writer, 'sync', 20_000);
    await waitFor(() => stored(dir).generation === 1 && stored(dir).logRows === 0, 'full state', 15_000);
    // Then changes that only reach the log before the server is killed (no store, no shutdown).
    writeRecord(writer.doc, minxiongRecord('r0', '據點0（改名）'), by('a'));
    writeRecord(writer.doc, minxiongRecord('late', '最後一筆'), by('a'));
    writer.doc.getMap('records').delete('r3');
    await settled(writer, 'sync', 20_000);
    expect(stored(dir).logRows).toBeGreaterThan(0);
    await stopProcess(first.child, 'SIGKILL');
    writer.provider.destroy();

    const rebuilt = stored(dir);
    expect(rebuilt.generation).toBe(1);
    expect(content(rebuilt.doc)).toEqual(content(writer.doc));
    expect(recordNames(rebuilt.doc)).not.toContain('據點3');

    const second = await startServerProcess({ PORT: '0', CRM_STORE_DIR: dir });
    cleanups.push(() => stopProcess(second.child));
    const reader = connect(`ws://127.0.0.1:${second.port}`, 'org/assoc-a', member);
    cleanups.push(() => reader.provider.destroy());
    await settled(reader, 'sync', 20_000);
    expect(content(reader.doc)).toEqual(content(writer.doc));
  }, 120_000);
});

describe('two servers on one store', () => {
  it('without Redis between them (diverged copies): a full state drops only the log entries it holds', async () => {
    const { dir, member } = preparedStore(0);
    const a = await startOnce({ storeDir: dir });
    const b = await startOnce({ storeDir: dir });
    const viaA = connect(a.server.wsUrl, 'org/assoc-a', member);
    const viaB = connect(b.server.wsUrl, 'org/assoc-a', member);
    cleanups.push(
      () => viaA.provider.destroy(),
      () => viaB.provider.destroy(),
    );
    await settled(viaA, 'sync', 20_000);
    await settled(viaB, 'sync', 20_000);
    writeRecord(viaB.doc, minxiongRecord('b', '乙伺服器的據點'), by('a'));
    await settled(viaB, 'sync', 20_000);
    writeRecord(viaA.doc, minxiongRecord('a', '甲伺服器的據點'), by('a'));
    await settled(viaA, 'sync', 20_000);
    // The first debounced store writes its copy's full state; the other server's update is not in that copy
    // (nothing relays it without Redis), so it stays in the log …
    const anyWritten = () => written(a.events).length + written(b.events).length;
    await waitFor(() => anyWritten() === 1, 'a full state written', 15_000);
    const [writer, other] = written(a.events).length === 1 ? [a, b] : [b, a];
    expect(written(writer.events)[0]).toMatchObject({ logDropped: 1, logKept: 1 });
    // … and the other server, whose copy lacks the state just written, leaves the full state alone.
    const left = (reason: string) =>
      other.events.some((e) => e.event === 'full-state-left' && e.reason === reason);
    await waitFor(() => left('log-size'), 'the other leaves it', 15_000);
    expect(written(other.events)).toEqual([]);
    expect(recordNames(stored(dir).doc)).toEqual(['乙伺服器的據點', '甲伺服器的據點']);
    // Its document unloads without writing either; then the first server stops cleanly.
    (other === a ? viaA : viaB).provider.destroy();
    await waitFor(() => left('unload'), 'the other unloads', 5000);
    expect(written(other.events)).toEqual([]);
    await writer.close();
    expect(recordNames(stored(dir).doc)).toEqual(['乙伺服器的據點', '甲伺服器的據點']);
  }, 120_000);

  it('with Redis: both copies converge, one full state is written, and the store rebuilds both servers’ changes', async () => {
    const redis = await startRedis();
    cleanups.push(redis.stop);
    const { dir, member } = preparedStore(0);
    const options = { storeDir: dir, redis: { host: '127.0.0.1', port: redis.port } };
    const a = await startOnce(options);
    const b = await startOnce(options);
    const viaA = connect(a.server.wsUrl, 'org/assoc-a', member);
    const viaB = connect(b.server.wsUrl, 'org/assoc-a', member);
    cleanups.push(
      () => viaA.provider.destroy(),
      () => viaB.provider.destroy(),
    );
    await settled(viaA, 'sync', 20_000);
    await settled(viaB, 'sync', 20_000);
    for (let i = 0; i < 5; i++) {
      writeRecord(viaA.doc, minxiongRecord(`a${i}`, `甲${i}`), by('a'));
      writeRecord(viaB.doc, minxiongRecord(`b${i}`, `乙${i}`), by('a'));
    }
    await settled(viaA, 'sync', 20_000);
    await settled(viaB, 'sync', 20_000);
    await waitFor(() => recordNames(viaA.doc).length === 10 && recordNames(viaB.doc).length === 10, 'both');
    await afterDebounce();
    await waitFor(() => stored(dir).logRows === 0, 'the log folded into a full state', 15_000);
    expect(content(stored(dir).doc)).toEqual(content(viaA.doc));
    await Promise.all([a.close(), b.close()]);
    // The first store wrote it; the other server's copy then lacked that generation, and there was no log left.
    expect(written(a.events).length + written(b.events).length).toBe(1);
    expect(content(stored(dir).doc)).toEqual(content(viaB.doc));
  }, 120_000);
});
