import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { loadSearchEngine } from '../../store/filters/load-search-engine.ts';

/**
 * Free-text search across name, address and services. While an input method is composing (注音, 倉頡, 拼音…)
 * the box shows what is being typed, but the search waits for the chosen characters: ㄇㄧㄣˊ is not searched.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const query = useAppStore((s) => s.filters.query);
  const setQuery = useAppStore((s) => s.setQuery);
  const id = useId();
  const [text, setText] = useState(query);
  const composing = useRef(false);
  // The query can change elsewhere (clear button, link, back button): show it.
  useEffect(() => {
    if (!composing.current) setText(query);
  }, [query]);
  // A query from a link is read with the search engine too (it loads on the first focus otherwise).
  useEffect(() => {
    if (query !== '') void loadSearchEngine();
  }, [query]);
  return (
    <div className="search-box">
      <label htmlFor={id}>{t('filters.search')}</label>
      <div className="search-box__row">
        <input
          id={id}
          type="search"
          value={text}
          placeholder={t('filters.searchPlaceholder')}
          autoComplete="off"
          enterKeyHint="search"
          onFocus={() => void loadSearchEngine()}
          onChange={(e) => {
            setText(e.target.value);
            if (!composing.current) setQuery(e.target.value);
          }}
          onCompositionStart={() => {
            composing.current = true;
          }}
          onCompositionEnd={(e) => {
            composing.current = false;
            setText(e.currentTarget.value);
            setQuery(e.currentTarget.value);
          }}
        />
        {text !== '' && (
          <button
            type="button"
            className="button-ghost"
            onClick={() => {
              setText('');
              setQuery('');
            }}
          >
            {t('filters.clearSearch')}
          </button>
        )}
      </div>
    </div>
  );
}
