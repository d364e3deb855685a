import type { nothingFoundHelp } from '../../domain/search/nothing-found.ts';
import type { CountyNamesEn } from '../../domain/search/place-names-en-of.ts';
import type { createQueryReader } from '../../domain/search/query-reader.ts';

/** What the search reads queries with beyond their words (domain/search), as one download of its own. */
export interface SearchEngine {
  readonly createQueryReader: typeof createQueryReader;
  readonly nothingFoundHelp: typeof nothingFoundHelp;
  readonly placeNamesEn: readonly CountyNamesEn[];
}

let engine: SearchEngine | null = null;
let loading: Promise<SearchEngine> | null = null;

/**
 * Loads the query reader (phrases, places in Chinese and English, typos, ranking; ~10 KB with the place-name
 * table) apart from the first screen, when the person first turns to the search; load-search-engine.ts tells
 * the store. Until then a query is read word by word, as typed.
 */
export function loadEngine(): Promise<SearchEngine> {
  loading ??= Promise.all([
    import('../../domain/search/query-reader.ts'),
    import('../../domain/search/nothing-found.ts'),
    import('../../domain/search/place-names-en.ts'),
  ]).then(([reader, nothingFound, places]) => {
    engine = {
      createQueryReader: reader.createQueryReader,
      nothingFoundHelp: nothingFound.nothingFoundHelp,
      placeNamesEn: places.PLACE_NAMES_EN,
    };
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
