import { describe, expect, it } from 'vitest';
import { nfkc, normalizeForSearch } from '../../src/domain/model/normalize-text.ts';

describe('normalizeForSearch', () => {
  it.each([
    { text: '台北市', normal: '臺北市' },
    { text: '臺北市', normal: '臺北市' },
    { text: '台南市東區', normal: '臺南市東區' },
    { text: 'ＡＢＣ１２３', normal: 'abc123' },
    { text: '台北市　ＡＢＣ１２', normal: '臺北市abc12' },
    { text: ' a  b\tc\nd ', normal: 'abcd' },
    { text: 'Sanctuary on 5th Street', normal: 'sanctuaryon5thstreet' },
    { text: '（０５）２２０－７０１７', normal: '(05)220-7017' },
    { text: '', normal: '' },
    { text: '🏠社區', normal: '🏠社區' },
  ])('$text → $normal', ({ text, normal }) => {
    expect(normalizeForSearch(text)).toBe(normal);
  });

  it('makes differently written forms of one name equal', () => {
    expect(normalizeForSearch('台北市　ＡＢＣ１２')).toBe(normalizeForSearch('臺北市abc12'));
  });
});

describe('nfkc', () => {
  it.each([
    ['plain ASCII', '23.5537, 120.4316', '23.5537, 120.4316'],
    ['Chinese ideographs', '嘉義縣民雄鄉江厝店29之4號', '嘉義縣民雄鄉江厝店29之4號'],
    ['full-width digits and letters', '２９之４號ＡＢ', '29之4號AB'],
    ['the ideographic space', '嘉義縣　民雄鄉', '嘉義縣 民雄鄉'],
    ['a compatibility ideograph', '\uF900', '\u8C48'],
    ['full-width punctuation', '（０５）２２０', '(05)220'],
    ['the double prime', '33′′', '33′′'.normalize('NFKC')],
    ['empty', '', ''],
  ])('%s', (_, input, expected) => {
    expect(nfkc(input)).toBe(expected);
    expect(nfkc(input)).toBe(input.normalize('NFKC'));
  });
});
