/**
 * A static web server whose published version can be replaced while tabs are open, as a deploy replaces the files
 * of a site: the old version's hashed files are then gone (404). Listens on 127.0.0.1, on a port the system picks.
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.geojson': 'application/geo+json',
};

export class VersionedSite {
  private root: string;

  private constructor(
    private readonly server: Server,
    root: string,
  ) {
    this.root = root;
  }

  /** Serves the built app in `root` (a folder like dist/). */
  static async start(root: string): Promise<VersionedSite> {
    let site: VersionedSite | undefined;
    const server = createServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      const file = site?.fileFor(path);
      if (!file) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      const body = readFileSync(file);
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        // As a careful host serves an app shell: always revalidated, so a deploy shows on the next request.
        'cache-control': 'no-cache',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    });
    site = new VersionedSite(server, root);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return site;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** From now on the site serves the version in `root`, and only it. */
  publish(root: string): void {
    this.root = root;
  }

  /** Whether the published version has this file (a path such as `assets/export-dialog-Bx1.js`). */
  has(path: string): boolean {
    return this.fileFor(`/${path}`) !== null;
  }

  /** The published version's asset whose name starts with `prefix-` (e.g. `export-dialog` → assets/export-dialog-Bx1.js). */
  assetNamed(prefix: string, extension = '.js'): string {
    const name = readdirSync(join(this.root, 'assets')).find(
      (file) => file.startsWith(`${prefix}-`) && file.endsWith(extension),
    );
    if (!name) throw new Error(`No asset ${prefix}-*${extension} in ${this.root}`);
    return `assets/${name}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private fileFor(path: string): string | null {
    const relative = normalize(path === '/' ? '/index.html' : path);
    const file = join(this.root, relative);
    if (!file.startsWith(this.root + sep) || !existsSync(file) || !statSync(file).isFile()) return null;
    return file;
  }
}

/** A copy of the built app in a temporary folder (the version a tab first opens). */
export function copyOfBuild(dist: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'crm-e2e-v1-'));
  cpSync(dist, copy, { recursive: true });
  return copy;
}

/**
 * The next release of a build, as a deploy would publish it: every hashed file under assets/ gets a new name (its
 * hash + "v2"), every reference to it in the HTML, scripts, styles and the service worker follows, and the service
 * worker's revisions of the unhashed files (index.html, icons) change, so sw.js differs and the browser installs it.
 */
export function nextReleaseOf(build: string): string {
  const next = mkdtempSync(join(tmpdir(), 'crm-e2e-v2-'));
  cpSync(build, next, { recursive: true });
  const assets = join(next, 'assets');
  const renames = readdirSync(assets)
    .filter((name) => /-[\w-]{8}\.(js|css)$/.test(name))
    .map((name) => [name, name.replace(/\.(js|css)$/, 'v2.$1')] as const);
  for (const [from, to] of renames) renameSync(join(assets, from), join(assets, to));
  const texts = [
    ...readdirSync(next)
      .filter((name) => /\.(html|js|webmanifest)$/.test(name))
      .map((name) => join(next, name)),
    ...readdirSync(assets)
      .filter((name) => /\.(js|css)$/.test(name))
      .map((name) => join(assets, name)),
  ];
  for (const file of texts) {
    let text = readFileSync(file, 'utf8');
    for (const [from, to] of renames) text = text.replaceAll(from, to);
    if (file.endsWith(`${sep}sw.js`)) text = text.replace(/revision:"([0-9a-f]+)"/g, 'revision:"$1v2"');
    writeFileSync(file, text);
  }
  return next;
}
