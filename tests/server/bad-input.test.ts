import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { SyncServer } from '../../src/server/sync-server.ts';
import { connect, recordNames, settled, startServer, tempStore, waitFor } from './sync-helpers.ts';

const store = tempStore();
let server: SyncServer;
let events: Record<string, unknown>[];
let token: string;
const DOC = 'org/assoc-a';

/** A hand-made client speaking Hocuspocus's wire format, to send what no provider would. */
async function rawClient() {
  const ws = new WebSocket(server.wsUrl);
  const closeReasons: string[] = [];
  let socketClose: number | null = null;
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    decoding.readVarString(d);
    if (decoding.readVarUint(d) === 7) closeReasons.push(decoding.readVarString(d));
  });
  ws.on('close', (code) => {
    socketClose = code;
  });
  ws.on('error', () => {});
  await new Promise((r) => ws.once('open', r));
  const send = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, DOC);
    write(e);
    ws.send(encoding.toUint8Array(e));
  };
  send((e) => {
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
  });
  const sendUpdate = (update: Uint8Array) =>
    send((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, update);
    });
  return { ws, send, sendUpdate, closeReasons, socketClose: () => socketClose };
}

beforeAll(async () => {
  ({ server, events } = await startServer({
    storeDir: store.dir,
    maxPayload: 64 * 1024,
    rate: { burst: 50, perSecond: 20 },
  }));
  server.admin.createMap('chiayi', '嘉義縣政府');
  token = server.admin.invite('chiayi', {
    role: 'member',
    id: 'assoc-a',
    name: '甲',
    kind: 'association',
  }).token;
});
afterAll(async () => {
  await server.close();
  store.remove();
});

/** After each refusal, the server still serves an ordinary client. */
async function stillServes() {
  const client = connect(server.wsUrl, DOC, token);
  await settled(client);
  client.provider.destroy();
}

describe('bad input is refused with a reason, logged, and the server keeps running', () => {
  it('an oversized message: the socket is closed with 1009 (message too big)', async () => {
    const raw = await rawClient();
    await new Promise((r) => setTimeout(r, 100));
    raw.sendUpdate(new Uint8Array(100 * 1024));
    await waitFor(() => raw.socketClose() !== null, 'close');
    expect(raw.socketClose()).toBe(1009);
    expect(events).toContainEqual(expect.objectContaining({ event: 'socket-error' }));
    await stillServes();
  });

  it('an update that is not a Yjs update', async () => {
    const raw = await rawClient();
    await new Promise((r) => setTimeout(r, 100));
    raw.sendUpdate(new Uint8Array([255, 255, 255, 255, 7, 1, 2, 3]));
    await waitFor(() => raw.closeReasons.length > 0, 'close message');
    expect(raw.closeReasons[0]).toBe('invalid-update:malformed-update');
    raw.ws.close();
    await stillServes();
  });

  it('an update that refers to state the server never had: the socket is closed, so a client syncs afresh', async () => {
    const raw = await rawClient();
    await new Promise((r) => setTimeout(r, 100));
    const peer = new Y.Doc();
    const record = new Y.Map<string>();
    peer.getMap('records').set('ghost', record);
    record.set('name', '先前的');
    const before = Y.encodeStateVector(peer);
    record.set('website', 'javascript:alert(1)'); // would be integrated unchecked once its parent came
    raw.sendUpdate(Y.encodeStateAsUpdate(peer, before));
    await waitFor(() => raw.socketClose() !== null, 'socket close', 5000);
    expect(raw.socketClose()).toBe(4409);
    expect(events).toContainEqual(expect.objectContaining({ event: 'refused', reason: 'missing-state' }));
    await stillServes();
  });

  it('a message of an unknown type', async () => {
    const raw = await rawClient();
    await new Promise((r) => setTimeout(r, 100));
    raw.send((e) => encoding.writeVarUint(e, 99));
    await waitFor(() => raw.closeReasons.length > 0, 'close message');
    expect(raw.closeReasons[0]).toBe('malformed-message');
    raw.ws.close();
    await stillServes();
  });

  it('a burst of messages: cut off as rate-limited', async () => {
    const raw = await rawClient();
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 500; i++) raw.sendUpdate(new Uint8Array([0, 0]));
    await waitFor(() => raw.closeReasons.length > 0, 'close message');
    expect(raw.closeReasons[0]).toBe('rate-limited');
    expect(events).toContainEqual(expect.objectContaining({ event: 'refused', reason: 'rate-limited' }));
    raw.ws.close();
    await stillServes();
  });

  it('a javascript: link from a write-allowed peer never reaches another peer', async () => {
    const watcher = connect(server.wsUrl, DOC, token);
    const evil = connect(server.wsUrl, DOC, token);
    await settled(watcher);
    await settled(evil);
    const record = new Y.Map<string>();
    evil.doc.getMap('records').set('evil', record);
    record.set('name', '惡意據點');
    record.set('website', 'javascript:alert(document.cookie)');
    await waitFor(() => evil.closes.some((c) => c.includes('invalid-update:invalid-value')), 'refusal');
    await new Promise((r) => setTimeout(r, 200));
    // The record and its name were valid updates of their own and arrived; the link never did.
    expect(recordNames(watcher.doc)).toContain('惡意據點');
    expect((watcher.doc.getMap('records').get('evil') as Y.Map<string>).get('website')).toBeUndefined();
    watcher.provider.destroy();
    evil.provider.destroy();
    await stillServes();
  });
});
