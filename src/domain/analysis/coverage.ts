import { around } from 'geokdbush';
import KDBush from 'kdbush';
import { distanceMetres, type LatLng } from '../model/coordinates.ts';
import type { Resource } from '../model/resource.ts';
import type { Dataset } from '../query/dataset.ts';
import {
  filterResources,
  NO_FILTERS,
  type QueryReader,
  type ResourceFilters,
} from '../query/filter-resources.ts';
import { startYears } from '../query/start-year.ts';

/** A place that should be within reach of a resource: a township centroid or a village point. */
export interface CoverageTarget {
  readonly county: string;
  readonly town: string;
  /** Set when the office supplied village points or boundaries. */
  readonly village?: string;
  readonly position: LatLng;
}

/** A target outside every radius, with how far the nearest resource is (null when there is none at all). */
export interface UncoveredTarget {
  readonly target: CoverageTarget;
  readonly nearestMetres: number | null;
  /** Index (into the resources given) of the nearest resource. */
  readonly nearest: number | null;
}

/** How well a category's resources reach a set of places. */
export interface CoverageResult {
  readonly radiusMetres: number;
  /** Resources drawn with a radius (those with a position). */
  readonly providers: readonly number[];
  /**
   * Resources at a township centroid (approximate) that decide a result (the one found within reach of a place,
   * or the nearest to an uncovered one): the coverage around them is a guess. Others do not count.
   */
  readonly approximateProviders: number;
  readonly targetCount: number;
  readonly coveredCount: number;
  /** Farthest from help first. */
  readonly uncovered: readonly UncoveredTarget[];
}

/**
 * Which targets lie outside every `radiusMetres` circle around the resources at `indexes` (great-circle
 * distance, as the crow flies). A kd-tree keeps it fast at 100,000 resources × 7,800 villages: a box query per
 * place, and a nearest-neighbour query only for the places left outside.
 */
export function computeCoverage(
  resources: readonly Resource[],
  indexes: readonly number[],
  targets: readonly CoverageTarget[],
  radiusMetres: number,
): CoverageResult {
  const providers: number[] = [];
  for (const i of indexes) if (resources[i]?.position) providers.push(i);
  const uncovered: UncoveredTarget[] = [];
  const deciding = new Set<number>();
  if (providers.length > 0) {
    const index = new KDBush(providers.length);
    for (const i of providers) {
      const p = resources[i]?.position as LatLng;
      index.add(p[1], p[0]);
    }
    index.finish();
    // A box a little larger than the circle finds the candidates; the exact distance decides. Only places left
    // uncovered pay for a nearest-neighbour search (for "nearest 13 km").
    const dLat = ((radiusMetres * 1.001) / EARTH_RADIUS_METRES) * (180 / Math.PI);
    for (const target of targets) {
      const [lat, lng] = target.position;
      const north = Math.min(90, lat + dLat);
      const south = Math.max(-90, lat - dLat);
      const cos = Math.cos((Math.max(Math.abs(north), Math.abs(south)) * Math.PI) / 180);
      const dLng = cos > 1e-9 ? Math.min(180, dLat / cos) : 180;
      let within: number | undefined;
      for (const id of index.range(lng - dLng, south, lng + dLng, north)) {
        const i = providers[id] as number;
        const p = resources[i]?.position;
        if (p && distanceMetres(target.position, p) <= radiusMetres) {
          within = i;
          break;
        }
      }
      if (within !== undefined) {
        deciding.add(within);
        continue;
      }
      const [nearestId] = around(index, lng, lat, 1);
      const nearest = nearestId === undefined ? undefined : providers[nearestId];
      const position = nearest === undefined ? null : (resources[nearest]?.position ?? null);
      if (nearest !== undefined) deciding.add(nearest);
      uncovered.push({
        target,
        nearestMetres: position ? distanceMetres(target.position, position) : null,
        nearest: nearest ?? null,
      });
    }
  } else {
    for (const target of targets) uncovered.push({ target, nearestMetres: null, nearest: null });
  }
  const far = Number.POSITIVE_INFINITY;
  uncovered.sort((a, b) => (b.nearestMetres ?? far) - (a.nearestMetres ?? far));
  let approximateProviders = 0;
  for (const i of deciding) if (resources[i]?.precision !== 'exact') approximateProviders++;
  return {
    radiusMetres,
    providers,
    approximateProviders,
    targetCount: targets.length,
    coveredCount: targets.length - uncovered.length,
    uncovered,
  };
}

const EARTH_RADIUS_METRES = 6_371_008.8;

/**
 * The resources of a category that can reach a place: the search text, services and as-of year apply, but not
 * the area (a centre just over the county line still serves) nor the category ticks (the analysis names one).
 * The search is read as the list reads it when a query reader is given.
 */
export function coverageProviders(
  index: Dataset,
  filters: Pick<ResourceFilters, 'query' | 'services'>,
  category: string,
  year: number | null,
  reader?: QueryReader,
): number[] {
  const searched = filters.query.trim() !== '' || filters.services.length > 0;
  const candidates = searched
    ? filterResources(
        index,
        { ...NO_FILTERS, query: filters.query, services: filters.services },
        undefined,
        reader,
      ).visible
    : null;
  const years = year === null ? null : startYears(index.resources);
  const out: number[] = [];
  const latest = year ?? Number.POSITIVE_INFINITY;
  const take = (i: number) => {
    if (index.resources[i]?.category !== category) return;
    if (years && ((years[i] ?? 0) === 0 || (years[i] ?? 0) > latest)) return;
    out.push(i);
  };
  if (candidates) for (const i of candidates) take(i);
  else for (let i = 0; i < index.resources.length; i++) take(i);
  return out;
}

/** Suggested radii: a walk to a friendly shop, a drive to a welfare center. */
export const COVERAGE_RADII_METRES = [500, 1000, 2000, 3000, 5000, 10_000, 20_000] as const;

/** The radius that fits a category by default (1 km for shops and points people walk to, 5 km otherwise). */
export function defaultRadiusFor(categoryId: string): number {
  return /shop|point|after-school|association/.test(categoryId) ? 1000 : 5000;
}
