import './filters.css';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { AreaFilter } from './area-filter.tsx';
import { CategoryFilter } from './category-filter.tsx';
import { SearchBox } from './search-box.tsx';
import { ServiceFilter } from './service-filter.tsx';

/** Search and every filter; changes apply to the map and the list together. */
export function FilterPanel() {
  const { t } = useTranslation();
  const resetFilters = useAppStore((s) => s.resetFilters);
  return (
    <section className="filter-panel" aria-labelledby="filters-heading">
      <h2 id="filters-heading">{t('filters.heading')}</h2>
      <SearchBox />
      <CategoryFilter />
      <ServiceFilter />
      <AreaFilter />
      <button type="button" className="button-secondary" onClick={resetFilters}>
        {t('filters.reset')}
      </button>
    </section>
  );
}
