import './list.css';
import { formatNumber } from '../../i18n/translate.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectFilterResult, selectResources } from '../../store/data/derived.ts';
import { selectCorrection } from '../../store/filters/search-derived.ts';

/** How many resources match, announced politely to screen readers when it changes. */
export function ResultCount() {
  const { t, language } = useTranslation();
  const visible = useAppStore((s) => selectFilterResult(s).visible.length);
  const correction = useAppStore(selectCorrection);
  const setQuery = useAppStore((s) => s.setQuery);
  const total = useAppStore((s) => selectResources(s).length);
  const status = useAppStore((s) => s.status);
  if (status !== 'ready') return null;
  const count = formatNumber(language, visible);
  return (
    <>
      <p className="result-count" role="status" aria-live="polite" aria-atomic="true">
        {visible === total
          ? t('results.count', { count })
          : t('results.countOf', { count, total: formatNumber(language, total) })}
        {correction !== null && (
          <span className="did-you-mean"> {t('search.didYouMean', { query: correction })}</span>
        )}
      </p>
      {correction !== null && (
        <p className="did-you-mean__action">
          <button type="button" className="button-secondary" onClick={() => setQuery(correction)}>
            {t('search.useSuggestion', { query: correction })}
          </button>
        </p>
      )}
    </>
  );
}
