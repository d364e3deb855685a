import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'fflate';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pwaPlugin } from '../../src/build/pwa-plugin.ts';
import { serveDataPlugin } from '../../src/build/serve-data-plugin.ts';
import { compressedSections } from '../../src/domain/publish/dataset-pack.ts';
import { repoFile } from './fixture-paths.ts';

// Each leak the hardening issue found, planted in a copy of the confidential fixture folder; the real build
// (data plugin and service worker) runs over it and every file of dist/ is read: the data files, the compiled
// pack inflated section by section, the service worker's precache list and every source map.

const fixture = repoFile('tests', 'fixtures', 'confidential-data');
const LEAK = /LEAK/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const point = (properties: object, lng = 120.43) =>
  ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lng, 23.55] } }) as const;

/** A copy of the fixture folder with more files listed in its manifest. */
function dataFolder(root: string, files: Record<string, string>, listed: object[]): string {
  const dir = join(root, 'data');
  cpSync(fixture, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.files.push(...listed);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

const listedAs = (path: string, visibility = 'public') => ({
  path,
  category: 'community-association',
  source: '測試',
  visibility,
  sample: false,
});

async function buildWith(root: string, dataDir: string) {
  const warnings: string[] = [];
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body><script type="module" src="./main.js"></script></body></html>',
  );
  writeFileSync(join(root, 'main.js'), 'fetch("data/manifest.json").then((r) => console.log(r.status));');
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [serveDataPlugin(dataDir), pwaPlugin()],
    build: {
      outDir: join(root, 'dist'),
      emptyOutDir: true,
      sourcemap: true,
      rollupOptions: { onwarn: (w: Rollup.RollupLog) => void warnings.push(w.message) },
    },
  });
  return warnings;
}

/** Every readable text of a pack: its header and each section inflated, as UTF-8 and as UTF-16LE. */
function packTexts(bytes: Uint8Array): string[] {
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  const raw = [
    inflateSync(bytes.subarray(8, 8 + headerLength)),
    ...compressedSections(bytes).map((s) => inflateSync(s.stored)),
  ];
  return raw.flatMap((b) => [new TextDecoder().decode(b), new TextDecoder('utf-16le').decode(b)]);
}

describe('a public build fails closed (each leak planted, dist/ read whole)', () => {
  let root: string;
  let warnings: string[];
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'crm-fail-closed-'));
    const features = [
      point({ 名稱: '公開的布林據點', 公開: true }),
      point({ 名稱: 'LEAK-BOOLEAN-FALSE', 公開: false }, 120.44),
      point({ 名稱: 'LEAK-NUMBER-ZERO', 公開: 0 }, 120.45),
      point({ 名稱: 'LEAK-OBJECT', visibility: { public: true } }, 120.46),
    ];
    const csv = [
      '名稱,地址,是否公開',
      '公開列據點,嘉義縣民雄鄉中樂路1號,是',
      'LEAK-非公開,嘉義縣民雄鄉中樂路2號,非公開',
      'LEAK-N,嘉義縣民雄鄉中樂路3號,N',
      'LEAK-0,嘉義縣民雄鄉中樂路4號,0',
      'LEAK-不公開,嘉義縣民雄鄉中樂路5號,不公開',
      'LEAK-UNRECOGNISED,嘉義縣民雄鄉中樂路6號,待確認',
      'LEAK-FULLWIDTH-N,嘉義縣民雄鄉中樂路7號,Ｎ',
    ].join('\r\n');
    const dataDir = dataFolder(
      root,
      {
        'boolean-visibility.geojson': JSON.stringify({ type: 'FeatureCollection', features }),
        'visibility-words.csv': csv,
        'unlisted-LEAK.csv': '名稱,地址\r\nLEAK-UNLISTED,嘉義縣民雄鄉\r\n',
        'unlisted-LEAK.geojson': JSON.stringify({
          type: 'FeatureCollection',
          features: [point({ 名稱: 'LEAK' })],
        }),
      },
      [listedAs('boolean-visibility.geojson'), listedAs('visibility-words.csv')],
    );
    warnings = await buildWith(root, dataDir);
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('ships no planted leak in any file: data, pack (inflated), service worker, source maps', () => {
    const files = filesUnder(join(root, 'dist'));
    expect(files.some((f) => f.endsWith('sw.js'))).toBe(true);
    expect(files.some((f) => f.endsWith('.map'))).toBe(true);
    const packs = files.filter((f) => /\.(pack|positions)$/.test(f));
    expect(packs.length).toBe(2);
    for (const file of files) {
      expect(file).not.toMatch(LEAK);
      const bytes = new Uint8Array(readFileSync(file));
      const texts = /\.(pack|positions)$/.test(file) ? packTexts(bytes) : [new TextDecoder().decode(bytes)];
      for (const text of texts) expect(text, file).not.toMatch(/LEAK|SECRET/);
    }
  });

  it('ships the public records beside them (in the files and in the pack)', () => {
    const dist = join(root, 'dist', 'data');
    expect(readFileSync(join(dist, 'boolean-visibility.geojson'), 'utf8')).toContain('公開的布林據點');
    expect(readFileSync(join(dist, 'visibility-words.csv'), 'utf8')).toContain('公開列據點');
    const pack = readdirSync(dist).find((f) => f.endsWith('.pack')) ?? '';
    expect(packTexts(new Uint8Array(readFileSync(join(dist, pack)))).join('')).toContain('公開列據點');
  });

  it('warns about every unrecognised visibility value, naming the file and row, and every unlisted file', () => {
    const text = warnings.join('\n');
    expect(text).toMatch(/visibility-words\.csv row 7: visibility "待確認" not recognised/);
    expect(text).toMatch(/boolean-visibility\.geojson row 4: visibility "\[object Object\]" not recognised/);
    expect(text).toMatch(/unlisted-LEAK\.csv is not listed in manifest\.json: not published/);
  });
});

describe('a listed file the build cannot trust stops the build', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  });
  const tempRoot = () => {
    const r = mkdtempSync(join(tmpdir(), 'crm-fail-closed-'));
    roots.push(r);
    return r;
  };

  it('a manifest path whose capitalisation differs from the file on disk (an internal file named so) fails', async () => {
    const root = tempRoot();
    const dataDir = dataFolder(root, { 'staff-LEAK.csv': '名稱,地址\r\nLEAK-CASE,嘉義縣民雄鄉\r\n' }, [
      listedAs('Staff-LEAK.csv', 'internal'),
    ]);
    await expect(buildWith(root, dataDir)).rejects.toThrow(
      /Staff-LEAK\.csv is listed in manifest\.json but the file on disk is staff-LEAK\.csv/,
    );
  }, 60_000);

  it('a listed GeoJSON with a syntax error fails, naming the file and the reason', async () => {
    const root = tempRoot();
    const dataDir = dataFolder(
      root,
      {
        'broken.geojson': '{"type":"FeatureCollection","features":[{"properties":{"名稱":"LEAK","公開":"否"}',
      },
      [listedAs('broken.geojson')],
    );
    await expect(buildWith(root, dataDir)).rejects.toThrow(/broken\.geojson cannot be read: not valid JSON/);
  }, 60_000);
});
