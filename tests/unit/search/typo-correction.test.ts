import { describe, expect, it } from 'vitest';
import { filterResources, NO_FILTERS } from '../../../src/domain/query/filter-resources.ts';
import { oneEditApart } from '../../../src/domain/search/typo-correction.ts';
import { dataset, reader } from './real-data.ts';

const search = (query: string, more: Partial<typeof NO_FILTERS> = {}) =>
  filterResources(dataset, { ...NO_FILTERS, ...more, query }, undefined, reader);

describe('one wrong character, when nothing matches as typed', () => {
  it.each([
    // Two Chinese characters: only a known place, category, service or abbreviation.
    ['民熊', '民雄'],
    ['布帶', '布袋'],
    ['太寶', '太保'],
    // Three or more: also a spelling the records use.
    ['日安社會福力', '日安社會福利'],
    ['江厝點', '江厝店'],
    ['社會福力服務中心', '社會福利服務中心'],
    // Latin letters: one replaced, added, left out or two swapped, against known names.
    ['minxoing', 'minxiong'],
    ['kinmem', 'kinmen'],
    ['kinmenn', 'kinmen'],
    ['budia', 'budai'],
    // Only the word that finds nothing is changed.
    ['民熊 餐食', '民雄 餐食'],
  ])('%s → %s', (query, corrected) => {
    const result = search(query);
    expect(result.correction).toBe(corrected);
    expect(result.visible.length).toBeGreaterThan(0);
    expect(result.visible).toEqual(search(corrected).visible);
  });

  it.each([
    // A word that finds something is never corrected, even when a near word finds more.
    ['民雄'],
    // One character is too short to guess; two Latin letters too.
    ['熊'],
    ['mx'],
    // Two wrong characters are not one.
    ['明熊'],
    // Each word finds something, only not together: nothing to correct (nothing-found offers next steps).
    ['民雄 心理衛生'],
    // Two Chinese characters are not matched against record texts (half a word matches too much).
    ['厝點'],
  ])('%s: no correction', (query) => {
    expect(search(query).correction).toBeUndefined();
  });

  it('is not offered without the query reader', () => {
    expect(filterResources(dataset, { ...NO_FILTERS, query: '民熊' }).visible).toEqual([]);
  });

  it('keeps the area: a correction outside the chosen county finds nothing there', () => {
    expect(search('民熊', { county: '金門縣' }).visible).toEqual([]);
  });

  it.each([
    ['minxiong', 'minxoing', true],
    ['minxiong', 'minxing', true],
    ['minxiong', 'minxiongg', true],
    ['minxiong', 'mimxiong', true],
    ['minxiong', 'minxiong', false],
    ['minxiong', 'mixnoing', false],
    ['kinmen', 'kinmeen', true],
    ['ab', 'abcd', false],
  ])('oneEditApart(%s, %s) = %s', (a, b, expected) => {
    expect(oneEditApart(a, b)).toBe(expected);
    expect(oneEditApart(b, a)).toBe(expected);
  });
});
