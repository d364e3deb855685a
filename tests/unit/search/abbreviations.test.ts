import { describe, expect, it } from 'vitest';
import { ManifestError, parseManifest } from '../../../src/domain/model/manifest.ts';
import { DEFAULT_ABBREVIATIONS } from '../../../src/domain/search/default-abbreviations.ts';
import { parseQuery } from '../../../src/domain/search/parse-query.ts';
import { createQueryReader } from '../../../src/domain/search/query-reader.ts';
import { manifest } from './real-data.ts';

const minimal = {
  title: { zh: '地圖', en: 'Map' },
  files: [],
  categories: [],
  serviceTags: [],
  basemaps: [],
};
const problemsOf = (searchAbbreviations: unknown) => {
  try {
    parseManifest({ ...minimal, searchAbbreviations });
    return [];
  } catch (error) {
    return error instanceof ManifestError ? error.problems : [String(error)];
  }
};

describe('search abbreviations: data in the manifest, with defaults', () => {
  it('reads the app manifest’s list (the issue’s 社福, 心衛, 長照, 課輔, 日照)', () => {
    const shorts = manifest.searchAbbreviations?.map((a) => a.short) ?? [];
    expect(shorts).toEqual(expect.arrayContaining(['社福', '心衛', '長照', '課輔', '日照']));
    expect(manifest.searchAbbreviations?.find((a) => a.short === '課輔')?.full).toEqual([
      '課後輔導',
      '課後照顧',
    ]);
  });

  it('a manifest without the list uses the defaults', () => {
    expect(parseManifest(minimal).searchAbbreviations).toBeUndefined();
    const reader = createQueryReader({
      ...minimal,
      abbreviations: undefined,
      recordPlaces: [],
      english: null,
    });
    expect(reader.terms('日照')[0]?.alternatives).toEqual(['日照', '日間照顧']);
    expect(DEFAULT_ABBREVIATIONS.map((a) => a.short)).toContain('日照');
  });

  it('an office’s own list replaces the defaults', () => {
    const own = parseManifest({ ...minimal, searchAbbreviations: { 老服: '老人服務' } });
    const reader = createQueryReader({
      ...minimal,
      abbreviations: own.searchAbbreviations,
      recordPlaces: [],
      english: null,
    });
    expect(parseQuery('老服中心', reader.vocabulary).map((t) => t.alternatives)).toEqual([
      ['老服', '老人服務'],
      ['中心'],
    ]);
    expect(reader.terms('日照')[0]?.kind).toBe('text');
  });

  it.each([
    [[], 'searchAbbreviations must be an object of short form → full form'],
    ['社福', 'searchAbbreviations must be an object of short form → full form'],
    [{ 社福: '' }, 'searchAbbreviations["社福"] must name a full form, e.g. "社會福利"'],
    [{ 社福: [1, 2] }, 'searchAbbreviations["社福"] must name a full form, e.g. "社會福利"'],
  ])('%j is refused with a clear problem', (value, problem) => {
    expect(problemsOf(value)).toEqual([problem]);
  });
});
