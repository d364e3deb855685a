import type { zhSafety } from './zh-safety.ts';

/** English strings of the safety measures. */
export const enSafety: Record<keyof typeof zhSafety, string> = {
  'issue.unrecognised-visibility':
    'The visibility value was not recognised: the record is treated as internal and is not published',
  'export.truncatedCells':
    'Downloaded, but {count} cells were longer than Excel’s limit of 32,767 characters: they are cut, ending in “…［已截斷 truncated］”. Use CSV or ODS for the full text.',
  'export.failed': 'The file could not be made: {reason}',
  'version.partFailedTitle': 'This part could not be loaded',
  'version.reloadForNew': 'Please reload to get the new version',
  'version.reload': 'Reload',
  'version.retry': 'Try again',
  'version.close': 'Close',
  'version.ready': 'A new version is ready: reload to update.',
};
