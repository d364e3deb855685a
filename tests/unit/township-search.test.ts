import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../src/domain/geo/gazetteer.ts';
import { findTownships } from '../../src/domain/geo/township-search.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { repoFile } from './fixture-paths.ts';

const { townships } = buildGazetteer(
  parseDelimitedText(readFileSync(repoFile('data', 'tw-township-centroids.csv'), 'utf8')).rows,
);
const names = (typed: string) => findTownships(townships, typed).map((t) => `${t.county}${t.town}`);

describe('findTownships', () => {
  it.each([
    ['民雄', ['嘉義縣民雄鄉']],
    ['民雄鄉', ['嘉義縣民雄鄉']],
    ['嘉義縣 民雄鄉', ['嘉義縣民雄鄉']],
    ['台北市士林區', ['臺北市士林區']],
    ['621', ['嘉義縣民雄鄉']],
  ])('"%s" finds %j', (typed, expected) => {
    expect(names(typed)).toEqual(expected);
  });

  it('lists every county for a name several share, so the person can pick', () => {
    const east = names('東區');
    expect(east.length).toBeGreaterThan(1);
    expect(east.every((n) => n.endsWith('東區'))).toBe(true);
  });

  it('puts an exact name before names that merely start with it', () => {
    expect(names('信義')[0]).toMatch(/信義(區|鄉)$/);
  });

  it('finds nothing for nothing', () => {
    expect(names('')).toEqual([]);
    expect(names('不存在鄉')).toEqual([]);
  });
});
