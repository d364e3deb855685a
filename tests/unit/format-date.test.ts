import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/domain/model/language.ts';
import { DATE_STYLE, formatDate } from '../../src/i18n/format-date.ts';

const DATES = ['2023-03-05', '2026-12-31', '1999-01-01', '2024-02-29', '2016-08-25', '2025-10-10'];

describe('formatDate', () => {
  for (const lang of LANGUAGES) {
    it.each(DATES.map((d) => [d]))(`${lang}: writes %s as Intl.DateTimeFormat does`, (iso) => {
      const intl = new Intl.DateTimeFormat(lang, { ...DATE_STYLE[lang], timeZone: 'UTC' });
      expect(formatDate(lang, iso)).toBe(intl.format(new Date(`${iso}T00:00:00Z`)));
    });
  }

  it.each([
    ['zh-TW', '2023/3/5'],
    ['en', 'Mar 5, 2023'],
    ['vi', '5/3/2023'],
    ['id', '5 Mar 2023'],
    ['th', '5 มี.ค. 2566'],
  ] as const)('%s writes 2023-03-05 as %s', (lang, expected) => {
    expect(formatDate(lang, '2023-03-05')).toBe(expected);
  });

  it('returns anything that is not an ISO date as written', () => {
    expect(formatDate('vi', '112年3月')).toBe('112年3月');
  });
});
