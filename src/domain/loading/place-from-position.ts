import type { Area } from '../geo/boundaries.ts';
import { placeKey } from '../geo/gazetteer.ts';
import type { LoadIssueCode } from '../model/load-issues.ts';

/** A record's place as its cells and address give it, and whether they wrote the county themselves. */
export interface WrittenPlace {
  readonly county: string;
  readonly town: string;
  readonly village: string | undefined;
  /** The county cell, or the address, names the county (not the file's default or an inference). */
  readonly countyWritten: boolean;
}

/**
 * The place of a record from the boundary area its position lies in (issue 17): what the record does not say
 * (the county, the township, the village) is taken from the area, with a note; what it says and the area
 * contradicts (臺北市 for a point in 安平區) stays as written, with a warning. Only a point inside an area warns;
 * one just off the simplified shore only fills in.
 * e.g. 中西區光賢街… at a point in 臺南市中西區光賢里, county inferred → village 光賢里 added, note.
 */
export function placeFromPosition(
  written: WrittenPlace,
  townWritten: boolean,
  area: Area,
  inside: boolean,
): {
  county: string;
  town: string;
  village: string | undefined;
  issue?: { code: LoadIssueCode; value: string };
} {
  const { county, town, village, countyWritten } = written;
  const disagreement = `${county}${town} ≠ ${area.county}${area.town}`;
  if (inside && countyWritten && county !== area.county)
    return { county, town, village, issue: { code: 'place-disagrees', value: disagreement } };
  const placedCounty = countyWritten ? county : area.county;
  const placedTown = townWritten && placedCounty === county ? town : area.town;
  if (inside && townWritten && placedTown !== area.town)
    return { county, town, village, issue: { code: 'place-disagrees', value: disagreement } };
  const addedVillage = !village && placedTown === area.town ? area.village : undefined;
  if (placedCounty === county && placedTown === town && !addedVillage) return { county, town, village };
  return {
    county: placedCounty,
    town: placedTown,
    village: village || addedVillage,
    issue: { code: 'place-from-position', value: `${placedCounty}${placedTown}${addedVillage ?? ''}` },
  };
}

/** Whether an address starts with its county (or one from before the mergers, 臺南縣 for 臺南市). */
export function addressNamesCounty(address: string, county: string): boolean {
  const text = placeKey(address).replace(/^\d{3,6}/, '');
  return county !== '' && (text.startsWith(county) || /^.{2}縣/.test(text));
}
