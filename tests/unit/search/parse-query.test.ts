import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/domain/search/parse-query.ts';
import { reader } from './real-data.ts';

const read = (query: string) => parseQuery(query, reader.vocabulary).map((t) => [t.kind, t.alternatives]);

describe('parseQuery: known phrases anywhere in a query, the rest as typed', () => {
  it.each([
    // A place and a category alias with no space between them (餐食 holds in 餐食提供: one alternative is enough).
    [
      '民雄社福中心',
      [
        ['place', ['民雄']],
        ['category', ['社福中心', '社會福利服務中心']],
      ],
    ],
    [
      '民雄餐食',
      [
        ['place', ['民雄']],
        ['service', ['餐食']],
      ],
    ],
    // The unknown part stays a word of its own.
    [
      '日安民雄社會福利服務中心',
      [
        ['text', ['日安']],
        ['place', ['民雄']],
        ['category', ['社會福利服務中心']],
      ],
    ],
    // An abbreviation stands for its full form too; a word it is part of is split around it.
    [
      '心衛中心',
      [
        ['abbreviation', ['心衛', '心理衛生']],
        ['text', ['中心']],
      ],
    ],
    // A key that is both an abbreviation and a service alias keeps every meaning.
    ['課輔', [['service', ['課輔', '課後照顧', '課後輔導']]]],
    // Longest phrase first: 社福中心 (alias), not 社福 (abbreviation) + 中心.
    ['社福中心', [['category', ['社福中心', '社會福利服務中心']]]],
    // English place names, whole words only, any case, full width; the suffix may be left out.
    ['Minxiong', [['place', ['民雄', 'minxiong']]]],
    ['ＭＩＮＸＩＯＮＧ', [['place', ['民雄', 'minxiong']]]],
    ['Chiayi County', [['place', ['嘉義縣', 'chiayicounty']]]],
    ['chiayi', [['place', ['嘉義', 'chiayi']]]],
    ['Minxiongx', [['text', ['minxiongx']]]],
    // 台 → 臺 and 巿 → 市 before anything is looked up.
    ['台北巿', [['place', ['臺北市']]]],
    // Phone numbers by their digits, however written; an extension mark is not part of the number.
    ['(05) 220-7017', [['phone', ['052207017']]]],
    ['+886 5 220 7017', [['phone', ['052207017']]]],
    ['1925', [['phone', ['1925']]]],
    // Two digits are not a phone number: a house number or 第1 stays text; a number being typed is its digits.
    ['29號', [['text', ['29號']]]],
    ['05-', [['text', ['05']]]],
    // Control characters and spaces separate words; nothing is left of a query of spaces.
    [
      '民雄\u0001  餐食',
      [
        ['place', ['民雄']],
        ['service', ['餐食']],
      ],
    ],
    ['   ', []],
  ])('%s', (query, terms) => {
    expect(read(query)).toEqual(terms);
  });

  it('names the places a place term stands for', () => {
    expect(parseQuery('嘉義', reader.vocabulary)[0]?.places).toEqual(['嘉義縣', '嘉義市']);
    expect(parseQuery('Minxiong Township', reader.vocabulary)[0]?.places).toEqual(['民雄鄉']);
  });
});
