import { describe, expect, it } from 'vitest';
import { countIssuesByCode, loadIssue, primeIssueCounts } from '../../src/domain/model/load-issues.ts';

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

  it('counts a list again after it changed, and gives the counts the build primed for a list', () => {
    const issues = [loadIssue('missing-name', 'a.csv', { row: 2 })];
    expect(countIssuesByCode(issues)).toEqual({ 'missing-name': 1 });
    issues.push(loadIssue('missing-name', 'a.csv', { row: 3 }));
    expect(countIssuesByCode(issues)).toEqual({ 'missing-name': 2 });
    // (Primed with counts of a longer list, so that the test tells them from a count of this one.)
    const compiled = [loadIssue('missing-name', 'a.csv', { row: 2 })];
    primeIssueCounts(compiled, { 'missing-name': 4_000 });
    expect(countIssuesByCode(compiled)).toEqual({ 'missing-name': 4_000 });
  });
});
