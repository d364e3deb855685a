import { useId, useMemo, useState } from 'react';
import { downloadFile } from '../../components/download-file.ts';
import { filterSummaryParts } from '../../components/filter-summary.ts';
import { Modal } from '../../components/modal.tsx';
import {
  availableColumns,
  columnHeader,
  columnHeaders,
  type ExportColumnId,
  type ExportContext,
  exportLanguageOf,
  HSDS_LINK_ORIGIN_COLUMN,
  LINK_ORIGIN_COLUMN,
} from '../../domain/files/export-columns.ts';
import { exportFileName, isoDate } from '../../domain/files/export-filename.ts';
import { tallyLinkRecords } from '../../domain/link/link-records.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { formatNumber } from '../../i18n/translate.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectCategories, selectServiceTags } from '../../store/data/derived.ts';
import { selectLinkHostById } from '../../store/import/data-link-derived.ts';
import { selectFilteredResources } from '../../store/import/import-derived.ts';

// XLSX first and by default: "for Excel" means a workbook, which keeps 0930007021 as written (a CSV opened in
// Excel or LibreOffice turns it into 930007021).
export const EXPORT_FORMATS = ['xlsx', 'ods', 'csv', 'geojson', 'kml', 'hsds'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const EXTENSION: Record<ExportFormat, string> = {
  csv: 'csv',
  xlsx: 'xlsx',
  ods: 'ods',
  geojson: 'geojson',
  kml: 'kml',
  hsds: 'zip',
};
const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  geojson: 'application/geo+json',
  kml: 'application/vnd.google-earth.kml+xml',
  hsds: 'application/zip',
};

/** A built export: the file, and how many cells were cut to fit Excel's limit (XLSX only). */
export interface BuiltExport {
  readonly file: Uint8Array | string;
  readonly truncatedCells: number;
}

/** Builds the file of an export; the writers load on demand (SheetJS only for XLSX/ODS). */
export async function buildExport(
  format: ExportFormat,
  resources: readonly Resource[],
  columns: readonly ExportColumnId[],
  ctx: ExportContext,
  title: string,
): Promise<BuiltExport> {
  const whole = (file: Uint8Array | string) => ({ file, truncatedCells: 0 });
  switch (format) {
    case 'csv':
      return whole((await import('../../domain/files/export-csv.ts')).exportCsv(resources, columns, ctx));
    case 'xlsx':
    case 'ods': {
      const [xlsx, { exportSpreadsheet }] = await Promise.all([
        import('@e965/xlsx'),
        import('../../domain/files/export-spreadsheet.ts'),
      ]);
      const { bytes, truncatedCells } = exportSpreadsheet(xlsx, format, resources, columns, ctx, title);
      return { file: bytes, truncatedCells };
    }
    case 'geojson':
      return whole(
        (await import('../../domain/files/export-geojson.ts')).exportGeoJson(resources, columns, ctx),
      );
    case 'kml':
      return whole(
        (await import('../../domain/files/export-kml.ts')).exportKml(resources, columns, ctx, title),
      );
    case 'hsds':
      return whole(
        (await import('../../domain/files/export-hsds.ts')).exportHsdsPackage(resources, ctx, title),
      );
  }
}

/**
 * Export of the filtered list — exactly what the list shows — in a chosen format, columns and order. Records a
 * `?data=` link brought are marked in the file, row by row (the domain's link-origin column), and the file name
 * and a note here say so.
 */
export function ExportForm() {
  const { t, label, language } = useOfficeTranslation();
  const resources = useAppStore(selectFilteredResources);
  const categories = useAppStore(selectCategories);
  const serviceTags = useAppStore(selectServiceTags);
  const filters = useAppStore((s) => s.filters);
  const setExportOpen = useAppStore((s) => s.setExportOpen);
  const setPrintOpen = useAppStore((s) => s.setPrintOpen);
  const linkHosts = useAppStore(selectLinkHostById);
  const available = useMemo(() => availableColumns(resources), [resources]);
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [columns, setColumns] = useState<{ id: ExportColumnId; on: boolean }[]>(() =>
    available.map((id) => ({ id, on: true })),
  );
  const [busy, setBusy] = useState(false);
  const headers = columnHeaders(
    columns.map((c) => c.id),
    exportLanguageOf(language),
  );
  // What the last download could not do as asked: cells cut to Excel's limit, or the file not written at all.
  const [notice, setNotice] = useState<{ truncated: number } | { failed: string } | null>(null);
  const formatName = useId();
  const hasInternal = resources.some((r) => r.visibility === 'internal');
  const link = useMemo(() => tallyLinkRecords(resources, linkHosts), [resources, linkHosts]);
  const chosen = columns.filter((c) => c.on).map((c) => c.id);
  const fileName = exportFileName(
    [
      t('app.title'),
      ...(hasInternal ? [t('detail.internal')] : []),
      ...(link.count > 0 ? [t('dataLink.filePart')] : []),
      ...filterSummaryParts(filters, categories, serviceTags, t, label),
      t('export.countPart', { count: resources.length }),
      isoDate(new Date()),
    ],
    EXTENSION[format],
  );
  const move = (index: number, by: -1 | 1) =>
    setColumns((current) => {
      const next = [...current];
      const [item] = next.splice(index, 1);
      if (item) next.splice(Math.max(0, Math.min(next.length, index + by)), 0, item);
      return next;
    });
  const download = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const ctx: ExportContext = {
        language: exportLanguageOf(language),
        categories,
        serviceTags,
        linkHosts,
      };
      const title = fileName.replace(/\.[^.]+$/, '');
      const { file, truncatedCells } = await buildExport(format, resources, chosen, ctx, title);
      downloadFile(fileName, typeof file === 'string' ? file : new Uint8Array(file), MIME[format]);
      if (truncatedCells > 0) setNotice({ truncated: truncatedCells });
    } catch (error) {
      setNotice({ failed: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={t('export.title', { count: formatNumber(language, resources.length) })}
      onClose={() => setExportOpen(false)}
      closeLabel={t('import.close')}
      className="export-dialog"
      footer={
        <>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setExportOpen(false);
              setPrintOpen(true);
            }}
          >
            {t('print.open')}
          </button>
          <button
            type="button"
            className="button-primary"
            disabled={busy || chosen.length === 0}
            onClick={download}
            data-autofocus
          >
            {t('export.download', { format: t(`exportFormat.${format}`) })}
          </button>
        </>
      }
    >
      {hasInternal && <p className="badge badge-internal">{t('export.internalWarning')}</p>}
      {link.count > 0 && (
        <p className="badge badge-link badge-link--detail">
          {t('dataLink.exportNote', {
            count: formatNumber(language, link.count),
            host: link.hosts.join('、'),
            column:
              format === 'hsds'
                ? HSDS_LINK_ORIGIN_COLUMN
                : columnHeader(LINK_ORIGIN_COLUMN, exportLanguageOf(language)),
          })}
        </p>
      )}
      {notice && (
        <p role="alert" className="note">
          {'truncated' in notice
            ? t('export.truncatedCells', { count: formatNumber(language, notice.truncated) })
            : t('export.failed', { reason: notice.failed })}
        </p>
      )}
      <fieldset className="export-formats">
        <legend>{t('export.format')}</legend>
        {EXPORT_FORMATS.map((f) => (
          <label key={f} className="check-row">
            <input
              type="radio"
              name={formatName}
              value={f}
              checked={format === f}
              onChange={() => setFormat(f)}
            />
            <span>
              {t(`exportFormat.${f}`)} <span className="muted">{t(`exportFormat.${f}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {format !== 'hsds' && (
        <fieldset className="export-columns">
          <legend>{t('export.columns')}</legend>
          <ol>
            {columns.map((c, i) => {
              const header = headers[i] ?? c.id;
              return (
                <li key={c.id}>
                  <label className="check-row">
                    <input
                      type="checkbox"
                      checked={c.on}
                      onChange={(e) =>
                        setColumns((current) =>
                          current.map((x) => (x.id === c.id ? { ...x, on: e.target.checked } : x)),
                        )
                      }
                    />
                    <span>{header}</span>
                  </label>
                  <button
                    type="button"
                    className="button-ghost"
                    disabled={i === 0}
                    aria-label={t('export.moveUp', { column: header })}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button-ghost"
                    disabled={i === columns.length - 1}
                    aria-label={t('export.moveDown', { column: header })}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                </li>
              );
            })}
          </ol>
        </fieldset>
      )}
      <p>
        {t('export.fileName')} <code className="export-file-name">{fileName}</code>
      </p>
    </Modal>
  );
}
