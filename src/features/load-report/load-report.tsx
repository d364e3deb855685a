import './load-report.css';
import { useMemo, useState } from 'react';
import type { FileReport } from '../../domain/loading/load-dataset.ts';
import { LOAD_ISSUE_CODES, type LoadIssue, type LoadIssueCode } from '../../domain/model/load-issues.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';

const LISTED_ISSUES = 200;

const isIssueCode = (text: string): text is LoadIssueCode =>
  (LOAD_ISSUE_CODES as readonly string[]).includes(text);

/** Files loaded, rows, and every issue by kind and by row. Collapsed by default; never blocks the data. */
export function LoadReport() {
  const { t } = useTranslation();
  const report = useAppStore((s) => s.loadReport);
  const fileReports = report.files;
  const resourceCount = useAppStore((s) => s.base.resources.length);
  const status = useAppStore((s) => s.status);
  // The rows of the report are made when it is opened: up to 200 of them, which the page need not lay out
  // while it loads.
  const [opened, setOpened] = useState(false);
  // The issues are parsed once the report is opened (thousands for a messy file).
  const issues = useMemo(
    () => (opened ? (JSON.parse(report.issuesJson) as LoadIssue[]) : []),
    [opened, report.issuesJson],
  );
  if (status !== 'ready') return null;
  const rows = fileReports.reduce((n, f) => n + f.rowCount, 0);
  const byCode = Object.entries(report.issueCounts);
  const failed = fileReports.filter((f) => !f.ok);
  // A failed file's reason is a fetch error as written, or an issue code (e.g. no-name-column) to translate.
  const failure = (f: FileReport) =>
    t('report.fileFailed', {
      file: f.file,
      reason: f.error && isIssueCode(f.error) ? t(`issue.${f.error}`) : (f.error ?? ''),
    });
  const issueText = (issue: LoadIssue) =>
    [
      issue.file,
      issue.row !== undefined ? t('report.row', { row: issue.row }) : '',
      issue.column ? t('report.column', { column: issue.column }) : '',
      t(`issue.${issue.code}`),
      issue.value ? `「${issue.value}」` : '',
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <section className="load-report" aria-labelledby="load-report-heading">
      {failed.length > 0 && (
        <div role="alert" className="alert">
          {failed.map((f) => (
            <p key={f.file}>{failure(f)}</p>
          ))}
        </div>
      )}
      {/* The heading stands outside the summary: a summary holds phrasing content, and its button role would
          hide a heading inside it from screen readers' list of headings. */}
      <h2 id="load-report-heading" className="load-report__heading">
        {t('report.heading')}
      </h2>
      <details open={failed.length > 0} onToggle={(event) => setOpened(event.currentTarget.open)}>
        <summary>
          <span className="muted">
            {t('report.summary', {
              files: fileReports.length,
              rows,
              resources: resourceCount,
              issues: report.issueCount,
            })}
          </span>
        </summary>
        <ul className="report-files">
          {fileReports.map((f) => (
            <li key={f.file}>
              {f.ok
                ? t('report.file', { file: f.file, rows: f.rowCount, resources: f.resourceCount })
                : failure(f)}
              {f.encoding && <span className="muted"> · {f.encoding.toUpperCase()}</span>}
            </li>
          ))}
        </ul>
        {byCode.length > 0 && (
          <ul className="report-kinds">
            {byCode.map(([code, count]) => (
              <li key={code}>
                {t(`issue.${code as LoadIssue['code']}`)}：{count}
              </li>
            ))}
          </ul>
        )}
        {(opened || failed.length > 0) && (
          <>
            {/* It scrolls (up to 200 rows), so a keyboard must be able to reach it (axe: scrollable-region-focusable). */}
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling list must take focus to be scrolled by keys */}
            <ol className="report-issues" tabIndex={0} aria-label={t('report.heading')}>
              {issues.slice(0, LISTED_ISSUES).map((issue, i) => (
                <li
                  // The report is static once loaded, and identical issues may repeat: the position is the identity.
                  // biome-ignore lint/suspicious/noArrayIndexKey: static list, see above
                  key={`${issue.file}-${issue.row ?? 'file'}-${issue.code}-${i}`}
                  data-severity={issue.severity}
                >
                  <span className={`severity severity--${issue.severity}`}>
                    {t(`severity.${issue.severity}`)}
                  </span>{' '}
                  {issueText(issue)}
                </li>
              ))}
            </ol>
            {report.issueCount > LISTED_ISSUES && (
              <p>{t('report.moreIssues', { count: report.issueCount - LISTED_ISSUES })}</p>
            )}
          </>
        )}
      </details>
    </section>
  );
}
