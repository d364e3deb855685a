import { storeDirFromEnv } from './store-dir.ts';
import type { SyncServerOptions } from './sync-server.ts';

/**
 * Server options from the environment: PORT (default 8080), HOST (default 127.0.0.1 — a LAN or proxy setup
 * says 0.0.0.0 on purpose), CRM_STORE_DIR, CRM_PUBLIC_URL, CRM_ALLOWED_ORIGINS (comma-separated),
 * CRM_REDIS (host:port), CRM_STATIC_DIR (default dist), CRM_DATA_DIR (default data).
 */
export function serverOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SyncServerOptions {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not ${env.PORT}`);
  const redis = env.CRM_REDIS?.trim();
  const [redisHost, redisPort] = redis ? splitHostPort(redis) : [];
  const origins = env.CRM_ALLOWED_ORIGINS?.split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port,
    storeDir: storeDirFromEnv(env),
    staticDir: env.CRM_STATIC_DIR?.trim() || 'dist',
    dataDir: env.CRM_DATA_DIR?.trim() || 'data',
    ...(env.CRM_PUBLIC_URL?.trim() ? { publicUrl: env.CRM_PUBLIC_URL.trim() } : {}),
    ...(origins && origins.length > 0 ? { allowedOrigins: origins } : {}),
    ...(redisHost && redisPort ? { redis: { host: redisHost, port: redisPort } } : {}),
  };
}

function splitHostPort(value: string): [string, number] {
  const at = value.lastIndexOf(':');
  const port = Number(value.slice(at + 1));
  if (at <= 0 || !Number.isInteger(port)) throw new Error(`CRM_REDIS must be host:port, not ${value}`);
  return [value.slice(0, at), port];
}
