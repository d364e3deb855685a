import type { FileReport } from '../src/domain/loading/load-dataset.ts';
import { countIssuesByCode, type LoadIssue } from '../src/domain/model/load-issues.ts';
import type { Manifest } from '../src/domain/model/manifest.ts';
import type { Resource } from '../src/domain/model/resource.ts';
import { buildDataset } from '../src/domain/query/dataset.ts';
import type { DataSlice } from '../src/store/data/data-slice.ts';

/** What setDataset takes for these records, indexed and reported as the loading worker would hand them over. */
export function loadedPayload(
  manifest: Manifest,
  resources: readonly Resource[],
  issues: readonly LoadIssue[] = [],
  files: readonly FileReport[] = [],
): Parameters<DataSlice['setDataset']>[0] {
  return {
    manifest,
    dataset: buildDataset(resources, manifest),
    report: {
      files,
      issueCount: issues.length,
      issueCounts: countIssuesByCode(issues),
      issuesJson: JSON.stringify(issues),
    },
  };
}
