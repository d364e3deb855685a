import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/domain/model/language.ts';
import { formatNumber } from '../../src/i18n/translate.ts';

// Counts are formatted without Intl (see formatNumber): they must read exactly as Intl writes them.
const NUMBERS = [
  0,
  1,
  7,
  12,
  999,
  1_000,
  1_234,
  9_999,
  10_000,
  12_345,
  99_999,
  100_000,
  123_456,
  999_999,
  1_000_000,
  1_234_567,
  12_345_678,
  2 ** 31,
  Number.MAX_SAFE_INTEGER,
  -1,
  -999,
  -1_000,
  -12_345,
  -1_234_567,
  -Number.MAX_SAFE_INTEGER,
  // Not whole, or not safe: left to Intl.
  -0,
  0.5,
  1_234.56,
  -0.25,
  2 ** 60,
  Number.NaN,
  Number.POSITIVE_INFINITY,
];

describe('formatNumber', () => {
  for (const lang of LANGUAGES) {
    it.each(NUMBERS.map((n) => [n]))(`${lang}: writes %d as Intl.NumberFormat does`, (n) => {
      expect(formatNumber(lang, n)).toBe(new Intl.NumberFormat(lang).format(n));
    });
  }

  it('groups thousands with commas in zh-TW, English and Thai, with dots in Vietnamese and Indonesian', () => {
    expect(formatNumber('zh-TW', 100_000)).toBe('100,000');
    expect(formatNumber('en', 1_234_567)).toBe('1,234,567');
    expect(formatNumber('th', 1_234_567)).toBe('1,234,567');
    expect(formatNumber('vi', 1_234_567)).toBe('1.234.567');
    expect(formatNumber('id', 100_000)).toBe('100.000');
  });
});
