import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRecord } from '../../src/domain/shared-map/record-history.ts';
import type { SyncServer } from '../../src/server/sync-server.ts';
import { minxiongRecord } from '../minxiong-record.ts';
import { connect, recordNames, settled, startServer, tempStore, waitFor } from './sync-helpers.ts';

const store = tempStore();
let server: SyncServer;
let events: Record<string, unknown>[];
const tokens: Record<string, string> = {};
const clients: ReturnType<typeof connect>[] = [];
const open = (name: string, token: string) => {
  const client = connect(server.wsUrl, name, token);
  clients.push(client);
  return client;
};

const record = (id: string, name: string) => minxiongRecord(id, name);
const by = (org: string) => ({ org, name: `${org} 志工`, at: new Date().toISOString() });

beforeAll(async () => {
  ({ server, events } = await startServer({ storeDir: store.dir }));
  tokens.admin = server.admin.createMap('chiayi', '嘉義縣政府').token;
  tokens.a = server.admin.invite('chiayi', {
    role: 'member',
    id: 'assoc-a',
    name: '甲協會',
    kind: 'association',
  }).token;
  tokens.b = server.admin.invite('chiayi', {
    role: 'member',
    id: 'assoc-b',
    name: '乙協會',
    kind: 'association',
  }).token;
  tokens.table = server.admin.invite('chiayi', { role: 'participant', id: 'w1', name: '民雄工作坊' }).token;
  tokens.other = server.admin.createMap('kinmen', '金門縣政府').token;
});

afterAll(async () => {
  for (const c of clients) c.provider.destroy();
  await server.close();
  store.remove();
});

describe('two organisations, one server', () => {
  it("a member's change to its own document appears at the other member's device", async () => {
    const a = open('org/assoc-a', tokens.a as string);
    const bReadsA = open('org/assoc-a', tokens.b as string);
    await settled(a);
    await settled(bReadsA);
    writeRecord(a.doc, record('a1', '甲協會據點'), by('assoc-a'));
    const ms = await waitFor(() => recordNames(bReadsA.doc).includes('甲協會據點'), 'propagation', 1000);
    expect(ms).toBeLessThan(1000);
  });

  it("a member's write to another member's document is refused by the server and reaches nobody", async () => {
    const bWritesA = open('org/assoc-a', tokens.b as string);
    const a = open('org/assoc-a', tokens.a as string);
    await settled(bWritesA);
    await settled(a);
    writeRecord(bWritesA.doc, record('b-in-a', '乙協會冒名'), by('assoc-b'));
    await waitFor(() => bWritesA.stateless.some((s) => s.includes('read-only')), 'refusal message');
    const fresh = open('org/assoc-a', tokens.admin as string);
    await settled(fresh);
    expect(recordNames(fresh.doc)).not.toContain('乙協會冒名');
    expect(recordNames(a.doc)).not.toContain('乙協會冒名');
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'refused', reason: 'read-only', document: 'org/assoc-a' }),
    );
  });

  it('the county office writes every document of its county; members read the county document', async () => {
    const admin = open('org/assoc-b', tokens.admin as string);
    await settled(admin);
    writeRecord(admin.doc, record('c1', '縣府代填'), by('county'));
    const b = open('org/assoc-b', tokens.b as string);
    await waitFor(() => recordNames(b.doc).includes('縣府代填'), 'admin write');
    const county = open('county/chiayi', tokens.a as string);
    await settled(county);
    expect(county.provider.isAuthenticated).toBe(true);
  });

  it.each([
    ['unknown document name', 'secret/passwords', 'admin', 'unknown-document'],
    ['unregistered org', 'org/nobody', 'admin', 'unknown-document'],
    ['another county', 'county/chiayi', 'other', 'forbidden'],
    ['a member on a workshop', 'workshop/w1', 'a', 'forbidden'],
    ['a participant on a member document', 'org/assoc-a', 'table', 'forbidden'],
    ['a forged token', 'county/chiayi', 'forged', 'invalid-token'],
  ])('%s is refused (%s)', async (_case, name, who, reason) => {
    const token = tokens[who] ?? 'x'.repeat(43);
    const client = open(name, token);
    await waitFor(() => client.denied.length > 0, 'refusal');
    expect(client.denied[0]).toBe(reason);
  });

  it('logs never hold a token', () => {
    const text = JSON.stringify(events);
    for (const token of Object.values(tokens)) expect(text).not.toContain(token);
  });
});
