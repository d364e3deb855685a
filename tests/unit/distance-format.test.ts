import { describe, expect, it } from 'vitest';
import { formatDistance } from '../../src/domain/geo/distance-format.ts';

describe('formatDistance', () => {
  it.each([
    [0, '10 公尺', '10 m'],
    [56, '60 公尺', '60 m'],
    [994, '990 公尺', '990 m'],
    [995, '1.0 公里', '1.0 km'],
    [1234, '1.2 公里', '1.2 km'],
    [9940, '9.9 公里', '9.9 km'],
    [9960, '10 公里', '10 km'],
    [123_456, '123 公里', '123 km'],
  ])('%d m reads "%s" / "%s"', (metres, zh, en) => {
    expect(formatDistance(metres, 'zh-TW')).toBe(zh);
    expect(formatDistance(metres, 'en')).toBe(en);
  });

  it('gives nothing for a distance that is not one', () => {
    expect(formatDistance(Number.NaN, 'en')).toBe('');
    expect(formatDistance(-1, 'en')).toBe('');
  });
});
