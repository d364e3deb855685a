import { useMemo } from 'react';
import { downloadFile } from '../../components/download-file.ts';
import { Modal } from '../../components/modal.tsx';
import { usePaintedCount } from '../../components/use-painted-count.ts';
import { exportFileName, isoDate } from '../../domain/files/export-filename.ts';
import type { ImportedDataset } from '../../domain/loading/imported-dataset.ts';
import { countOutcomes, type RowOutcome, type RowResult } from '../../domain/loading/row-outcome.ts';
import type { LoadIssue } from '../../domain/model/load-issues.ts';
import { formatNumber } from '../../i18n/translate.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectDataset } from '../../store/data/derived.ts';
import { isMergedAway } from '../../store/import/import-slice.ts';

/** Rows listed in the dialog (the downloadable report has every one); more would take long to lay out in CJK. */
const LISTED_ROWS = 100;
/** Rows laid out per frame as the dialog opens (see usePaintedCount). */
const ROWS_PER_FRAME = 20;
const OUTCOMES: readonly RowOutcome[] = ['imported', 'fixed', 'approximate', 'needs-location', 'rejected'];

/**
 * The import report of one file: counts by outcome (imported + needs a location + rejected = rows, always),
 * the rows that were fixed, approximate, unplaced or rejected with why, possible duplicates to merge or keep,
 * and the whole per-row report as CSV.
 */
/** The report dialog, loaded when a report is opened (see import-report-gate.tsx). */
export function ReportDialog({ dataset }: { dataset: ImportedDataset }) {
  const { t, language } = useTranslation();
  const showReport = useAppStore((s) => s.showReport);
  const counts = countOutcomes(dataset.rows);
  const n = (value: number) => formatNumber(language, value);
  const issueText = (issue: LoadIssue) =>
    [
      issue.column ? t('report.column', { column: issue.column }) : '',
      t(`issue.${issue.code}`),
      issue.value ? `「${issue.value}」` : '',
    ]
      .filter(Boolean)
      .join(' ');
  const notable = useMemo(() => dataset.rows.filter((r) => r.outcome !== 'imported'), [dataset.rows]);
  const listed = usePaintedCount(Math.min(notable.length, LISTED_ROWS), ROWS_PER_FRAME);
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
      <dl className="report-counts">
        {OUTCOMES.map((o) => (
          <div key={o} data-outcome={o}>
            <dt>{t(`outcome.${o}`)}</dt>
            <dd>{n(counts[o])}</dd>
          </div>
        ))}
      </dl>
      {dataset.visibility === 'internal' && (
        <p className="badge badge-internal">{t('import.internalDataset')}</p>
      )}
      <Duplicates dataset={dataset} />
      {notable.length > 0 && (
        <table className="report-rows">
          <caption>{t('importReport.rowsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('importReport.csvRow')}</th>
              <th scope="col">{t('importReport.csvOutcome')}</th>
              <th scope="col">{t('importReport.csvName')}</th>
              <th scope="col">{t('importReport.csvDetails')}</th>
            </tr>
          </thead>
          <tbody>
            {notable.slice(0, listed).map((row: RowResult) => (
              <tr key={row.row} data-outcome={row.outcome}>
                <td>{row.row}</td>
                <td>{t(`outcome.${row.outcome}`)}</td>
                <td>{row.name}</td>
                <td>{row.issues.map(issueText).join('；')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {notable.length > LISTED_ROWS && (
        <p>{t('importReport.more', { count: n(notable.length - LISTED_ROWS) })}</p>
      )}
    </Modal>
  );
}

/** Pairs listed at once (the rest are counted; the CSV report has them all). */
const LISTED_PAIRS = 100;

function Duplicates({ dataset }: { dataset: ImportedDataset }) {
  const { t } = useTranslation();
  const resolve = useAppStore((s) => s.resolveDuplicate);
  // A pair carries the two names. Pairs saved before it did have theirs looked up, for the pairs listed only and
  // in one pass: a map of every record on show would cost ~40 ms at 100,000.
  const { resources } = useAppStore(selectDataset);
  const { duplicates } = dataset;
  const edits = useAppStore((s) => s.officeEdits.present);
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
              onClick={() => resolve(dataset.id, pair.duplicateId, 'merged')}
            >
              {t('importReport.merge')}
            </button>{' '}
            <button
              type="button"
              className="button-ghost"
              onClick={() => resolve(dataset.id, pair.duplicateId, 'kept')}
            >
              {t('importReport.keep')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
