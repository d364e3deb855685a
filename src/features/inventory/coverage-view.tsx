import { type ChangeEvent, useId } from 'react';
import { downloadCsv, fileNameOf, todayIso } from '../../components/download-file.ts';
import { COVERAGE_RADII_METRES, defaultRadiusFor } from '../../domain/analysis/coverage.ts';
import { formatDistance } from '../../domain/geo/distance-format.ts';
import { decodeBytes } from '../../domain/loading/decode-bytes.ts';
import { formatNumber } from '../../i18n/translate.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectCategories } from '../../store/data/derived.ts';
import { selectCoverage, selectCoverageCategory } from '../../store/workshop/workshop-derived.ts';
import { selectGazetteer } from '../../store/workshop/workshop-slice.ts';

/** A list longer than this helps nobody on screen; the CSV has every place. */
const MAX_LISTED = 300;

/**
 * Coverage and gaps: which township centroids (or villages, when the office supplies them) lie outside every
 * radius around a category's resources, farthest first, in the terms offices report (n of m, %).
 */
export function CoverageView() {
  const { t, label, language } = useTranslation();
  const id = useId();
  const categories = useAppStore(selectCategories);
  const categoryId = useAppStore(selectCoverageCategory);
  const radius = useAppStore((s) => s.coverageRadius);
  const setCoverage = useAppStore((s) => s.setCoverage);
  const coverage = useAppStore(selectCoverage);
  const villages = useAppStore((s) => s.villages);
  const setVillages = useAppStore((s) => s.setVillages);
  const category = categories.find((c) => c.id === categoryId);
  const categoryName = category ? label(category.label) : categoryId;
  const distance = (m: number) => formatDistance(m, language);
  // Radii are round numbers: 500 公尺, 5 公里 (not 5.0).
  const radiusText = (m: number) =>
    new Intl.NumberFormat(language, {
      style: 'unit',
      unit: m < 1000 ? 'meter' : 'kilometer',
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    }).format(m < 1000 ? m : m / 1000);
  const unit = villages ? t('coverage.villages') : t('coverage.townships');
  const percent =
    coverage.targetCount === 0 ? 0 : Math.round((100 * coverage.coveredCount) / coverage.targetCount);
  const placeName = (u: (typeof coverage.uncovered)[number]) =>
    [u.target.county, u.target.town, u.target.village ?? ''].filter(Boolean).join(' ');

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
      fileNameOf([t('coverage.fileName'), categoryName, radiusText(radius), todayIso()], 'csv'),
      coverageGapsToCsv(coverage, {
        county: t('inventory.county'),
        town: t('inventory.town'),
        village: t('coverage.village'),
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
        <button type="button" className="button-secondary" onClick={exportCsv}>
          {t('coverage.exportCsv')}
        </button>
      </div>
      <p className="coverage__summary">
        {t('coverage.summary', {
          covered: formatNumber(language, coverage.coveredCount),
          total: formatNumber(language, coverage.targetCount),
          unit,
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
      <div className="coverage__villages">
        <label htmlFor={`${id}-villages`}>{t('coverage.villageFile')}</label>
        <input id={`${id}-villages`} type="file" accept=".csv,.geojson,.json" onChange={loadVillages} />
        {villages && (
          <p>
            {t('coverage.villagesLoaded', {
              file: villages.file,
              count: villages.targets.length,
              skipped: villages.skippedRows.length,
            })}{' '}
            <button type="button" className="button-ghost" onClick={() => setVillages(null)}>
              {t('coverage.useTownships')}
            </button>
          </p>
        )}
      </div>
      <h3 id={`${id}-uncovered`}>
        {t('coverage.uncoveredHeading', {
          count: coverage.uncovered.length,
          unit,
          radius: radiusText(radius),
        })}
      </h3>
      {coverage.uncovered.length === 0 ? (
        <p>{t('coverage.allCovered', { unit })}</p>
      ) : (
        <ol className="coverage__list" aria-labelledby={`${id}-uncovered`}>
          {coverage.uncovered.slice(0, MAX_LISTED).map((u) => (
            <li key={placeName(u)}>
              <span className="coverage__place">{placeName(u)}</span>
              <span className="coverage__distance">
                {u.nearestMetres === null
                  ? t('coverage.noneAtAll', { category: categoryName })
                  : t('coverage.nearest', { distance: distance(u.nearestMetres) })}
              </span>
            </li>
          ))}
        </ol>
      )}
      {coverage.uncovered.length > MAX_LISTED && (
        <p className="muted">{t('coverage.more', { count: coverage.uncovered.length - MAX_LISTED })}</p>
      )}
    </div>
  );
}
