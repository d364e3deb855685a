import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serverOptionsFromEnv } from '../../src/server/server-env.ts';
import { storeDirFromEnv } from '../../src/server/store-dir.ts';
import { startServer, tempStore } from './sync-helpers.ts';

const store = tempStore();
afterAll(() => store.remove());

describe('configuration from the environment (npm start)', () => {
  it('reads PORT, HOST, the store, the public URL, origins and Redis', () => {
    expect(
      serverOptionsFromEnv({
        PORT: '9000',
        HOST: '0.0.0.0',
        CRM_STORE_DIR: '/srv/crm',
        CRM_PUBLIC_URL: 'https://map.example.gov.tw/',
        CRM_ALLOWED_ORIGINS: 'https://map.example.gov.tw, https://b.example',
        CRM_REDIS: '127.0.0.1:6379',
      }),
    ).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      storeDir: '/srv/crm',
      publicUrl: 'https://map.example.gov.tw/',
      allowedOrigins: ['https://map.example.gov.tw', 'https://b.example'],
      redis: { host: '127.0.0.1', port: 6379 },
      staticDir: 'dist',
    });
    expect(serverOptionsFromEnv({ HOME: '/home/x' })).toMatchObject({ host: '127.0.0.1', port: 8080 });
    expect(() => serverOptionsFromEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('keeps the store outside the source tree', () => {
    expect(storeDirFromEnv({ HOME: '/home/x' }, '/work/repo')).toBe(
      '/home/x/.local/share/community-resource-map',
    );
    expect(storeDirFromEnv({ XDG_DATA_HOME: '/d' }, '/work/repo')).toBe('/d/community-resource-map');
    expect(() => storeDirFromEnv({ CRM_STORE_DIR: '/work/repo/store' }, '/work/repo')).toThrow(
      /inside the source tree/,
    );
    expect(() => storeDirFromEnv({ CRM_STORE_DIR: '.' }, process.cwd())).toThrow(/inside the source tree/);
  });
});

describe('one port for the site and the sync server', () => {
  it('serves the built files, refuses paths outside them, and refuses a foreign origin', async () => {
    const site = join(store.dir, 'site');
    mkdirSync(site);
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>map</title>');
    const { server, events } = await startServer({
      storeDir: join(store.dir, 'db'),
      staticDir: site,
      allowedOrigins: ['https://map.example.gov.tw'],
    });
    try {
      const page = await fetch(server.httpUrl);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(await page.text()).toContain('<title>map</title>');
      expect((await fetch(new URL('/%2e%2e/%2e%2e/etc/passwd', server.httpUrl))).status).toBe(404);
      const refused = await new Promise<string>((resolve) => {
        const ws = new WebSocket(server.wsUrl, { origin: 'https://evil.example' });
        ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
        ws.on('open', () => resolve('open'));
        ws.on('error', (e) => resolve(e.message));
      });
      expect(refused).toBe('403');
      expect(events).toContainEqual(expect.objectContaining({ event: 'refused', reason: 'origin' }));
    } finally {
      await server.close();
    }
  });
});

describe('the office command line (npm run map)', () => {
  it('creates a map and invites a member, printing links once', () => {
    const env = {
      ...process.env,
      CRM_STORE_DIR: join(store.dir, 'cli'),
      CRM_PUBLIC_URL: 'https://map.example.gov.tw/',
    };
    const run = (...args: string[]) =>
      execFileSync(process.execPath, ['--import', 'tsx', 'src/server/admin-cli.ts', ...args], {
        env,
        encoding: 'utf8',
      });
    expect(run('create', 'chiayi', '嘉義縣政府')).toMatch(
      /link\s+https:\/\/map\.example\.gov\.tw\/#shared=county%2Fchiayi&token=[\w-]{43}/,
    );
    expect(run('invite', 'chiayi', 'member', 'minxiong', '民雄鄉公所', 'township-office')).toMatch(
      /document\s+org\/minxiong/,
    );
  });
});
