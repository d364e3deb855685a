import type { LatLng } from '../../domain/model/coordinates.ts';
import type { Dataset } from '../../domain/query/dataset.ts';
import type { QueryReader } from '../../domain/query/filter-resources.ts';
import type { NothingFoundHelp } from '../../domain/search/nothing-found.ts';
import type { SearchEngine } from '../../domain/search/search-engine.ts';
import type { AppState } from '../app-store.ts';
import { selectDataset, selectFilterResult, selectQueryReader } from '../data/derived.ts';
import { memoizeLast } from '../memoize-last.ts';
import { searchEngine } from './search-engine.ts';

const helpOf = memoizeLast(
  (
    help: SearchEngine['nothingFoundHelp'],
    dataset: Dataset,
    reader: QueryReader,
    query: string,
    point: LatLng | null,
    english: SearchEngine['placeNamesEn'],
  ): NothingFoundHelp => help(dataset, reader.terms(query), point, english),
);

/**
 * What to offer when the search finds nothing: the nearest resources of the category or service the query named
 * (from the person's point, or the place the query named). Null while something is found, before the data or the
 * search engine has loaded, or without a query.
 */
export const selectNothingFound = (s: AppState): NothingFoundHelp | null => {
  const engine = s.searchReady ? searchEngine() : null;
  const reader = selectQueryReader(s);
  if (!engine || !reader || s.status !== 'ready' || s.filters.query.trim() === '') return null;
  if (selectFilterResult(s).visible.length > 0) return null;
  return helpOf(
    engine.nothingFoundHelp,
    selectDataset(s),
    reader,
    s.filters.query,
    s.reference?.point ?? null,
    engine.placeNamesEn,
  );
};

/** The query the results were found for when nothing matched as typed (您是不是要找…), else null. */
export const selectCorrection = (s: AppState): string | null => selectFilterResult(s).correction ?? null;
