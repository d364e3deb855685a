import { request } from 'node:http';
import type { Plugin } from 'vite';

/** The local map `npm run dev` creates on first start, so that two windows can share it at once. */
export const DEV_COUNTY = 'local';

/**
 * `npm run dev` also runs a sync server on 127.0.0.1 (a free port, or CRM_SYNC_PORT), with its SQLite file in
 * the store folder (CRM_STORE_DIR, else ~/.local/share/community-resource-map). The page finds it at
 * GET /__crm/sync.json ({ url, httpUrl }). On the first start it creates the map `local` and prints its office
 * link once. CRM_SYNC=off leaves it out; under Vitest it never starts. A failure to start is a warning: the map
 * itself works without a server.
 */
export function syncServerPlugin(): Plugin {
  return {
    name: 'crm-sync-server',
    apply: 'serve',
    async configureServer(server) {
      if (process.env.VITEST || process.env.CRM_SYNC === 'off') return;
      let sync: Awaited<ReturnType<typeof start>> | undefined;
      try {
        sync = await start();
      } catch (error) {
        server.config.logger.warn(
          `sync server not started: ${error instanceof Error ? error.message : error}`,
        );
        return;
      }
      const running = sync.server;
      const invitation = sync.invitation;
      if (invitation) {
        server.httpServer?.once('listening', () => {
          const page = server.resolvedUrls?.local[0] ?? running.httpUrl;
          console.log(
            `  ➜  Shared map "${DEV_COUNTY}" created; office link (shown once): ${sync.link(page, invitation)}`,
          );
        });
      }
      server.httpServer?.once('close', () => void running.close());
      // The office's API beside the page, as `npm start` serves it: same origin, so no CORS and the token stays
      // in a header the page sends only to its own server.
      for (const path of ['/api/', '/published/']) {
        server.middlewares.use(path, (req, res) => {
          const target = new URL(`${path.slice(1)}${(req.url ?? '').replace(/^\//, '')}`, running.httpUrl);
          const forward = request(target, { method: req.method, headers: req.headers }, (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          });
          forward.on('error', () => {
            res.statusCode = 502;
            res.end();
          });
          req.pipe(forward);
        });
      }
      server.middlewares.use('/__crm/sync.json', (_req, res) => {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ url: running.wsUrl, httpUrl: running.httpUrl }));
      });
    },
  };
}

async function start() {
  const { createSyncServer } = await import('../server/sync-server.ts');
  const { storeDirFromEnv } = await import('../server/store-dir.ts');
  const sync = createSyncServer({
    host: '127.0.0.1',
    port: Number(process.env.CRM_SYNC_PORT ?? 0),
    storeDir: storeDirFromEnv(),
    dataDir: process.env.CRM_DATA_DIR ?? 'data',
    log: () => {},
  });
  await sync.listen();
  console.log(`  ➜  Sync:    ${sync.wsUrl} (store ${sync.store.dir})`);
  const { shareLink } = await import('../server/admin-actions.ts');
  const invitation =
    sync.store.ownerCounty(`county/${DEV_COUNTY}`) === null
      ? sync.admin.createMap(DEV_COUNTY, '本機共享地圖')
      : undefined;
  return {
    server: sync,
    invitation,
    link: (page: string, i: { document: string; token: string }) => shareLink(page, i.document, i.token),
  };
}
