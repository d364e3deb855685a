import type { CoverageResult } from '../analysis/coverage.ts';
import { guardedCsvText } from './formula-guard.ts';

/** The places a coverage analysis found uncovered, as CSV: county, town, village, metres to the nearest resource. */
export function coverageGapsToCsv(
  coverage: Pick<CoverageResult, 'uncovered'>,
  labels: { county: string; town: string; village: string; nearest: string },
): string {
  return guardedCsvText(
    [labels.county, labels.town, labels.village, labels.nearest],
    coverage.uncovered.map((u) => [
      u.target.county,
      u.target.town,
      u.target.village ?? '',
      u.nearestMetres === null ? '' : String(Math.round(u.nearestMetres)),
    ]),
  );
}
