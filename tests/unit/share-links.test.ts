import { describe, expect, it } from 'vitest';
import { lineShareUrl, resourceShareUrl, viewShareUrl } from '../../src/domain/link/share-links.ts';
import { isVerificationStale } from '../../src/domain/model/verification.ts';

describe('share links', () => {
  it('links a resource by its id alone (and the language when English)', () => {
    expect(
      resourceShareUrl('https://map.example.org/app/?q=民雄&at=23,120,9#x', 'chiayi-wc-minxiong', 'zh-TW'),
    ).toBe('https://map.example.org/app/?id=chiayi-wc-minxiong');
    expect(resourceShareUrl('https://map.example.org/', 'a b', 'en')).toBe(
      'https://map.example.org/?id=a+b&lang=en',
    );
  });

  it('shares the view, without the map position while the device location is in use', () => {
    const page = 'https://map.example.org/?q=餐&at=23.54300,120.44400,15';
    expect(new URL(viewShareUrl(page, false)).searchParams.get('at')).toBe('23.54300,120.44400,15');
    const shared = new URL(viewShareUrl(page, true));
    expect(shared.searchParams.has('at')).toBe(false);
    expect(shared.searchParams.get('q')).toBe('餐');
  });

  it('builds a LINE share link with the text and the link', () => {
    const url = lineShareUrl('民雄中心', 'https://map.example.org/?id=a&lang=en');
    expect(url.startsWith('https://line.me/R/share?text=')).toBe(true);
    expect(decodeURIComponent(url.split('text=')[1] ?? '')).toBe(
      '民雄中心\nhttps://map.example.org/?id=a&lang=en',
    );
  });
});

describe('isVerificationStale', () => {
  const now = Date.parse('2026-01-05T15:00:00+08:00');
  it.each([
    ['2023-03-15', true],
    ['2025-01-04', true],
    ['2025-01-06', false],
    ['2026-11-01', false],
    [undefined, false],
    ['not a date', false],
  ])('%s → %s', (date, stale) => {
    expect(isVerificationStale(date, now)).toBe(stale);
  });
});
