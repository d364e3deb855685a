import { useId, useState } from 'react';
import { Modal } from '../../components/modal.tsx';
import { PROJECTED_CRS, type ProjectedCrs } from '../../domain/geo/crs-codes.ts';
import {
  type HeaderMapping,
  MAPPABLE_FIELDS,
  type MappableField,
} from '../../domain/loading/column-mapping.ts';
import type { TextEncodingName } from '../../domain/loading/decode-bytes.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import {
  cancelImport,
  changeImportEncoding,
  confirmImport,
  sendFileToCoverage,
} from '../../store/import/import-actions.ts';
import { TAIWAN_COUNTIES } from './import-options.ts';

/** field per column header ('' = kept as an extra column). */
type ColumnChoice = Record<string, MappableField | ''>;

function choicesFrom(headers: readonly string[], mapping: HeaderMapping): ColumnChoice {
  const byHeader: ColumnChoice = Object.fromEntries(headers.map((h) => [h, '']));
  for (const field of MAPPABLE_FIELDS) {
    const header = mapping[field];
    if (header !== undefined && header in byHeader && byHeader[header] === '') byHeader[header] = field;
  }
  return byHeader;
}

function mappingFrom(choice: ColumnChoice): HeaderMapping {
  const mapping: HeaderMapping = {};
  for (const [header, field] of Object.entries(choice))
    if (field && mapping[field] === undefined) mapping[field] = header;
  return mapping;
}

/**
 * Shows what the importer understood of a file — format, encoding, columns with sample values — and lets the
 * person correct it before anything is imported: the field of each column, the encoding (UTF-8, Big5 or
 * UTF-16), the coordinate system, the default category and county, and whether the file is internal.
 */
/** The form itself, loaded when a file waits for confirmation (see mapping-dialog-gate.tsx). */
export function MappingForm() {
  const { t, label } = useOfficeTranslation();
  const job = useAppStore((s) => s.importJob);
  const categories = useAppStore((s) => s.manifest?.categories ?? []);
  const preview = job?.preview;
  const [choice, setChoice] = useState<ColumnChoice>(() =>
    choicesFrom(preview?.headers ?? [], job?.mapping ?? {}),
  );
  const [crs, setCrs] = useState<ProjectedCrs | ''>(preview?.declaredCrs ?? '');
  const [internal, setInternal] = useState(false);
  const [category, setCategory] = useState(
    (categories.find((c) => c.id === 'community-association') ?? categories[0])?.id ?? '',
  );
  const [county, setCounty] = useState('');
  const ids = {
    encoding: useId(),
    crs: useId(),
    category: useId(),
    county: useId(),
    internal: useId(),
    noName: useId(),
  };
  if (!job || !preview) return null;
  const encoding = job.encodingOverride;
  const mapping = mappingFrom(choice);
  const setField = (header: string, field: MappableField | '') =>
    setChoice((current) => {
      const next: ColumnChoice = { ...current };
      // A field feeds from one column: choosing it here frees the column that had it.
      if (field) for (const h of Object.keys(next)) if (next[h] === field) next[h] = '';
      next[header] = field;
      return next;
    });
  if (preview.notAList === 'boundaries') {
    return (
      <Modal
        title={t('import.confirmTitle', { file: job.fileName })}
        onClose={cancelImport}
        closeLabel={t('import.cancel')}
        className="mapping-dialog"
        footer={
          <>
            <button type="button" className="button-secondary" onClick={cancelImport}>
              {t('import.cancel')}
            </button>
            <button type="button" className="button-primary" onClick={sendFileToCoverage} data-autofocus>
              {t('import.toCoverage')}
            </button>
          </>
        }
      >
        <p className="alert" role="alert">
          {t('import.notAList.boundaries')}
        </p>
      </Modal>
    );
  }
  const textFormat = preview.encoding !== null && preview.format !== 'kmz' && preview.format !== 'hsds';
  const submit = () =>
    confirmImport({
      mapping,
      ...(encoding ? { encoding } : {}),
      ...(crs ? { crs } : {}),
      visibility: internal ? 'internal' : 'public',
      category,
      ...(county ? { county } : {}),
    });
  return (
    <Modal
      title={t('import.confirmTitle', { file: job.fileName })}
      onClose={cancelImport}
      closeLabel={t('import.cancel')}
      className="mapping-dialog"
      footer={
        <>
          <button type="button" className="button-secondary" onClick={cancelImport}>
            {t('import.cancel')}
          </button>
          {/* Every row would be rejected without a name column: nothing starts until one is chosen. */}
          <button
            type="button"
            className="button-primary"
            onClick={submit}
            disabled={mapping.name === undefined}
            aria-describedby={mapping.name === undefined ? ids.noName : undefined}
            data-autofocus
          >
            {t('import.start')}
          </button>
        </>
      }
    >
      <p>
        {t('import.detected', {
          format: t(`format.${preview.format}`),
          encoding: preview.encoding ? preview.encoding.toUpperCase() : '—',
        })}
        {job.queued > 0 && ` ${t('import.queued', { count: job.queued })}`}
      </p>
      {job.remembered && <p className="note-info">{t('import.remembered')}</p>}
      <div className="form-grid">
        {textFormat && (
          <div className="select-row">
            <label htmlFor={ids.encoding}>{t('import.encoding')}</label>
            <select
              id={ids.encoding}
              value={encoding ?? ''}
              onChange={(e) => changeImportEncoding((e.target.value as TextEncodingName | '') || null)}
            >
              <option value="">
                {t('import.encodingAuto', { detected: (job.detectedEncoding ?? '').toUpperCase() })}
              </option>
              <option value="utf-8">UTF-8</option>
              <option value="big5">Big5 (CP950)</option>
              <option value="utf-16le">{t('import.encodingUtf16le')}</option>
              <option value="utf-16be">{t('import.encodingUtf16be')}</option>
            </select>
          </div>
        )}
        <div className="select-row">
          <label htmlFor={ids.crs}>{t('import.crs')}</label>
          <select id={ids.crs} value={crs} onChange={(e) => setCrs(e.target.value as ProjectedCrs | '')}>
            <option value="">{t('import.crsAuto')}</option>
            {PROJECTED_CRS.map((code) => (
              <option key={code} value={code}>
                {t(`crs.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="select-row">
          <label htmlFor={ids.category}>{t('import.defaultCategory')}</label>
          <select id={ids.category} value={category} onChange={(e) => setCategory(e.target.value)}>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {label(c.label)}
              </option>
            ))}
          </select>
        </div>
        <div className="select-row">
          <label htmlFor={ids.county}>{t('import.county')}</label>
          <select id={ids.county} value={county} onChange={(e) => setCounty(e.target.value)}>
            <option value="">{t('import.countyNone')}</option>
            {TAIWAN_COUNTIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label className="check-row" htmlFor={ids.internal}>
        <input
          id={ids.internal}
          type="checkbox"
          checked={internal}
          onChange={(e) => setInternal(e.target.checked)}
        />
        <span>{t('import.internal')}</span>
      </label>
      {preview.inferredCounty && county === '' && (
        <p className="note-info county-guess">
          {t('import.countyGuess', { county: preview.inferredCounty })}{' '}
          <button
            type="button"
            className="button-secondary"
            onClick={() => setCounty(preview.inferredCounty ?? '')}
          >
            {t('import.countyGuessConfirm', { county: preview.inferredCounty })}
          </button>
        </p>
      )}
      {preview.proposedName !== undefined && mapping.name === preview.proposedName && (
        <p className="note-info">{t('import.nameProposed', { column: preview.proposedName })}</p>
      )}
      {mapping.name === undefined && (
        <p className="alert" role="alert" id={ids.noName}>
          {preview.notAList === 'statistics'
            ? t('import.notAList.statistics')
            : t('import.allRejected', { reason: t('issue.no-name-column') })}
        </p>
      )}
      <div className="mapping-table-wrap">
        <table className="mapping-table">
          <caption>{t('import.columnsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.samples')}</th>
              <th scope="col">{t('import.field')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.headers.map((header, i) => (
              // Headers can repeat (two 備註 columns); the position is the column's identity in this static table.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <tr key={i}>
                <th scope="row">{header || t('import.unnamedColumn', { n: i + 1 })}</th>
                <td className="mapping-samples">
                  {preview.sampleRows
                    .map((row) => row[i] ?? '')
                    .filter((v) => v !== '')
                    .slice(0, 3)
                    .join(' · ')}
                </td>
                <td>
                  <select
                    aria-label={t('import.fieldFor', {
                      column: header || t('import.unnamedColumn', { n: i + 1 }),
                    })}
                    value={choice[header] ?? ''}
                    onChange={(e) => setField(header, e.target.value as MappableField | '')}
                  >
                    <option value="">{t('field.extra')}</option>
                    {MAPPABLE_FIELDS.map((field) => (
                      <option key={field} value={field}>
                        {t(`field.${field}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Modal>
  );
}
