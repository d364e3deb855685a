import type { ReactNode } from 'react';
import { formatDistance } from '../../domain/geo/distance-format.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import {
  selectCategories,
  selectFilterResult,
  selectResources,
  selectServiceTags,
} from '../../store/data/derived.ts';
import { selectNothingFound } from '../../store/filters/search-derived.ts';

/**
 * What a person can do when the search and filters find nothing: the nearest resources of the category the
 * query named (心衛中心 in 民雄 → the mental-health centre in 太保, with its distance), the hotlines, and
 * clearing the search text or every filter. Loaded on demand: most searches find something (the hotlines come
 * from the list, which the first screen has loaded with them).
 */
export function NothingFound({ hotlines }: { readonly hotlines: ReactNode }) {
  const { t, label, language } = useTranslation();
  const query = useAppStore((s) => s.filters.query.trim());
  const help = useAppStore(selectNothingFound);
  // The query matches records that the category ticks or near-me hide: say that the filters are the reason.
  const queryMatches = useAppStore((s) => selectFilterResult(s).matched?.length ?? 1) > 0;
  const resources = useAppStore(selectResources);
  const categories = useAppStore(selectCategories);
  const serviceTags = useAppStore(selectServiceTags);
  const narrowed = useAppStore(
    (s) =>
      s.filters.hiddenCategories.length > 0 ||
      s.filters.services.length > 0 ||
      s.filters.county !== '' ||
      s.openNowOnly ||
      (s.reference !== null && s.radiusKm !== null),
  );
  const select = useAppStore((s) => s.select);
  const setQuery = useAppStore((s) => s.setQuery);
  const clearAll = () => {
    const state = useAppStore.getState();
    state.resetFilters();
    state.setOpenNowOnly(false);
    if (state.reference) state.setRadius(null);
  };

  const names = help
    ? [
        ...categories.filter((c) => help.categoryIds.includes(c.id)).map((c) => label(c.label)),
        ...serviceTags.filter((s) => help.serviceIds.includes(s.id)).map((s) => label(s.label)),
      ].join(language === 'en' ? ', ' : '、')
    : '';
  const heading = !help
    ? ''
    : help.from?.kind === 'reference'
      ? t('search.nearestToYou', { names })
      : help.from?.kind === 'place'
        ? t('search.nearestToPlace', {
            names,
            // Place names are data in Chinese; other languages read the Ministry's English name when there is one.
            place: language === 'zh-TW' ? help.from.name : (help.from.english ?? help.from.name),
          })
        : t('search.mayHelp', { names });

  return (
    <section className="nothing-found" aria-labelledby="nothing-found-heading">
      <h3 id="nothing-found-heading">
        {query && !queryMatches ? t('search.nothingFound', { query }) : t('results.none')}
      </h3>
      {help && help.nearest.length > 0 && (
        <section aria-labelledby="nothing-found-nearest">
          <h4 id="nothing-found-nearest">{heading}</h4>
          <ul className="nothing-found__nearest">
            {help.nearest.map(({ index, metres }) => {
              const resource = resources[index] as Resource | undefined;
              if (!resource) return null;
              // From a named place (the middle of its records) the distance is rough: whole kilometres.
              const shown =
                help.from?.kind === 'place' ? Math.max(1000, Math.round(metres / 1000) * 1000) : metres;
              return (
                <li key={resource.id}>
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => select(resource.id, 'list')}
                  >
                    <span className="nothing-found__name">{resource.name}</span>
                    {Number.isFinite(metres) && (
                      <span className="nothing-found__distance">
                        {t('search.distance', { distance: formatDistance(shown, language) })}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <div className="nothing-found__clear">
        {query && (
          <button type="button" className="button-primary" onClick={() => setQuery('')}>
            {t('filters.clearSearch')}
          </button>
        )}
        {narrowed && (
          <button type="button" className="button-secondary" onClick={clearAll}>
            {t('search.clearFilters')}
          </button>
        )}
      </div>
      <section className="nothing-found__hotlines" aria-labelledby="nothing-found-hotlines">
        <h4 id="nothing-found-hotlines">{t('search.hotlines')}</h4>
        {hotlines}
      </section>
    </section>
  );
}
