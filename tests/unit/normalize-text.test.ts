import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../src/domain/normalize-text.ts';

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
