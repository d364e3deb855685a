/**
 * `npm start`: the built app (dist/) and the sync server, from one process on one port. See README
 * ("Sharing a map") for the environment variables; the address printed is the one to open.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serverOptionsFromEnv } from './server-env.ts';
import { createSyncServer } from './sync-server.ts';

const options = serverOptionsFromEnv();
const staticDir = options.staticDir ? resolve(options.staticDir) : undefined;
if (staticDir && !existsSync(resolve(staticDir, 'index.html'))) {
  console.warn(
    `${staticDir}/index.html not found: run \`npm run build\` first; serving the sync server only`,
  );
}
const server = createSyncServer({ ...options, ...(staticDir ? { staticDir } : {}) });
await server.listen();
console.log(`共生資源地圖 serving ${server.httpUrl}`);
console.log(`  sync server  ${server.wsUrl}`);
console.log(`  store        ${server.store.dir}`);
if (options.publicUrl) console.log(`  public URL   ${options.publicUrl}`);
if (options.redis) console.log(`  redis        ${options.redis.host}:${options.redis.port}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
