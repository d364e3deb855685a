/**
 * The README's first command runs the app through the Vite dev server, where React StrictMode mounts every
 * component twice. This journey checks that what a newcomer sees there works too: data, list and map markers.
 */
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from './driver.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

let server: ViteDevServer;
let browser: BrowserSession;

beforeAll(async () => {
  server = await createServer({
    root: repoRoot,
    configFile: `${repoRoot}vite.config.ts`,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false, open: false, hmr: false },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite dev server started but reported no local URL');
  browser = await BrowserSession.start(url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the dev server (npm run dev)', () => {
  it('loads the default data and draws markers on the map', async () => {
    // The first screen fits the deployment's county; a view of both counties shows every record's marker.
    const app = await browser.openApp({ search: '?at=23.9,119.4,7' });
    expect(await app.resultCount()).toBe(111);
    await expect.poll(async () => (await app.mapMarkers()).total, { timeout: 30_000 }).toBe(111);
    await app.close();
  });
});
