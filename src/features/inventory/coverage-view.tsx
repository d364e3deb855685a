import { type ChangeEvent, useEffect, useId } from 'react';
import { downloadCsv, fileNameOf, todayIso } from '../../components/download-file.ts';
import { COVERAGE_RADII_METRES, defaultRadiusFor } from '../../domain/analysis/coverage.ts';
import { decodeBytes } from '../../domain/loading/decode-bytes.ts';
import { formatNumber } from '../../i18n/translate.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { loadVillageCentroids } from '../../store/analysis/load-village-centroids.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectCategories, selectDataset } from '../../store/data/derived.ts';
import {
  selectCoverage,
  selectCoverageCategory,
  selectCoveragePlacesReady,
} from '../../store/workshop/workshop-derived.ts';
import { selectGazetteer } from '../../store/workshop/workshop-slice.ts';
import { CoverageGapList } from './coverage-gap-list.tsx';

/**
 * Coverage and gaps: which township centroids or villages lie outside every radius around a category's
 * resources, farthest first, each with the nearest resource, in the terms offices report (n of m, %). Villages
 * are the Ministry's of the county in view (fetched when first chosen), or the office's own file.
 */
export function CoverageView() {
  const { t, label, language } = useOfficeTranslation();
  const id = useId();
  const categories = useAppStore(selectCategories);
  const categoryId = useAppStore(selectCoverageCategory);
  const radius = useAppStore((s) => s.coverageRadius);
  const setCoverage = useAppStore((s) => s.setCoverage);
  const coverage = useAppStore(selectCoverage);
  const { resources } = useAppStore(selectDataset);
  const unit = useAppStore((s) => s.coverageUnit);
  const setUnit = useAppStore((s) => s.setCoverageUnit);
  const villages = useAppStore((s) => s.villages);
  const setVillages = useAppStore((s) => s.setVillages);
  const centroidsStatus = useAppStore((s) => s.villageCentroidsStatus);
  const ready = useAppStore(selectCoveragePlacesReady);
  const category = categories.find((c) => c.id === categoryId);
  const categoryName = category ? label(category.label) : categoryId;
  // Radii are round numbers: 500 公尺, 5 公里 (not 5.0).
  const radiusText = (m: number) =>
    new Intl.NumberFormat(language, {
      style: 'unit',
      unit: m < 1000 ? 'meter' : 'kilometer',
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    }).format(m < 1000 ? m : m / 1000);
  const unitName = unit === 'village' ? t('coverage.villages') : t('coverage.townships');
  const percent =
    coverage.targetCount === 0 ? 0 : Math.round((100 * coverage.coveredCount) / coverage.targetCount);

  // Villages chosen (also by a link or an earlier visit) and no file of the office's: fetch the Ministry's.
  useEffect(() => {
    if (unit === 'village' && !villages) void loadVillageCentroids();
  }, [unit, villages]);

  const loadVillages = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const { parseVillageTargets } = await import('../../domain/analysis/village-targets.ts');
    const text = decodeBytes(new Uint8Array(await file.arrayBuffer())).text;
    const parsed = parseVillageTargets(text, selectGazetteer(useAppStore.getState()));
    setVillages({ file: file.name, targets: parsed.targets, skippedRows: parsed.skippedRows });
  };
  const exportCsv = async () => {
    const { coverageGapsToCsv } = await import('../../domain/files/coverage-csv.ts');
    downloadCsv(
      fileNameOf([t('coverage.fileName'), unitName, categoryName, radiusText(radius), todayIso()], 'csv'),
      coverageGapsToCsv(coverage, resources, {
        county: t('inventory.county'),
        town: t('inventory.town'),
        village: t('coverage.village'),
        nearestName: t('coverage.nearestNameColumn'),
        nearest: t('coverage.nearestColumn'),
      }),
    );
  };

  return (
    <div className="coverage">
      <div className="analysis-toolbar">
        <label htmlFor={`${id}-category`}>{t('coverage.category')}</label>
        <select
          id={`${id}-category`}
          value={categoryId}
          onChange={(e) => setCoverage(e.target.value, defaultRadiusFor(e.target.value))}
        >
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {label(c.label)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-radius`}>{t('coverage.radius')}</label>
        <select
          id={`${id}-radius`}
          value={radius}
          onChange={(e) => setCoverage(categoryId, Number(e.target.value))}
        >
          {COVERAGE_RADII_METRES.map((r) => (
            <option key={r} value={r}>
              {radiusText(r)}
            </option>
          ))}
        </select>
        <button type="button" className="button-secondary" onClick={exportCsv} disabled={!ready}>
          {t('coverage.exportCsv')}
        </button>
      </div>
      <fieldset className="coverage__unit">
        <legend>{t('coverage.unit')}</legend>
        <label>
          <input
            type="radio"
            name={`${id}-unit`}
            checked={unit === 'township'}
            onChange={() => setUnit('township')}
          />
          {t('coverage.unitTownships')}
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-unit`}
            checked={unit === 'village'}
            onChange={() => setUnit('village')}
          />
          {t('coverage.unitVillages')}
        </label>
      </fieldset>
      <div className="coverage__villages">
        {unit === 'village' &&
          (villages ? (
            <p>
              {t('coverage.villagesLoaded', {
                file: villages.file,
                count: villages.targets.length,
                skipped: villages.skippedRows.length,
              })}{' '}
              <button type="button" className="button-ghost" onClick={() => setVillages(null)}>
                {t('coverage.useMinistryVillages')}
              </button>
            </p>
          ) : centroidsStatus === 'failed' ? (
            <p role="alert">
              {t('coverage.villagesFailed')}{' '}
              <button type="button" className="button-ghost" onClick={() => void loadVillageCentroids()}>
                {t('coverage.retry')}
              </button>
            </p>
          ) : centroidsStatus === 'ready' ? (
            <p className="muted">{t('coverage.villagesSource')}</p>
          ) : (
            <p role="status">{t('coverage.villagesLoading')}</p>
          ))}
        <label htmlFor={`${id}-villages`}>{t('coverage.villageFile')}</label>
        <input id={`${id}-villages`} type="file" accept=".csv,.geojson,.json" onChange={loadVillages} />
      </div>
      {ready && (
        <>
          <p className="coverage__summary">
            {t('coverage.summary', {
              covered: formatNumber(language, coverage.coveredCount),
              total: formatNumber(language, coverage.targetCount),
              unit: unitName,
              radius: radiusText(radius),
              category: categoryName,
              percent,
            })}
          </p>
          {coverage.approximateProviders > 0 && (
            <p className="note-approximate">
              {t('coverage.approximate', { count: coverage.approximateProviders })}
            </p>
          )}
          <CoverageGapList
            coverage={coverage}
            resources={resources}
            unitName={unitName}
            radius={radiusText(radius)}
            categoryName={categoryName}
          />
        </>
      )}
    </div>
  );
}
