import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * End-to-end journeys in real Chromium against the built app (dist/).
 * A config of its own, so the unit and component projects of vite.config.ts are not picked up.
 */
export default defineConfig({
  root: repoRoot,
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // One browser at a time: CI machines have two cores, and Chromium wants both.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // The app settles in well under a second; five leave room for a slow CI machine.
    expect: { poll: { timeout: 5_000 } },
    // A journey runs a real browser (and for the shared map a real server) on two cores: one retry, so that a
    // machine stalled by something else does not fail the build. A retried journey is printed as such, and one
    // that fails twice fails the run.
    retry: 1,
  },
});
