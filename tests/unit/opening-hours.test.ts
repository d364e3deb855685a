import { describe, expect, it } from 'vitest';
import { closedFlags, OPEN_STATE_CODES, openStateOfCode } from '../../src/domain/query/open-state.ts';
import {
  createOpenStateEvaluator,
  openStates,
  taiwanWallClock,
} from '../../src/domain/query/opening-hours.ts';
import { placeAt } from './nearby-fixtures.ts';

/** An instant given in Taiwan time, whatever zone the test machine is in. */
const taipei = (local: string) => Date.parse(`${local}+08:00`);
const MONDAY_3PM = taipei('2026-01-05T15:00:00');
const SATURDAY_10AM = taipei('2026-01-10T10:00:00');
const SUNDAY_11PM = taipei('2026-01-11T23:00:00');

describe('open state at an instant (Taiwan time)', () => {
  const stateOf = createOpenStateEvaluator();
  it.each([
    ['24/7', MONDAY_3PM, 'open'],
    ['Mo-Su 07:00-21:00', MONDAY_3PM, 'open'],
    ['Mo-Su 07:00-21:00', SUNDAY_11PM, 'closed'],
    ['Mo-Fr 10:30-14:00,16:30-20:00', MONDAY_3PM, 'closed'],
    ['Mo-Fr 10:30-14:00,16:30-20:00', taipei('2026-01-05T17:00:00'), 'open'],
    ['Mo-Sa 06:00-13:00', SATURDAY_10AM, 'open'],
    ['Tu-Su 11:00-20:00', MONDAY_3PM, 'closed'],
    ['Mo,We,Fr 09:00-12:00', taipei('2026-01-07T09:30:00'), 'open'],
    ['Mo-Fr 09:00-17:00; PH off', MONDAY_3PM, 'open'],
    ['Mo-Fr 08:00-17:00 "預約制"', MONDAY_3PM, 'unknown'],
    ['unknown', MONDAY_3PM, 'unknown'],
    ['週一至週五 9-17', MONDAY_3PM, 'unknown'],
    ['', MONDAY_3PM, 'none'],
    ['   ', MONDAY_3PM, 'none'],
  ] as const)('%s at %s is %s', (hours, instant, expected) => {
    expect(stateOf(hours, instant)).toBe(expected);
  });

  it('reads no hours at all as "none", never as closed', () => {
    expect(stateOf(undefined, MONDAY_3PM)).toBe('none');
  });

  it('uses Taiwan wall-clock time: 07:00 UTC is 15:00 in Taipei', () => {
    const wall = taiwanWallClock(Date.parse('2026-01-05T07:00:00Z'));
    expect([wall.getFullYear(), wall.getMonth(), wall.getDate(), wall.getHours(), wall.getMinutes()]).toEqual(
      [2026, 0, 5, 15, 0],
    );
  });
});

describe('openStates / closedFlags', () => {
  it('codes every resource by index; only closed ones are flagged for hiding', () => {
    const resources = [
      placeAt('always', [23.5, 120.5], { openingHours: '24/7' }),
      placeAt('lunch', [23.5, 120.5], { openingHours: 'Mo-Fr 10:30-14:00' }),
      placeAt('no-hours', [23.5, 120.5]),
      placeAt('garbled', [23.5, 120.5], { openingHours: '看心情' }),
    ];
    const codes = openStates(resources, MONDAY_3PM);
    expect([...codes].map(openStateOfCode)).toEqual(['open', 'closed', 'none', 'unknown']);
    expect([...closedFlags(codes)]).toEqual([0, 1, 0, 0]);
    expect(openStateOfCode(OPEN_STATE_CODES.closed)).toBe('closed');
  });
});
