import { useMemo, useState } from 'react';
import { downloadFile } from '../../components/download-file.ts';
import { Modal } from '../../components/modal.tsx';
import { usePaintedCount } from '../../components/use-painted-count.ts';
import { exportFileName, isoDate } from '../../domain/files/export-filename.ts';
import type { ImportedDataset } from '../../domain/loading/imported-dataset.ts';
import {
  REPORT_CLASSES,
  type ReportClass,
  reportClassOf,
  reportIndex,
  reportPage,
} from '../../domain/loading/report-order.ts';
import { countOutcomes, type RowResult } from '../../domain/loading/row-outcome.ts';
import type { LoadIssue } from '../../domain/model/load-issues.ts';
import { formatNumber } from '../../i18n/translate.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectDataset } from '../../store/data/derived.ts';
import { resolveDuplicate } from '../../store/import/corrections-actions.ts';
import { isMergedAway } from '../../store/import/import-slice.ts';

/** Rows on one page of the list; the buttons below it page through every row. */
const PAGE_ROWS = 50;
/** Rows laid out per frame as a page opens (see usePaintedCount). */
const ROWS_PER_FRAME = 25;

/**
 * The import report of one file: what was done to the whole file (said once), the rows by severity — not
 * imported, needs a location, approximate, changed, noted, as written — each class a filter chip with its count,
 * the list paging through every row, possible duplicates to merge or keep, and the whole per-row report as CSV.
 * Loaded when a report is opened (see import-report-dialog-gate.tsx).
 */
export function ReportDialog({ dataset }: { dataset: ImportedDataset }) {
  const { t, language } = useOfficeTranslation();
  const showReport = useAppStore((s) => s.showReport);
  const counts = countOutcomes(dataset.rows);
  const index = useMemo(() => reportIndex(dataset.rows), [dataset.rows]);
  const [filter, setFilter] = useState<ReportClass | 'all'>('all');
  const [from, setFrom] = useState(0);
  const n = (value: number) => formatNumber(language, value);
  const issueText = (issue: LoadIssue) =>
    [
      issue.column ? t('report.column', { column: issue.column }) : '',
      t(`issue.${issue.code}`),
      issue.value ? `「${issue.value}」` : '',
    ]
      .filter(Boolean)
      .join(' ');
  const page = reportPage(index, filter, from, PAGE_ROWS);
  const listed = usePaintedCount(page.rows.length, ROWS_PER_FRAME);
  const choose = (next: ReportClass | 'all') => {
    setFilter(next);
    setFrom(0);
  };
  const fileNotes = [
    ...(dataset.encoding && dataset.encoding !== 'utf-8'
      ? [t('importReport.encoding', { encoding: dataset.encoding.toUpperCase() })]
      : []),
    ...(dataset.fileNotes ?? []).map(issueText),
  ];
  const download = async () => {
    const { importReportCsv } = await import('../../domain/files/import-report-csv.ts');
    const bytes = importReportCsv(dataset.rows, {
      headers: {
        row: t('importReport.csvRow'),
        outcome: t('importReport.csvOutcome'),
        name: t('importReport.csvName'),
        id: t('importReport.csvId'),
        details: t('importReport.csvDetails'),
      },
      outcome: (o) => t(`outcome.${o}`),
      issue: issueText,
    });
    downloadFile(
      exportFileName(
        [t('importReport.fileName'), dataset.fileName.replace(/\.[^.]*$/, ''), isoDate(new Date())],
        'csv',
      ),
      new Uint8Array(bytes),
      'text/csv;charset=utf-8',
    );
  };
  return (
    <Modal
      title={t('importReport.title', { file: dataset.fileName })}
      onClose={() => showReport(null)}
      closeLabel={t('import.close')}
      className="report-dialog"
      footer={
        <button type="button" className="button-primary" onClick={download} data-autofocus>
          {t('importReport.download')}
        </button>
      }
    >
      <p className="report-total">
        {t('importReport.total', {
          rows: n(dataset.rows.length),
          imported: n(counts.imported + counts.fixed + counts.approximate),
          needs: n(counts['needs-location']),
          rejected: n(counts.rejected),
        })}
      </p>
      {fileNotes.length > 0 && (
        <section className="report-file-notes" aria-labelledby="report-file-notes">
          <h3 id="report-file-notes">{t('importReport.fileChanges')}</h3>
          <ul>
            {fileNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      )}
      {dataset.visibility === 'internal' && (
        <p className="badge badge-internal">{t('import.internalDataset')}</p>
      )}
      <fieldset className="report-counts">
        <legend className="visually-hidden">{t('importReport.filterLabel')}</legend>
        <button
          type="button"
          className="report-chip"
          aria-pressed={filter === 'all'}
          onClick={() => choose('all')}
        >
          {t('importReport.chip', { outcome: t('importReport.filterAll'), count: n(dataset.rows.length) })}
        </button>
        {REPORT_CLASSES.map((cls) => (
          <button
            key={cls}
            type="button"
            className="report-chip"
            data-outcome={cls}
            aria-pressed={filter === cls}
            disabled={index.counts[cls] === 0}
            onClick={() => choose(cls)}
          >
            {t('importReport.chip', { outcome: t(`reportClass.${cls}`), count: n(index.counts[cls]) })}
          </button>
        ))}
      </fieldset>
      {page.total === 0 ? (
        <p>{t('importReport.none')}</p>
      ) : (
        <table className="report-rows">
          <caption>
            {t('importReport.page', {
              from: n(from + 1),
              to: n(from + page.rows.length),
              count: n(page.total),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('importReport.csvRow')}</th>
              <th scope="col">{t('importReport.csvOutcome')}</th>
              <th scope="col">{t('importReport.csvName')}</th>
              <th scope="col">{t('importReport.csvDetails')}</th>
            </tr>
          </thead>
          <tbody>
            {[...page.rows.subarray(0, listed)].map((i) => {
              const row = dataset.rows[i] as RowResult;
              const cls = reportClassOf(row);
              return (
                <tr key={row.row} data-outcome={cls}>
                  <td>{row.row}</td>
                  <td>{t(`reportClass.${cls}`)}</td>
                  <td>{row.name}</td>
                  <td>{row.issues.map(issueText).join('；')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {page.total > PAGE_ROWS && (
        <div className="report-pager">
          <button
            type="button"
            className="button-secondary"
            disabled={from === 0}
            onClick={() => setFrom(Math.max(0, from - PAGE_ROWS))}
          >
            {t('importReport.previous')}
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={from + PAGE_ROWS >= page.total}
            onClick={() => setFrom(from + PAGE_ROWS)}
          >
            {t('importReport.next')}
          </button>
        </div>
      )}
      <Duplicates dataset={dataset} />
    </Modal>
  );
}

/** Pairs listed at once (the rest are counted; the CSV report has them all). */
const LISTED_PAIRS = 100;

function Duplicates({ dataset }: { dataset: ImportedDataset }) {
  const { t } = useOfficeTranslation();
  // A pair carries the two names. Pairs saved before it did have theirs looked up, for the pairs listed only and
  // in one pass: a map of every record on show would cost ~40 ms at 100,000.
  const { resources } = useAppStore(selectDataset);
  const { duplicates } = dataset;
  const edits = useAppStore((s) => s.officeEdits);
  const open = useMemo(
    () => duplicates.filter((p) => p.resolution === 'open' && !isMergedAway(p, edits)),
    [duplicates, edits],
  );
  const listed = open.slice(0, LISTED_PAIRS);
  const names = useMemo(() => {
    const wanted = new Set(
      open
        .slice(0, LISTED_PAIRS)
        .flatMap((p) => [
          ...(p.duplicateName === undefined ? [p.duplicateId] : []),
          ...(p.keepName === undefined ? [p.keepId] : []),
        ]),
    );
    const found = new Map<string, string>();
    if (wanted.size > 0) for (const r of resources) if (wanted.has(r.id)) found.set(r.id, r.name);
    return found;
  }, [resources, open]);
  if (dataset.duplicates.length === 0) return null;
  const name = (id: string, given: string | undefined) => given ?? names.get(id) ?? id;
  return (
    <section className="duplicates" aria-labelledby="duplicates-heading">
      <h3 id="duplicates-heading">{t('importReport.duplicates', { count: open.length })}</h3>
      <ul>
        {listed.map((pair) => (
          <li key={pair.duplicateId}>
            {t(pair.reason === 'same-name-address' ? 'importReport.sameAddress' : 'importReport.nearby', {
              name: name(pair.duplicateId, pair.duplicateName),
              other: name(pair.keepId, pair.keepName),
              distance: pair.distance ?? 0,
            })}{' '}
            <button
              type="button"
              className="button-secondary"
              onClick={() => resolveDuplicate(dataset.id, pair.duplicateId, 'merged')}
            >
              {t('importReport.merge')}
            </button>{' '}
            <button
              type="button"
              className="button-ghost"
              onClick={() => resolveDuplicate(dataset.id, pair.duplicateId, 'kept')}
            >
              {t('importReport.keep')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
