import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDataPlugin } from '../../src/build/serve-data-plugin.ts';
import { confidentialManifest, publicVersion } from '../../src/domain/publish/confidential.ts';
import { repoFile } from './fixture-paths.ts';

const fixture = repoFile('tests', 'fixtures', 'confidential-data');
const read = (name: string) => new Uint8Array(readFileSync(join(fixture, name)));
const text = (bytes: Uint8Array | null) => (bytes ? new TextDecoder().decode(bytes) : '');
const { rules, publicManifest } = confidentialManifest(
  JSON.parse(readFileSync(join(fixture, 'manifest.json'), 'utf8')),
);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the public version of a data file', () => {
  it('drops internal rows (公開 = 內部), rows of an internal category (庇護家園 is an alias of 庇護所) and internal columns', () => {
    const rule = rules.get('public-centres.csv');
    if (!rule) throw new Error('no rule');
    const out = publicVersion(read('public-centres.csv'), rule);
    expect(out.droppedRecords).toBe(2);
    expect(out.droppedColumns).toEqual(['聯絡人姓名']);
    expect(text(out.bytes)).not.toContain('SECRET');
    expect(text(out.bytes)).toContain('民雄公開中心');
    expect(text(out.bytes)).toContain('太保公開中心');
  });

  it('ships nothing of an internal file or of a file whose category is internal', () => {
    for (const name of ['shelters-SECRET-FILE.csv', 'halfway-houses.geojson']) {
      const rule = rules.get(name);
      if (!rule) throw new Error(name);
      expect(publicVersion(read(name), rule).bytes).toBeNull();
    }
  });

  it('filters GeoJSON features by visibility and category properties', () => {
    const rule = rules.get('mixed-points.geojson');
    if (!rule) throw new Error('no rule');
    const out = text(publicVersion(read('mixed-points.geojson'), rule).bytes);
    expect(out).not.toContain('SECRET');
    expect(JSON.parse(out).features).toHaveLength(1);
    expect(out).not.toContain('聯絡人姓名');
  });

  it('leaves a file with nothing confidential byte for byte', () => {
    const bytes = new TextEncoder().encode('名稱,地址\r\n甲,乙\r\n');
    const rule = {
      visibility: 'public' as const,
      internalColumns: [],
      fileCategoryInternal: false,
      internalCategories: [],
    };
    expect(publicVersion(bytes, rule).bytes).toBe(bytes);
  });

  it('removes internal files, internal categories and the internal column names from the manifest', () => {
    const json = JSON.stringify(publicManifest);
    expect(json).not.toContain('SECRET');
    expect(json).not.toContain('halfway-houses');
    expect(json).not.toContain('庇護所');
    expect(json).not.toContain('聯絡人姓名');
  });
});

describe('a production build with internal data (real Vite build, dist grepped)', () => {
  let root: string;
  let outDir: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'crm-confidential-'));
    outDir = join(root, 'dist');
    writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
    writeFileSync(join(root, 'main.js'), 'fetch("data/manifest.json");');
    await build({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [serveDataPlugin(fixture)],
      build: { outDir, emptyOutDir: true },
    });
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('no file in dist/ holds any confidential string, file name or column', () => {
    const files = filesUnder(outDir);
    expect(files.some((f) => f.endsWith('public-centres.csv'))).toBe(true);
    for (const file of files) {
      expect(file).not.toContain('SECRET');
      const content = readFileSync(file, 'utf8');
      expect(content, file).not.toMatch(/SECRET|聯絡人姓名|庇護所|中途之家/);
    }
  });

  it('ships the public records', () => {
    const csv = readFileSync(join(outDir, 'data', 'public-centres.csv'), 'utf8');
    expect(csv).toContain('民雄公開中心');
    expect(readFileSync(join(outDir, 'data', 'mixed-points.geojson'), 'utf8')).toContain('公開協會');
  });
});

describe('the app’s own dist/ (after `npm run build`)', () => {
  const dist = repoFile('dist', 'data');
  it.skipIf(!existsSync(dist))('ships exactly the public version of every data file', () => {
    const { rules: realRules } = confidentialManifest(
      JSON.parse(readFileSync(repoFile('data', 'manifest.json'), 'utf8')),
    );
    for (const [path, rule] of realRules) {
      const expected = publicVersion(new Uint8Array(readFileSync(repoFile('data', path))), rule).bytes;
      const shipped = join(dist, path);
      if (expected === null) expect(existsSync(shipped), path).toBe(false);
      else expect(new Uint8Array(readFileSync(shipped)), path).toEqual(expected);
    }
  });
});
