import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/** A free port on 127.0.0.1 (asked of the kernel, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function redisServerPath(): string {
  for (const path of ['/usr/bin/redis-server', '/usr/local/bin/redis-server'])
    if (existsSync(path)) return path;
  // As tests/e2e/run-e2e.sh does for Chromium: root on Debian installs the package; anyone else is told how.
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.warn('redis-server not found; installing Debian’s redis-server…');
    execFileSync('apt-get', ['install', '-y', 'redis-server'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync('/usr/bin/redis-server')) return '/usr/bin/redis-server';
  }
  throw new Error(
    'The scale-out test needs redis-server. On Debian/Ubuntu, as root: apt-get update && apt-get install -y redis-server',
  );
}

/** A throwaway Redis on loopback: no snapshots, no append-only file. */
export async function startRedis(): Promise<{
  port: number;
  child: ChildProcess;
  stop: () => Promise<void>;
}> {
  const port = await freePort();
  const child = spawn(
    redisServerPath(),
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  const start = Date.now();
  while (!/Ready to accept connections/i.test(output)) {
    if (child.exitCode !== null || Date.now() - start > 10_000)
      throw new Error(`redis-server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    port,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
