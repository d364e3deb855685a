import './workshop-panel.css';
import { type ChangeEvent, useId, useState } from 'react';
import { downloadCsv, downloadFile, fileNameOf, todayIso } from '../../components/download-file.ts';
import { toLatLng } from '../../domain/model/coordinates.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectCategories, selectServiceTags } from '../../store/data/derived.ts';
import { importWorkshopRecords, redoWorkshop, undoWorkshop } from '../../store/workshop/workshop-actions.ts';
import { selectWorkshopRows } from '../../store/workshop/workshop-derived.ts';
import { selectGazetteer } from '../../store/workshop/workshop-slice.ts';

/**
 * The facilitator's controls while co-mapping: who records, undo/redo, what was changed, and the hand-back
 * files (CSV / GeoJSON of the workshop's records only, never mixed into the source data).
 */
export function WorkshopPanel() {
  const { t } = useOfficeTranslation();
  const id = useId();
  const editing = useAppStore((s) => s.workshopEditing);
  const facilitator = useAppStore((s) => s.facilitator);
  const setFacilitator = useAppStore((s) => s.setFacilitator);
  const doc = useAppStore((s) => s.workshop);
  const steps = useAppStore((s) => s.workshopSteps);
  const rows = useAppStore(selectWorkshopRows);
  const moving = useAppStore((s) => s.workshopMoving);
  const storage = useAppStore((s) => s.workshopStorage);
  const categories = useAppStore(selectCategories);
  const serviceTags = useAppStore(selectServiceTags);
  const select = useAppStore((s) => s.select);
  const [message, setMessage] = useState('');
  if (!editing) return null;

  const vocabulary = { categories, serviceTags };
  const date = todayIso();
  // The writers (and PapaParse) load on first use, keeping them out of the first page load.
  const exportCsv = async () => {
    const { workshopToCsv } = await import('../../domain/workshop/workshop-export.ts');
    downloadCsv(fileNameOf([t('workshop.fileName'), date], 'csv'), workshopToCsv(rows, vocabulary));
  };
  const exportGeoJson = async () => {
    const { workshopToGeoJson } = await import('../../domain/workshop/workshop-export.ts');
    downloadFile(
      fileNameOf([t('workshop.fileName'), date], 'geojson'),
      workshopToGeoJson(rows, vocabulary),
      'application/geo+json',
    );
  };
  const addAtCentre = () => {
    const s = useAppStore.getState();
    if (s.mapView) s.startAdd(toLatLng(s.mapView.lat, s.mapView.lng));
  };
  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const { readWorkshopFile } = await import('../../domain/workshop/workshop-import.ts');
    const s = useAppStore.getState();
    const loaded = readWorkshopFile(new Uint8Array(await file.arrayBuffer()), file.name, {
      categories: s.manifest?.categories ?? [],
      serviceTags: s.manifest?.serviceTags ?? [],
      gazetteer: selectGazetteer(s),
    });
    importWorkshopRecords(loaded.resources);
    const rejected = loaded.issues.filter((i) => i.severity === 'error').length;
    setMessage(t('workshop.imported', { count: loaded.resources.length, rejected }));
  };

  return (
    <section className="workshop-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="workshop-panel__title">
        {t('workshop.heading')}
      </h2>
      <p className="workshop-panel__hint">{moving ? t('workshop.moveHint') : t('workshop.clickHint')}</p>
      <label htmlFor={`${id}-facilitator`}>{t('workshop.facilitator')}</label>
      <input
        id={`${id}-facilitator`}
        value={facilitator}
        autoComplete="off"
        onChange={(e) => setFacilitator(e.target.value)}
      />
      <div className="workshop-panel__row">
        <button type="button" className="button-secondary" onClick={addAtCentre}>
          {t('workshop.addAtCentre')}
        </button>
      </div>
      <div className="workshop-panel__row">
        <button
          type="button"
          className="button-secondary"
          disabled={steps.undo === 0}
          aria-keyshortcuts="Control+Z"
          onClick={undoWorkshop}
        >
          {t('workshop.undo')}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={steps.redo === 0}
          aria-keyshortcuts="Control+Y Control+Shift+Z"
          onClick={redoWorkshop}
        >
          {t('workshop.redo')}
        </button>
      </div>
      <p>
        {t('workshop.summary', {
          added: doc.additions.length,
          edited: Object.keys(doc.edits).length,
          deleted: doc.deletions.length,
        })}
      </p>
      {rows.length > 0 && (
        <ul className="workshop-panel__records" aria-label={t('workshop.recordsLabel')}>
          {rows.map((row) => (
            <li key={`${row.change}-${row.resource.id}`}>
              <span className={`workshop-change workshop-change--${row.change}`}>
                {t(`workshop.change.${row.change}`)}
              </span>{' '}
              {row.change === 'deleted' ? (
                <span>{row.resource.name}</span>
              ) : (
                <button
                  type="button"
                  className="button-ghost"
                  onClick={() => select(row.resource.id, 'list')}
                >
                  {row.resource.name}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="workshop-panel__row">
        <button type="button" className="button-secondary" disabled={rows.length === 0} onClick={exportCsv}>
          {t('workshop.exportCsv')}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={rows.length === 0}
          onClick={exportGeoJson}
        >
          {t('workshop.exportGeoJson')}
        </button>
      </div>
      <label htmlFor={`${id}-import`} className="workshop-panel__import">
        {t('workshop.import')}
      </label>
      <input
        id={`${id}-import`}
        type="file"
        accept=".csv,.geojson,.json,text/csv,application/geo+json"
        onChange={importFile}
      />
      <p className="workshop-panel__status" aria-live="polite">
        {message && <span>{message} </span>}
        <span>{t(`workshop.storage.${storage}`)}</span>
      </p>
    </section>
  );
}
