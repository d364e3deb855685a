import { useId } from 'react';
import type { CoverageResult, UncoveredTarget } from '../../domain/analysis/coverage.ts';
import { formatDistance } from '../../domain/geo/distance-format.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';

/** A list longer than this helps nobody on screen; the CSV has every place. */
const MAX_LISTED = 300;

const placeName = (u: UncoveredTarget) =>
  [u.target.county, u.target.town, u.target.village ?? ''].filter(Boolean).join(' ');

/** The places outside every radius, farthest first, each with the nearest resource and how far it is. */
export function CoverageGapList({
  coverage,
  resources,
  unitName,
  radius,
  categoryName,
}: {
  readonly coverage: CoverageResult;
  /** The records the analysis ran over (`UncoveredTarget.nearest` indexes them). */
  readonly resources: readonly Resource[];
  readonly unitName: string;
  readonly radius: string;
  readonly categoryName: string;
}) {
  const { t, language } = useOfficeTranslation();
  const id = useId();
  return (
    <>
      <h3 id={id}>
        {t('coverage.uncoveredHeading', { count: coverage.uncovered.length, unit: unitName, radius })}
      </h3>
      {coverage.uncovered.length === 0 ? (
        <p>{t('coverage.allCovered', { unit: unitName })}</p>
      ) : (
        <ol className="coverage__list" aria-labelledby={id}>
          {coverage.uncovered.slice(0, MAX_LISTED).map((u) => (
            <li key={placeName(u)}>
              <span className="coverage__place">{placeName(u)}</span>
              <span className="coverage__distance">
                {u.nearestMetres === null || u.nearest === null
                  ? t('coverage.noneAtAll', { category: categoryName })
                  : t('coverage.nearestNamed', {
                      distance: formatDistance(u.nearestMetres, language),
                      name: resources[u.nearest]?.name ?? '',
                    })}
              </span>
            </li>
          ))}
        </ol>
      )}
      {coverage.uncovered.length > MAX_LISTED && (
        <p className="muted">{t('coverage.more', { count: coverage.uncovered.length - MAX_LISTED })}</p>
      )}
    </>
  );
}
