import { placeKey } from '../geo/gazetteer.ts';
import type { CountyNamesEn } from '../geo/place-names-en-of.ts';
import type { PlaceName } from './search-vocabulary.ts';

/**
 * The places a search knows: the counties and townships the records name (so 民雄 is a place even before any
 * table has loaded) and, once loaded, every county and township of Taiwan with its English name.
 */
export function placeNamesOf(
  recordPlaces: readonly string[],
  english: readonly CountyNamesEn[] | null,
): PlaceName[] {
  const byName = new Map<string, PlaceName>();
  for (const name of recordPlaces) {
    const zh = placeKey(name);
    if (zh !== '') byName.set(zh, { zh });
  }
  for (const county of english ?? []) {
    byName.set(county.county, { zh: county.county, en: county.en });
    for (const [zh, en] of county.towns) byName.set(zh, { zh, en });
  }
  return [...byName.values()];
}
