import { describe, expect, it } from 'vitest';
import {
  REPORT_CLASSES,
  reportClassOf,
  reportIndex,
  reportPage,
} from '../../src/domain/loading/report-order.ts';
import { tainanTwd97Big5, ZERO_ROW } from '../tainan-twd97-file.ts';
import { atlasBoundaries } from './atlas-boundaries.ts';
import { readBytes, sharedDataFile } from './fixture-paths.ts';
import { importBytes } from './import-context.ts';

const villages = atlasBoundaries('villages');

describe('the report by severity', () => {
  it.each([
    { file: 'Big5/TWD97 register with one (0, 0) row', bytes: () => tainanTwd97Big5().bytes },
    {
      file: 'Taipei care points (several addresses in a cell)',
      bytes: () => readBytes(sharedDataFile('taipei-community-care-points.csv')),
    },
    {
      file: 'Tainan committees (no county)',
      bytes: () => readBytes(sharedDataFile('tainan-building-committees.csv')),
    },
  ])('$file: every row once, most severe first, file order within a class', ({ bytes }) => {
    const { rows } = importBytes(bytes(), { file: 'f.csv' }, {}, villages);
    const index = reportIndex(rows);
    expect([...index.order].sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
    const classes = [...index.order].map((i) => REPORT_CLASSES.indexOf(reportClassOf(rows[i] as never)));
    expect(classes).toEqual([...classes].sort((a, b) => a - b));
    for (const cls of REPORT_CLASSES) {
      const page = reportPage(index, cls, 0, rows.length);
      expect(page.total).toBe(index.counts[cls]);
      const numbers = [...page.rows].map((i) => rows[i]?.row ?? 0);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    }
  });

  it('puts the (0, 0) row of a routine TWD97 file first, and pages through the rest', () => {
    const { rows } = importBytes(tainanTwd97Big5().bytes, { file: 'f.csv' }, {}, villages);
    const index = reportIndex(rows);
    expect(rows[index.order[0] as number]?.row).toBe(ZERO_ROW);
    const pages = [0, 50, 100, 450].map((from) => reportPage(index, 'all', from, 50).rows.length);
    expect(pages).toEqual([50, 50, 50, 50]);
    expect(reportPage(index, 'all', 500, 50).rows.length).toBe(0);
  });
});
