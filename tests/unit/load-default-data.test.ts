import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../src/domain/geo/gazetteer.ts';
import { loadFile, mergeLoadedFiles } from '../../src/domain/loading/load-file.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { parseManifest } from '../../src/domain/model/manifest.ts';
import { readBytes, repoFile } from './fixture-paths.ts';

const manifest = parseManifest(JSON.parse(readFileSync(repoFile('data', 'manifest.json'), 'utf8')));
const gazetteer = buildGazetteer(
  parseDelimitedText(readFileSync(repoFile('data', manifest.gazetteer), 'utf8')).rows,
);

describe('the embedded default data', () => {
  const files = manifest.files.map((f) =>
    loadFile(readBytes(repoFile('data', f.path)), {
      categories: manifest.categories,
      serviceTags: manifest.serviceTags,
      gazetteer,
      defaults: {
        file: f.path,
        category: f.category,
        county: f.county,
        source: f.source,
        visibility: f.visibility,
      },
    }),
  );
  const { resources, issues } = mergeLoadedFiles(files);

  it('loads every row of every file', () => {
    expect(files.map((f) => [f.file, f.rowCount, f.resources.length])).toEqual(
      files.map((f) => [f.file, f.rowCount, f.rowCount]),
    );
    expect(resources.length).toBe(111);
  });

  it('reports nothing worse than approximate placement', () => {
    expect(issues.filter((i) => i.code !== 'approximate-location')).toEqual([]);
  });

  it('places the 民雄 center at 民雄鄉, marked approximate', () => {
    const minxiong = resources.find((r) => r.id === 'chiayi-wc-minxiong');
    expect(minxiong).toMatchObject({
      county: '嘉義縣',
      town: '民雄鄉',
      precision: 'approximate-town',
      category: 'welfare-center',
    });
    expect(minxiong?.phones).toEqual(['(05)220-7017 分機17']);
  });
});
