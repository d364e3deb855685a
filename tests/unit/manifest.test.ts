import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManifestError, parseManifest } from '../../src/domain/model/manifest.ts';
import { repoFile } from './fixture-paths.ts';

const appManifest = JSON.parse(readFileSync(repoFile('data', 'manifest.json'), 'utf8'));
const minimal = {
  title: { zh: '地圖', en: 'Map' },
  files: [{ path: 'a.csv', category: 'shop' }],
  categories: [{ id: 'shop', label: { zh: '店', en: 'Shop' }, color: '#000000', symbol: 'circle' }],
  serviceTags: [],
  basemaps: [],
};
const problemsOf = (data: unknown): readonly string[] => {
  try {
    parseManifest(data);
    return [];
  } catch (error) {
    if (error instanceof ManifestError) return error.problems;
    throw error;
  }
};

describe('parseManifest', () => {
  it('reads the app manifest', () => {
    const manifest = parseManifest(appManifest);
    expect(manifest.files.map((f) => f.path)).toEqual([
      'chiayi-welfare-centers.csv',
      'kinmen-social-services.geojson',
      'sample-friendly-shops.geojson',
      'sample-community-resources.csv',
    ]);
    expect(manifest.files.map((f) => f.sample)).toEqual([false, false, true, true]);
    expect(manifest.gazetteer).toBe('tw-township-centroids.csv');
    expect(manifest.categories.map((c) => c.id)).toContain('care-point');
    expect(manifest.basemaps[0]).toMatchObject({ id: 'emap', maxZoom: 19 });
  });

  it('fills in defaults for optional fields', () => {
    expect(parseManifest(minimal)).toMatchObject({
      title: { zh: '地圖', en: 'Map' },
      files: [{ path: 'a.csv', category: 'shop', source: '', visibility: 'public', sample: false }],
      gazetteer: 'tw-township-centroids.csv',
      categories: [
        { id: 'shop', label: { zh: '店', en: 'Shop' }, aliases: [], color: '#000000', symbol: 'circle' },
      ],
      serviceTags: [],
      basemaps: [],
    });
  });

  it('keeps a county and internal visibility only when given as text / "internal"', () => {
    const files = [
      { path: 'a.csv', category: 'shop', county: '嘉義縣', visibility: 'internal', sample: true },
      { path: 'b.csv', category: 'shop', county: 7, visibility: 'secret', sample: 'yes' },
    ];
    expect(parseManifest({ ...minimal, files }).files).toEqual([
      { path: 'a.csv', category: 'shop', county: '嘉義縣', source: '', visibility: 'internal', sample: true },
      { path: 'b.csv', category: 'shop', source: '', visibility: 'public', sample: false },
    ]);
  });

  it.each([
    { case: 'not an object', data: [], problem: 'not a JSON object' },
    { case: 'null', data: null, problem: 'files must be a list' },
    {
      case: 'title without en',
      data: { ...minimal, title: { zh: '地圖' } },
      problem: 'title.en must be a non-empty text',
    },
    { case: 'files not a list', data: { ...minimal, files: {} }, problem: 'files must be a list' },
    {
      case: 'file without path',
      data: { ...minimal, files: [{ category: 'shop' }] },
      problem: 'files[0].path must be a non-empty text',
    },
    {
      case: 'file with an unknown category',
      data: { ...minimal, files: [{ path: 'a.csv', category: 'bakery' }] },
      problem: 'files[0].category "bakery" is not a category id',
    },
    {
      case: 'category with an unknown symbol',
      data: { ...minimal, categories: [{ ...minimal.categories[0], symbol: 'skull' }] },
      problem:
        'categories[0].symbol must be one of circle, square, triangle, diamond, star, hexagon, cross, heart',
    },
    {
      case: 'service tag without id',
      data: { ...minimal, serviceTags: [{ label: { zh: '餐', en: 'Meals' } }] },
      problem: 'serviceTags[0].id must be a non-empty text',
    },
    {
      case: 'basemap without url',
      data: { ...minimal, basemaps: [{ id: 'x', label: { zh: 'x', en: 'x' }, attribution: 'x' }] },
      problem: 'basemaps[0].url must be a non-empty text',
    },
  ])('lists what is wrong: $case', ({ data, problem }) => {
    expect(problemsOf(data)).toContain(problem);
  });

  it('lists every problem at once, in the error message too', () => {
    const broken = { ...minimal, title: {}, files: [{}] };
    const problems = problemsOf(broken);
    expect(problems).toEqual([
      'title.zh must be a non-empty text',
      'title.en must be a non-empty text',
      'files[0].path must be a non-empty text',
      'files[0].category must be a non-empty text',
    ]);
    expect(() => parseManifest(broken)).toThrow(/^manifest\.json: title\.zh must be a non-empty text; /);
  });
});
