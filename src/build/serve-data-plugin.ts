import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { confidentialManifest } from '../domain/publish/confidential.ts';
import { compileDataPack } from './compile-data-pack.ts';
import { listedFiles, publishedFiles } from './published-files.ts';

const TYPES: Record<string, string> = {
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
};

/**
 * Serves the files of a data folder at /data/ as static hosts do: with their length (HEAD included), and the
 * compiled .pack and .positions files (compressed already) as application/octet-stream, not compressed again.
 */
function dataMiddleware(folder: () => string) {
  return (
    req: { url?: string; method?: string },
    res: import('node:http').ServerResponse,
    next: () => void,
  ) => {
    const root = folder();
    const match = /^\/data\/([^/?#]+)/.exec(req.url ?? '');
    const name = match?.[1] ? decodeURIComponent(match[1]) : undefined;
    const path = name ? join(root, name) : undefined;
    if (!name || !path?.startsWith(root) || !existsSync(path)) return next();
    res.setHeader('Content-Type', TYPES[extname(name)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    // A HEAD (the page checking a pack is current) reads the file's size, not the file.
    if (req.method === 'HEAD') {
      res.setHeader('Content-Length', statSync(path).size);
      res.end();
      return;
    }
    const bytes = readFileSync(path);
    res.setHeader('Content-Length', bytes.byteLength);
    res.end(bytes);
  };
}

/**
 * Serves the top-level data/ folder at /data/ in dev, and copies it into the build.
 * The app fetches data/manifest.json at start, so an office replaces data/ without touching code.
 * The build ships only what is public: files, records, columns and categories marked internal in the manifest
 * (or in a record's 公開/visibility cell) are dropped here, at build time (see domain/publish/confidential.ts).
 * It fails closed (build/published-files.ts): only files the manifest lists, matched exactly, are published; a
 * listed file that cannot be read stops the build.
 * The build also compiles the public files (build/compile-data-pack.ts), so that the page downloads the result of
 * the loading chain instead of running it.
 * Preview serves the built dist/ itself, so it shows exactly what a public deployment would.
 */
export function serveDataPlugin(dataDir: string): Plugin {
  const root = resolve(dataDir);
  const files = () => readdirSync(root).filter((f) => f in TYPES || extname(f) in TYPES);
  return {
    name: 'serve-data',
    configureServer: (server) => void server.middlewares.use(dataMiddleware(() => root)),
    // Before Vite's own middlewares (its on-the-fly compression included): the built data/ as a host serves it.
    configurePreviewServer: (server) =>
      void server.middlewares.use(
        dataMiddleware(() => resolve(server.config.root, server.config.build.outDir, 'data')),
      ),
    generateBundle() {
      const manifestPath = join(root, 'manifest.json');
      if (!existsSync(manifestPath)) {
        this.warn(`${dataDir}/manifest.json is missing: no data file is published`);
        return;
      }
      let manifestJson: unknown;
      try {
        manifestJson = JSON.parse(readFileSync(manifestPath, 'utf8'));
      } catch (error) {
        this.error(
          `${dataDir}/manifest.json cannot be read: ${error instanceof Error ? error.message : error}`,
        );
      }
      const { rules, publicManifest } = confidentialManifest(manifestJson);
      const shipped = publishedFiles({ root, label: dataDir }, files(), listedFiles(manifestJson), rules, {
        warn: (message) => this.warn(message),
        fail: (message) => this.error(message),
      });
      let manifest = publicManifest;
      const compiled = compileDataPack(publicManifest, (name) => shipped.get(name));
      if ('problem' in compiled) {
        this.warn(`data/ not compiled (${compiled.problem}): the page will load the files themselves`);
      } else {
        shipped.set(compiled.pack.fileName, compiled.pack.bytes);
        shipped.set(compiled.positions.fileName, compiled.positions.bytes);
        manifest = {
          ...(publicManifest as object),
          pack: compiled.pack.fileName,
          packPositions: compiled.positions.fileName,
        };
      }
      shipped.set('manifest.json', new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
      for (const [name, source] of shipped)
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source });
    },
  };
}
