import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRecord } from '../../src/domain/shared-map/record-history.ts';
import type { SyncServer } from '../../src/server/sync-server.ts';
import { minxiongRecord } from '../minxiong-record.ts';
import { connect, recordNames, settled, startServer, tempStore, waitFor } from './sync-helpers.ts';

const store = tempStore();
let server: SyncServer;
let events: Record<string, unknown>[];
let token: string;
const clients: ReturnType<typeof connect>[] = [];
const stamp = { org: 'chiayi', name: '承辦人', at: '2026-12-06T12:00:00.000Z' };

beforeAll(async () => {
  ({ server, events } = await startServer({ storeDir: store.dir }));
  token = server.admin.createMap('chiayi', '嘉義縣政府').token;
});
afterAll(async () => {
  for (const c of clients) c.provider.destroy();
  await server.close();
  store.remove();
});

describe('many records written in one transaction (one message) are accepted', () => {
  // Each history entry of a transaction names the one before it as its origin; the server's check used to follow
  // that chain only 32 steps deep and refused the rest as `missing-state`.
  it.each([40, 500])('%i records in one doc.transact reach another client', async (count) => {
    const writer = connect(server.wsUrl, 'county/chiayi', token);
    const reader = connect(server.wsUrl, 'county/chiayi', token);
    clients.push(writer, reader);
    await settled(writer);
    await settled(reader);
    const names = Array.from({ length: count }, (_, i) => `據點-${count}-${i}`);
    writer.doc.transact(() => {
      names.forEach((name, i) => {
        writeRecord(writer.doc, minxiongRecord(`r-${count}-${i}`, name), stamp);
      });
    });
    await waitFor(() => names.every((n) => recordNames(reader.doc).includes(n)), `${count} records`, 10_000);
    await settled(writer, 'acknowledged', 10_000);
    expect(writer.closes).toEqual([]);
    expect(events.filter((e) => e.event === 'refused')).toEqual([]);
  });
});
