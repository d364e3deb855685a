import { type Gazetteer, placeKey } from '../geo/gazetteer.ts';
import { recogniseHeader } from '../loading/column-mapping.ts';
import { parseDelimitedText } from '../loading/parse-csv.ts';
import { checkLatLng, type LatLng, parseCoordinate } from '../model/coordinates.ts';
import type { CoverageTarget } from './coverage.ts';

/** Village targets read from an office's file, with the rows that could not be used. */
export interface VillageTargets {
  readonly targets: readonly CoverageTarget[];
  /** 1-based rows (CSV lines or feature numbers) skipped for lack of a name or a position in Taiwan. */
  readonly skippedRows: readonly number[];
}

/**
 * Village points from CSV text with 縣市, 鄉鎮市區, 村里, 緯度, 經度 columns (any header the importer recognises),
 * e.g. data/tw-village-centroids.csv. No projections here: what a worker reading that file needs, and no more.
 */
export function parseVillageCsv(text: string, gazetteer: Gazetteer | null): VillageTargets {
  const table = parseDelimitedText(text);
  const column = (field: 'county' | 'town' | 'village' | 'lat' | 'lng') =>
    table.headers.findIndex((h) => recogniseHeader(h) === field);
  const [county, town, village, lat, lng] = [
    column('county'),
    column('town'),
    column('village'),
    column('lat'),
    column('lng'),
  ];
  const targets: CoverageTarget[] = [];
  const skippedRows: number[] = [];
  table.rows.forEach((row, i) => {
    const line = table.lineNumbers[i] ?? i + 2;
    const cell = (c: number) => (c >= 0 ? (row[c] ?? '').trim() : '');
    const position = checkedPosition(parseCoordinate(cell(lat)), parseCoordinate(cell(lng)));
    const target = makeVillageTarget(cell(county), cell(town), cell(village), position, gazetteer);
    if (target) targets.push(target);
    else skippedRows.push(line);
  });
  return { targets, skippedRows };
}

/** A position in range (a swapped pair put right), else null. */
export function checkedPosition(lat: number | null, lng: number | null): LatLng | null {
  if (lat === null || lng === null) return null;
  const check = checkLatLng(lat, lng);
  return check.kind === 'ok' || check.kind === 'swapped' ? check.position : null;
}

/** A village with a name and a position; a missing county taken from a township name found in one county only. */
export function makeVillageTarget(
  county: string,
  town: string,
  village: string,
  position: LatLng | null,
  gazetteer: Gazetteer | null,
): CoverageTarget | null {
  if (!village || !position) return null;
  let c = placeKey(county);
  const t = placeKey(town);
  // A file of one county often leaves the county out: take it from the gazetteer when the town is unique.
  if (!c && t && gazetteer) {
    const matches = gazetteer.findByTown(t);
    if (matches.length === 1 && matches[0]) c = matches[0].county;
  }
  return { county: c, town: t, village: village.trim(), position };
}
