import { PLACE_NAMES_EN } from '../geo/place-names-en.ts';
import { nothingFoundHelp } from './nothing-found.ts';
import { createQueryReader } from './query-reader.ts';

/**
 * What the page loads on demand to read queries beyond their words (one chunk, ~7 KB gzip with the place-name
 * table): the query reader, the next steps when nothing is found, and every place's English name.
 */
export const SEARCH_ENGINE = { createQueryReader, nothingFoundHelp, placeNamesEn: PLACE_NAMES_EN };

export type SearchEngine = typeof SEARCH_ENGINE;
