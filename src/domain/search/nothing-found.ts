import type { CountyNamesEn } from '../geo/place-names-en-of.ts';
import { distanceMetres, type LatLng, toLatLng } from '../model/coordinates.ts';
import type { Dataset } from '../query/dataset.ts';
import type { SearchColumns } from '../query/search-columns.ts';
import type { SearchTerm } from './parse-query.ts';

/** A resource offered when a search finds nothing: its index, and its distance when there is a point to measure from. */
export interface Suggested {
  readonly index: number;
  /** Metres from the reference point or the named place; NaN without one. */
  readonly metres: number;
}

/** What a search that found nothing can still offer. */
export interface NothingFoundHelp {
  /** The categories and service tags the query named (心衛中心 → mental-health), by id. */
  readonly categoryIds: readonly string[];
  readonly serviceIds: readonly string[];
  /** Where distances are measured from: the person's point, a place the query named (民雄鄉), or nothing. */
  readonly from:
    | { readonly kind: 'reference' }
    | { readonly kind: 'place'; readonly name: string; readonly english: string | null }
    | null;
  /** The nearest resources of those categories or services, nearest first (display order without a point). */
  readonly nearest: readonly Suggested[];
}

/**
 * The next steps when the query's terms find nothing together (e.g. 民雄 心衛中心: no mental-health centre in
 * 民雄): the resources of the category or service the query named, nearest first from the person's reference
 * point or else from the place the query named (the middle of its records), ignoring the place and other words.
 */
export function nothingFoundHelp(
  dataset: Dataset,
  terms: readonly SearchTerm[],
  reference: LatLng | null,
  english: readonly CountyNamesEn[] = [],
  limit = 3,
): NothingFoundHelp {
  const { columns, order, positions } = dataset;
  // Only names the vocabulary knows: a plain word such as 中心 is part of many category names without naming one.
  const naming = terms.filter(
    (t) => t.kind === 'category' || t.kind === 'service' || t.kind === 'abbreviation',
  );
  const names = (label: string) => naming.some((t) => t.alternatives.some((a) => label.includes(a)));
  const categories = columns.categoryLabels.map(names);
  const tags = columns.tagLabels.map(names);
  const categoryIds = columns.categoryIds.filter((_, code) => categories[code]);
  const serviceIds = columns.tagIds.filter((_, bit) => tags[bit]);
  const named: number[] = [];
  for (let k = 0; k < order.length; k++) {
    if (categories[columns.category[k] as number] || hasTagOf(columns, k, tags))
      named.push(order[k] as number);
  }
  const place = namedPlace(dataset, terms);
  const point = reference ?? place?.centre ?? null;
  const from = reference
    ? ({ kind: 'reference' } as const)
    : place
      ? ({ kind: 'place', name: place.name, english: englishName(english, place.name) } as const)
      : null;
  const measured = named.map((index): Suggested => {
    const lat = positions.lat[index] as number;
    const lng = positions.lng[index] as number;
    const metres = point && !Number.isNaN(lat) ? distanceMetres(point, toLatLng(lat, lng)) : Number.NaN;
    return { index, metres };
  });
  if (point)
    measured.sort((a, b) => (Number.isNaN(a.metres) ? 1 : Number.isNaN(b.metres) ? -1 : a.metres - b.metres));
  return { categoryIds, serviceIds, from, nearest: measured.slice(0, limit) };
}

/** Whether the record at display position k has one of the tags marked (by bit). */
function hasTagOf(columns: SearchColumns, k: number, tags: readonly boolean[]): boolean {
  for (let bit = 0; bit < tags.length; bit++) {
    const word = columns.tagBits[k * columns.tagWords + (bit >>> 5)] as number;
    if (tags[bit] && (word & (1 << (bit & 31))) !== 0) return true;
  }
  return false;
}

/** A county's or township's English name (民雄鄉 → Minxiong Township), null when the table lacks it. */
function englishName(english: readonly CountyNamesEn[], zh: string): string | null {
  for (const county of english) {
    if (county.county === zh) return county.en;
    const town = county.towns.find(([name]) => name === zh);
    if (town) return town[1];
  }
  return null;
}

/** The first place the query names that records are in, with the middle of their positions. */
function namedPlace(dataset: Dataset, terms: readonly SearchTerm[]): { name: string; centre: LatLng } | null {
  const { columns, order, positions } = dataset;
  for (const term of terms) {
    if (term.kind !== 'place') continue;
    for (const name of term.places) {
      const town = columns.towns.indexOf(name);
      const county = columns.counties.indexOf(name);
      let lat = 0;
      let lng = 0;
      let n = 0;
      for (let k = 0; k < order.length; k++) {
        if (columns.town[k] !== town && columns.county[k] !== county) continue;
        const i = order[k] as number;
        if (Number.isNaN(positions.lat[i] as number)) continue;
        lat += positions.lat[i] as number;
        lng += positions.lng[i] as number;
        n++;
      }
      if (n > 0) return { name, centre: toLatLng(lat / n, lng / n) };
    }
  }
  return null;
}
