import type { ImportedDataset } from '../../domain/loading/imported-dataset.ts';
import { countOutcomes } from '../../domain/loading/row-outcome.ts';
import { formatNumber } from '../../i18n/translate.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { backToDefaultData, removeDataset } from '../../store/import/corrections-actions.ts';
import { selectSaveStatus } from '../../store/import/import-derived.ts';
import { FilePicker } from './file-picker.tsx';
import { NeedsLocationList } from './needs-location-list.tsx';

/**
 * The import panel's list of what this browser keeps: the datasets (report, replace, remove), the records that
 * still need a location, the way back to the default data, and whether it is saved.
 */
export function ImportedDatasets() {
  const { t } = useOfficeTranslation();
  const datasets = useAppStore((s) => s.importedDatasets);
  const storage = useAppStore(selectSaveStatus);
  const persistent = useAppStore((s) => s.storagePersistent);
  const editCount = useAppStore((s) => Object.keys(s.officeEdits).length);
  const unreadable = useAppStore((s) => s.correctionIssues.length);
  return (
    <>
      {datasets.length > 0 && (
        <ul className="dataset-list" aria-label={t('import.datasets')}>
          {datasets.map((d) => (
            <DatasetItem key={d.id} dataset={d} />
          ))}
        </ul>
      )}
      <NeedsLocationList />
      {(datasets.length > 0 || editCount > 0) && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            if (window.confirm(t('import.resetConfirm'))) backToDefaultData();
          }}
        >
          {t('import.reset')}
        </button>
      )}
      {unreadable > 0 && (
        <p className="save-status-unsaved" role="status">
          {t('import.unreadableCorrections', { count: unreadable })}
        </p>
      )}
      {storage === 'saving' && (
        <p className="muted" role="status">
          {t('import.saving')}
        </p>
      )}
      {(storage === 'failed' || storage === 'unsaved') && (
        <p className="save-status-unsaved" role="status">
          {t('save.notSaved')}
        </p>
      )}
      {storage === 'saved' && (datasets.some((d) => d.origin === 'file') || editCount > 0) && (
        <p className="muted">
          {t('import.storedHere')}
          {persistent === false && ` ${t('save.mayBeEvicted')}`}
        </p>
      )}
    </>
  );
}

function DatasetItem({ dataset }: { dataset: ImportedDataset }) {
  const { t, language } = useOfficeTranslation();
  const showReport = useAppStore((s) => s.showReport);
  const counts = countOutcomes(dataset.rows);
  const n = (value: number) => formatNumber(language, value);
  return (
    <li className="dataset-item">
      <p className="dataset-item__name">
        {dataset.fileName}
        {dataset.visibility === 'internal' && (
          <span className="badge badge-internal">{t('detail.internal')}</span>
        )}
        {dataset.origin === 'url' && <span className="badge">{t('import.fromLink')}</span>}
      </p>
      <p className="muted dataset-item__counts">
        {t('import.datasetCounts', {
          rows: n(dataset.rows.length),
          imported: n(counts.imported + counts.fixed + counts.approximate),
          needs: n(counts['needs-location']),
          rejected: n(counts.rejected),
        })}
      </p>
      <div className="button-row">
        <button type="button" className="button-ghost" onClick={() => showReport(dataset.id)}>
          {t('import.showReport')}
        </button>
        {dataset.origin === 'file' && (
          <FilePicker label={t('import.replace')} replaceId={dataset.id} className="button-ghost" />
        )}
        <button
          type="button"
          className="button-ghost"
          aria-label={t('import.removeLabel', { file: dataset.fileName })}
          onClick={() => removeDataset(dataset.id)}
        >
          {t('import.remove')}
        </button>
      </div>
    </li>
  );
}
