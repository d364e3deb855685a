import { describe, expect, it } from 'vitest';
import { countIssuesByCode, loadIssue } from '../../src/domain/model/load-issues.ts';

describe('countIssuesByCode', () => {
  it.each([
    ['no issues', [], {}],
    [
      'issues of two kinds',
      [
        loadIssue('missing-name', 'a.csv', { row: 2 }),
        loadIssue('multiple-addresses', 'a.csv', { row: 3 }),
        loadIssue('missing-name', 'b.csv', { row: 9 }),
      ],
      { 'missing-name': 2, 'multiple-addresses': 1 },
    ],
  ])('counts %s by kind', (_, issues, counts) => {
    expect(countIssuesByCode(issues)).toEqual(counts);
  });
});
