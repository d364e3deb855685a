/** Reason codes for row- and file-level problems. The UI translates them; domain code never writes prose. */
export const LOAD_ISSUE_CODES = [
  'file-missing',
  'file-unreadable',
  'file-empty',
  'no-name-column',
  'second-header-row',
  'field-in-two-columns',
  'missing-name',
  'approximate-location',
  'missing-location',
  'swapped-coordinates',
  'coordinates-zero',
  'coordinates-invalid',
  'coordinates-outside-taiwan',
  'non-point-geometry',
  'unknown-category',
  'unknown-service',
  'multiple-addresses',
  'invalid-website',
  'invalid-date',
  'duplicate-id',
  'projected-coordinates',
  'former-place-name',
  'address-phone-split',
  'place-from-position',
  'place-disagrees',
  'county-inferred',
  'county-from-file',
  'projected-file',
  'binary-file',
  'boundaries-file',
  'unrecognised-visibility',
] as const;
export type LoadIssueCode = (typeof LOAD_ISSUE_CODES)[number];

/** error: the row (or file) was not loaded; warning: loaded after a fix; info: loaded, worth knowing. */
export type IssueSeverity = 'error' | 'warning' | 'info';

export interface LoadIssue {
  readonly file: string;
  /** 1-based line (CSV) or feature number (GeoJSON); absent for file-level issues. */
  readonly row?: number;
  readonly column?: string;
  readonly code: LoadIssueCode;
  readonly severity: IssueSeverity;
  /** The offending value, as written in the file. */
  readonly value?: string;
}

const SEVERITY: Record<LoadIssueCode, IssueSeverity> = {
  'file-missing': 'error',
  'file-unreadable': 'error',
  'file-empty': 'warning',
  'no-name-column': 'error',
  'second-header-row': 'info',
  'field-in-two-columns': 'info',
  'missing-name': 'error',
  'approximate-location': 'info',
  'missing-location': 'warning',
  'swapped-coordinates': 'warning',
  'coordinates-zero': 'warning',
  'coordinates-invalid': 'warning',
  'coordinates-outside-taiwan': 'warning',
  'non-point-geometry': 'warning',
  'unknown-category': 'warning',
  'unknown-service': 'info',
  'multiple-addresses': 'info',
  'invalid-website': 'warning',
  'invalid-date': 'warning',
  'duplicate-id': 'warning',
  'projected-coordinates': 'warning',
  'former-place-name': 'warning',
  'address-phone-split': 'info',
  'place-from-position': 'info',
  'place-disagrees': 'warning',
  'county-inferred': 'info',
  'county-from-file': 'info',
  'projected-file': 'info',
  'binary-file': 'error',
  'boundaries-file': 'error',
  'unrecognised-visibility': 'warning',
};

/** Creates an issue with the severity that belongs to its code. */
export function loadIssue(
  code: LoadIssueCode,
  file: string,
  detail: { row?: number; column?: string; value?: string } = {},
): LoadIssue {
  return { code, severity: SEVERITY[code], file, ...detail };
}

export type IssueCounts = Partial<Record<LoadIssueCode, number>>;

/** Counts issues per code, for the load report. */
export function countIssuesByCode(issues: readonly LoadIssue[]): IssueCounts {
  const counts: IssueCounts = {};
  for (let i = 0; i < issues.length; i++) {
    const code = (issues[i] as LoadIssue).code;
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}
