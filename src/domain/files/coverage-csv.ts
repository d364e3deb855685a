import type { CoverageResult } from '../analysis/coverage.ts';
import type { Resource } from '../model/resource.ts';
import { guardedCsvText } from './formula-guard.ts';

/** The headers of the gap list, in the person's language. */
export interface CoverageCsvLabels {
  readonly county: string;
  readonly town: string;
  readonly village: string;
  readonly nearestName: string;
  readonly nearest: string;
}

/**
 * The places a coverage analysis found uncovered, as CSV through the formula guard: county, town, village, the
 * nearest resource (by name; empty when there is none) and how many metres away it is. `resources` are the ones
 * the analysis was given (`UncoveredTarget.nearest` indexes them).
 */
export function coverageGapsToCsv(
  coverage: Pick<CoverageResult, 'uncovered'>,
  resources: readonly Pick<Resource, 'name'>[],
  labels: CoverageCsvLabels,
): string {
  return guardedCsvText(
    [labels.county, labels.town, labels.village, labels.nearestName, labels.nearest],
    coverage.uncovered.map((u) => [
      u.target.county,
      u.target.town,
      u.target.village ?? '',
      u.nearest === null ? '' : (resources[u.nearest]?.name ?? ''),
      u.nearestMetres === null ? '' : String(Math.round(u.nearestMetres)),
    ]),
  );
}
