import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { charsBySource, moduleName } from './source-map-lookup.ts';

export interface JsFileSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface InitialJsSize {
  /** Scripts and module preloads of index.html, with their static imports. */
  readonly initial: readonly JsFileSize[];
  /** Workers the initial scripts start (fetched at start-up too, but off the main thread). */
  readonly workers: readonly JsFileSize[];
  /** Initial JS per module (npm package or source file), gzip bytes estimated pro rata from the source maps. */
  readonly modules: readonly { readonly name: string; readonly gzipBytes: number }[];
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`).exec(tag)?.[1];

function sizeOf(distDir: string, path: string): JsFileSize {
  const bytes = readFileSync(path);
  return {
    file: relative(distDir, path),
    bytes: bytes.length,
    gzipBytes: gzipSync(bytes, { level: 6 }).length,
  };
}

/** The JavaScript the built index.html loads before anything is imported on demand, gzipped (level 6). */
export function measureInitialJs(distDir: string): InitialJsSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entries: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isModule = tag.startsWith('<script') && attr(tag, 'src');
    const isPreload = tag.startsWith('<link') && attr(tag, 'rel') === 'modulepreload';
    const url = isModule ? attr(tag, 'src') : isPreload ? attr(tag, 'href') : undefined;
    if (url && !/^[a-z]+:/i.test(url)) entries.push(resolve(distDir, url.replace(/^\//, '')));
  }
  const seen = new Set<string>();
  const workers = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (seen.has(path) || !existsSync(path)) continue;
    seen.add(path);
    const code = readFileSync(path, 'utf8');
    // Static imports only (`import{a}from"./x.js"`, `import"./x.js"`); import() is loaded on demand.
    for (const m of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(resolve(dirname(path), m[1] as string));
    }
    for (const m of code.matchAll(
      /new Worker\(\s*new URL\(\s*new URL\(\s*[`"']([^`"']+\.js)[`"']|new Worker\(\s*new URL\(\s*[`"']([^`"']+\.js)[`"']/g,
    )) {
      workers.add(resolve(dirname(path), (m[1] ?? m[2]) as string));
    }
  }
  const assets = join(distDir, 'assets');
  if (workers.size === 0 && existsSync(assets)) {
    for (const f of readdirSync(assets)) if (/worker.*\.js$/.test(f)) workers.add(join(assets, f));
  }
  const modules = new Map<string, number>();
  for (const path of seen) {
    if (!existsSync(`${path}.map`)) continue;
    const code = readFileSync(path, 'utf8');
    const chars = charsBySource(JSON.parse(readFileSync(`${path}.map`, 'utf8')), code);
    const gzipPerChar = sizeOf(distDir, path).gzipBytes / Math.max(1, code.length);
    for (const [source, n] of chars) {
      const module = moduleName(source);
      const name = module.startsWith('src/') ? `${module.split('/').slice(0, -1).join('/')}/` : module;
      modules.set(name, (modules.get(name) ?? 0) + n * gzipPerChar);
    }
  }
  return {
    modules: [...modules]
      .map(([name, gzipBytes]) => ({ name, gzipBytes }))
      .sort((a, b) => b.gzipBytes - a.gzipBytes),
    initial: [...seen].map((p) => sizeOf(distDir, p)),
    workers: [...workers].filter((p) => existsSync(p)).map((p) => sizeOf(distDir, p)),
  };
}
