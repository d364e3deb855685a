import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { parseDateCell } from '../../src/domain/model/dates.ts';
import { sharedDataFile } from './fixture-paths.ts';

describe('parseDateCell', () => {
  it.each([
    { raw: '2023-03-15', iso: '2023-03-15' },
    { raw: '2023/3/15', iso: '2023-03-15' },
    { raw: '2023.03.15', iso: '2023-03-15' },
    { raw: '2023年3月15日', iso: '2023-03-15' },
    { raw: ' 2023/03/15 ', iso: '2023-03-15' },
    { raw: '２０２３／３／１５', iso: '2023-03-15' },
    { raw: '077/11/29', iso: '1988-11-29' },
    { raw: '77/11/29', iso: '1988-11-29' },
    { raw: '112/03/15', iso: '2023-03-15' },
    { raw: '112年3月15日', iso: '2023-03-15' },
    { raw: '民國112年3月15日', iso: '2023-03-15' },
    { raw: '1120315', iso: '2023-03-15' },
    { raw: '0771129', iso: '1988-11-29' },
    { raw: '20230315', iso: '2023-03-15' },
    { raw: '2016-08-25T08:31:03.916082+00:00', iso: '2016-08-25' },
    { raw: '2023/3/15 上午 12:00:00', iso: '2023-03-15' },
    { raw: '2024/2/29', iso: '2024-02-29' },
    { raw: '//', iso: null },
    { raw: '', iso: null },
    { raw: '2023/2/29', iso: null },
    { raw: '2023/13/1', iso: null },
    { raw: '2023/0/10', iso: null },
    { raw: '112/02/30', iso: null },
    { raw: '2023-03', iso: null },
    { raw: '15/03/2023', iso: null },
    { raw: 'yesterday', iso: null },
    { raw: '12345', iso: null },
    { raw: '2023/3/15 and more', iso: null },
  ])('$raw → $iso', ({ raw, iso }) => {
    expect(parseDateCell(raw)).toBe(iso);
  });

  it('reads every date in the Tainan committees file, except blanks (//) and one day 00', () => {
    const table = parseDelimitedText(readFileSync(sharedDataFile('tainan-building-committees.csv'), 'utf8'));
    const column = table.headers.indexOf('成立核准日期');
    const cells = table.rows.map((row) => row[column] ?? '');
    const unread = cells.filter((cell) => cell !== '//' && parseDateCell(cell) === null);
    expect(unread).toEqual(['086/08/00']);
    expect(cells.filter((cell) => cell !== '//').length).toBeGreaterThan(0);
    expect(cells).toContain('077/11/29');
  });
});
