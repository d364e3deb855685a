import { type Gazetteer, placeKey } from '../geo/gazetteer.ts';
import type { CoverageTarget } from './coverage.ts';
/** Township centroids of some counties (all when `counties` is empty), optionally one township only. */
export function townshipTargets(
  gazetteer: Gazetteer,
  counties: readonly string[],
  town = '',
): CoverageTarget[] {
  const wanted = new Set(counties.map(placeKey));
  return gazetteer.townships
    .filter((t) => (wanted.size === 0 || wanted.has(t.county)) && (!town || t.town === placeKey(town)))
    .map((t) => ({ county: t.county, town: t.town, position: t.centroid }));
}

/**
 * The villages of some counties (none when `counties` is empty: the 7,701 villages of Taiwan are no one's
 * analysis), optionally of one township only. Names are compared as place keys (台 = 臺, 巿 = 市).
 */
export function villageTargets(
  villages: readonly CoverageTarget[],
  counties: readonly string[],
  town = '',
): CoverageTarget[] {
  const wanted = new Set(counties.map(placeKey));
  const townKey = placeKey(town);
  return villages.filter(
    (v) => wanted.has(placeKey(v.county)) && (townKey === '' || placeKey(v.town) === townKey),
  );
}
