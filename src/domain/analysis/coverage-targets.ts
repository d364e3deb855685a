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
