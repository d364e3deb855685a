import { useId } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';

/** Free-text search across name, address and services. */
export function SearchBox() {
  const { t } = useTranslation();
  const query = useAppStore((s) => s.filters.query);
  const setQuery = useAppStore((s) => s.setQuery);
  const id = useId();
  return (
    <div className="search-box">
      <label htmlFor={id}>{t('filters.search')}</label>
      <div className="search-box__row">
        <input
          id={id}
          type="search"
          value={query}
          placeholder={t('filters.searchPlaceholder')}
          autoComplete="off"
          enterKeyHint="search"
          onChange={(e) => setQuery(e.target.value)}
        />
        {query !== '' && (
          <button type="button" className="button-ghost" onClick={() => setQuery('')}>
            {t('filters.clearSearch')}
          </button>
        )}
      </div>
    </div>
  );
}
