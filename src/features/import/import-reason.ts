import { DATA_LINK_MAX_BYTES, formatByteLimit } from '../../domain/link/data-link.ts';
import { readRefusal } from '../../domain/loading/import-limits.ts';
import { LOAD_ISSUE_CODES, type LoadIssueCode } from '../../domain/model/load-issues.ts';
import type { useTranslation } from '../../i18n/use-translation.ts';
import { refusalText } from './limit-text.ts';
import { IMPORTER_UNAVAILABLE } from './start-import.ts';

/**
 * Why a file or a link could not be read, in words: an import limit named (with the file's own figure), an
 * issue code translated, a message as it is.
 */
export function reasonText(
  reason: string,
  t: ReturnType<typeof useTranslation>['t'],
  language: ReturnType<typeof useTranslation>['language'],
): string {
  const refusal = readRefusal(reason);
  if (refusal) return refusalText(refusal, t, language);
  if (reason === 'url-not-http') return t('import.urlNotHttp');
  if (reason === 'url-has-credentials') return t('dataLink.hasCredentials');
  if (reason === 'link-too-large')
    return t('dataLink.tooLarge', { limit: formatByteLimit(DATA_LINK_MAX_BYTES) });
  if (reason === 'file-unreadable' || reason === 'ZIP' || reason === 'not KML')
    return t('issue.file-unreadable');
  if (reason === 'all-rows-rejected') return t('import.allRowsRejected');
  if (reason === 'binary-file') return t('issue.binary-file');
  if (reason === IMPORTER_UNAVAILABLE) return t('version.reloadForNew');
  if ((LOAD_ISSUE_CODES as readonly string[]).includes(reason)) return t(`issue.${reason as LoadIssueCode}`);
  return reason;
}
