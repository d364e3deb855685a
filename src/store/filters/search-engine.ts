import type { SearchEngine } from '../../domain/search/search-engine.ts';

let engine: SearchEngine | null = null;
let loading: Promise<SearchEngine> | null = null;

/**
 * Loads the search engine (domain/search/search-engine.ts: phrases, places in Chinese and English, typos,
 * ranking) apart from the first screen, when the person first turns to the search; load-search-engine.ts tells
 * the store. Until then a query is read word by word, as typed.
 */
export function loadEngine(): Promise<SearchEngine> {
  loading ??= import('../../domain/search/search-engine.ts').then((module) => {
    engine = module.SEARCH_ENGINE;
    return engine;
  });
  // A failed download (offline before the chunk was cached) is tried again the next time.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** The search engine once loaded, else null. */
export function searchEngine(): SearchEngine | null {
  return engine;
}
