import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where `vite preview` serves the built app, e.g. http://127.0.0.1:41234/ */
    appUrl: string;
  }
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Serves the built dist/ (with the data/ folder, as the real site does) on a free local port. */
export default async function setup(project: TestProject) {
  if (!existsSync(`${repoRoot}dist/index.html`)) {
    throw new Error(
      'dist/index.html is missing: run `npm run build` (or `bash tests/e2e/run-e2e.sh`) first.',
    );
  }
  // Serve a copy: a `vite build` started meanwhile (another terminal, a watcher) empties dist/ under our feet.
  const snapshot = mkdtempSync(join(tmpdir(), 'crm-e2e-dist-'));
  cpSync(`${repoRoot}dist`, snapshot, { recursive: true });
  const server = await preview({
    root: repoRoot,
    configFile: `${repoRoot}vite.config.ts`,
    logLevel: 'warn',
    build: { outDir: snapshot },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview started but reported no local URL');
  project.provide('appUrl', url);
  return async () => {
    await server.close();
    rmSync(snapshot, { recursive: true, force: true });
  };
}
