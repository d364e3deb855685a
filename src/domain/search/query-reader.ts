import type { CountyNamesEn } from '../geo/place-names-en-of.ts';
import type { CategoryConfig, ServiceTagConfig } from '../model/categories.ts';
import type { QueryReader } from '../query/filter-resources.ts';
import type { Abbreviation } from './abbreviations.ts';
import { DEFAULT_ABBREVIATIONS } from './default-abbreviations.ts';
import { parseQuery } from './parse-query.ts';
import { placeNamesOf } from './place-names.ts';
import { rankMatches } from './rank-matches.ts';
import { buildSearchVocabulary, type SearchVocabulary } from './search-vocabulary.ts';
import { correctQuery } from './typo-correction.ts';

/** What a query reader knows: the configuration's names, the abbreviations, and the places. */
export interface QueryReaderConfig {
  readonly categories: readonly CategoryConfig[];
  readonly serviceTags: readonly ServiceTagConfig[];
  /** The manifest's abbreviations; absent: DEFAULT_ABBREVIATIONS. */
  readonly abbreviations: readonly Abbreviation[] | undefined;
  /** The county and township names the records use (a dataset's columns.counties and columns.towns). */
  readonly recordPlaces: readonly string[];
  /** Every county and township with its English name (place-names-en.ts); null: the records' places only. */
  readonly english: readonly CountyNamesEn[] | null;
}

/** A query reader with its vocabulary (see QueryReader in query/filter-resources.ts). */
export function createQueryReader(
  config: QueryReaderConfig,
): QueryReader & { readonly vocabulary: SearchVocabulary } {
  const vocabulary = buildSearchVocabulary({
    categories: config.categories,
    serviceTags: config.serviceTags,
    abbreviations: config.abbreviations ?? DEFAULT_ABBREVIATIONS,
    places: placeNamesOf(config.recordPlaces, config.english),
  });
  return {
    vocabulary,
    terms: (query) => parseQuery(query, vocabulary),
    correction: (query, terms, columns, matchCount) =>
      correctQuery(query, terms, vocabulary, columns, matchCount),
    rank: rankMatches,
  };
}
