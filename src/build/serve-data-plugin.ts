import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const TYPES: Record<string, string> = {
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
};

/**
 * Serves the top-level data/ folder at /data/ in dev and preview, and copies it into the build.
 * The app fetches data/manifest.json at start, so an office replaces data/ without touching code.
 */
export function serveDataPlugin(dataDir: string): Plugin {
  const root = resolve(dataDir);
  const files = () => readdirSync(root).filter((f) => f in TYPES || extname(f) in TYPES);
  const middleware = (req: { url?: string }, res: import('node:http').ServerResponse, next: () => void) => {
    const match = /^\/data\/([^/?#]+)/.exec(req.url ?? '');
    const name = match?.[1] ? decodeURIComponent(match[1]) : undefined;
    const path = name ? join(root, name) : undefined;
    if (!name || !path?.startsWith(root) || !existsSync(path)) return next();
    res.setHeader('Content-Type', TYPES[extname(name)] ?? 'application/octet-stream');
    res.end(readFileSync(path));
  };
  return {
    name: 'serve-data',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
    generateBundle() {
      for (const name of files()) {
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(join(root, name)) });
      }
    },
  };
}
