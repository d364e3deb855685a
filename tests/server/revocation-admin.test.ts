import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCountyIndex } from '../../src/domain/shared-map/county-index.ts';
import { writeRecord } from '../../src/domain/shared-map/record-history.ts';
import { SyncStore } from '../../src/server/sqlite-store.ts';
import type { SyncServer } from '../../src/server/sync-server.ts';
import { connect, settled, startServer, tempStore, waitFor } from './sync-helpers.ts';

const store = tempStore();
let server: SyncServer;
let admin: string;
const clients: ReturnType<typeof connect>[] = [];
const open = (name: string, token: string) => {
  const client = connect(server.wsUrl, name, token);
  clients.push(client);
  return client;
};
const api = (path: string, token: string | null, body?: unknown) =>
  fetch(new URL(path, server.httpUrl), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  ({ server } = await startServer({ storeDir: store.dir, revocationPollMs: 250 }));
  admin = server.admin.createMap('chiayi', '嘉義縣政府').token;
});
afterAll(async () => {
  for (const c of clients) c.provider.destroy();
  await server.close();
  store.remove();
});

describe('the office API', () => {
  it('invites a member, who sees what it may open, listed at once in the open index; others are refused', async () => {
    const index = open('index/chiayi', admin);
    await settled(index);
    const res = await api('/api/invite', admin, {
      role: 'member',
      id: 'assoc-a',
      name: '甲協會',
      kind: 'association',
    });
    expect(res.status).toBe(200);
    const invite = (await res.json()) as { token: string; link: string; grantId: string; document: string };
    expect(invite.document).toBe('org/assoc-a');
    await waitFor(() => readCountyIndex(index.doc).members.length === 1, 'member in the index');
    expect(readCountyIndex(index.doc).members).toEqual([
      { id: 'assoc-a', name: '甲協會', kind: 'association', document: 'org/assoc-a' },
    ]);
    expect(invite.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invite.link).toBe(`${server.httpUrl}#shared=org%2Fassoc-a&token=${invite.token}`);
    const me = (await (await api('/api/me', invite.token)).json()) as { role: string; documents: unknown[] };
    expect(me.role).toBe('member');
    expect(me.documents).toEqual(
      expect.arrayContaining([
        { name: 'org/assoc-a', label: '甲協會', access: 'write' },
        { name: 'county/chiayi', label: '嘉義縣政府', access: 'read' },
      ]),
    );
    expect((await api('/api/invite', invite.token, { role: 'admin', name: 'x' })).status).toBe(403);
    expect((await api('/api/me', null)).status).toBe(401);
    expect(
      (await api('/api/invite', admin, { role: 'member', id: '../x', name: 'x', kind: 'association' }))
        .status,
    ).toBe(400);
    expect(
      (await api('/api/invite', admin, { role: 'member', id: 'k', name: 'x', kind: 'church' })).status,
    ).toBe(400);
  });

  it('publishes the public records (no internal ones) as CSV that anyone may fetch, listed in the index', async () => {
    const invite = server.admin.invite('chiayi', {
      role: 'member',
      id: 'assoc-p',
      name: '戊協會',
      kind: 'association',
    });
    const member = open('org/assoc-p', invite.token);
    await settled(member);
    const base = {
      category: 'community-association',
      services: [],
      address: '嘉義縣民雄鄉',
      county: '嘉義縣',
    };
    const more = {
      town: '民雄鄉',
      position: null,
      precision: 'missing',
      phones: [],
      source: 't',
      extra: {},
    } as const;
    const by = { org: 'assoc-p', name: '戊', at: new Date().toISOString() };
    writeRecord(member.doc, { id: 'pub', name: '公開據點', visibility: 'public', ...base, ...more }, by);
    writeRecord(member.doc, { id: 'int', name: '庇護處所', visibility: 'internal', ...base, ...more }, by);
    await settled(member);
    const res = await api('/api/publish', admin, {});
    expect(await res.json()).toMatchObject({ version: 1, recordCount: 1 });
    const csv = await fetch(new URL('/published/chiayi.csv', server.httpUrl));
    expect(csv.headers.get('x-published-version')).toBe('1');
    const text = await csv.text();
    expect(text).toContain('公開據點');
    expect(text).not.toContain('庇護處所');
    const index = open('index/chiayi', admin);
    await waitFor(() => readCountyIndex(index.doc).versions.length === 1, 'version in the index');
    expect(readCountyIndex(index.doc).versions[0]).toMatchObject({
      version: 1,
      by: '嘉義縣政府',
      recordCount: 1,
    });
  });
});

describe('revocation', () => {
  it("closes a revoked link's connection within 5 s, and it cannot reconnect", async () => {
    const invite = server.admin.invite('chiayi', {
      role: 'member',
      id: 'assoc-r',
      name: '丙協會',
      kind: 'association',
    });
    const client = open('org/assoc-r', invite.token);
    await settled(client);
    const revokedAt = performance.now();
    expect((await api('/api/revoke', admin, { grantId: invite.grantId })).status).toBe(200);
    await waitFor(() => client.closes.some((c) => c.includes('token-revoked')), 'close', 5000);
    expect(performance.now() - revokedAt).toBeLessThan(5000);
    await waitFor(() => client.denied.includes('invalid-token'), 'refused reconnect', 5000);
    expect(client.provider.isAuthenticated).toBe(false);
  });

  it('notices a revocation made by another process (the command line) within 5 s', async () => {
    const invite = server.admin.invite('chiayi', {
      role: 'member',
      id: 'assoc-s',
      name: '丁協會',
      kind: 'association',
    });
    const client = open('org/assoc-s', invite.token);
    await settled(client);
    const other = new SyncStore(store.dir);
    expect(other.revokeGrant(invite.grantId, 'chiayi')).toBe(true);
    other.close();
    const ms = await waitFor(() => client.closes.some((c) => c.includes('token-revoked')), 'close', 5000);
    expect(ms).toBeLessThan(5000);
  });
});
