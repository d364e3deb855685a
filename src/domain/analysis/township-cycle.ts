import { type Gazetteer, placeKey } from '../geo/gazetteer.ts';

/** A township to step through in a presentation. */
export interface Place {
  readonly county: string;
  readonly town: string;
}

/** The townships a presenter steps through: every township of the counties that have data, in zipcode order. */
export function presentationTownships(gazetteer: Gazetteer, countiesWithData: readonly string[]): Place[] {
  const counties = new Set(countiesWithData.map(placeKey));
  return gazetteer.townships
    .filter((t) => counties.has(t.county))
    .map((t) => ({ county: t.county, town: t.town }));
}

/**
 * The next (+1) or previous (-1) township after `current`. From a whole county (no town) it starts at that
 * county's first or last township; stepping past either end of the list comes back to the whole county.
 */
export function stepTownship(places: readonly Place[], current: Place, direction: 1 | -1): Place | null {
  const county = placeKey(current.county);
  const town = placeKey(current.town);
  const at = town ? places.findIndex((p) => p.town === town && (!county || p.county === county)) : -1;
  if (at < 0) {
    const inCounty = county ? places.filter((p) => p.county === county) : places;
    const pool = inCounty.length > 0 ? inCounty : places;
    return (direction === 1 ? pool[0] : pool.at(-1)) ?? null;
  }
  return places[at + direction] ?? { county, town: '' };
}
