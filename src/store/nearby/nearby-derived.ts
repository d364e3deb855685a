import {
  allByDistance,
  buildNearbyIndex,
  distancesByIndex,
  type NearbyHit,
  nearestResources,
} from '../../domain/geo/nearby-index.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { filterAsOfYear } from '../../domain/query/as-of-year.ts';
import type { Dataset } from '../../domain/query/dataset.ts';
import {
  type FilterResult,
  filterResources,
  type QueryReader,
  type ResourceFilters,
} from '../../domain/query/filter-resources.ts';
import { narrowAndOrder } from '../../domain/query/nearby-filter.ts';
import { closedFlags } from '../../domain/query/open-state.ts';
import type { AppState } from '../app-store.ts';
import { memoizeLast } from '../memoize-last.ts';
import { hoursEngine } from './hours-engine.ts';
import type { ReferencePoint } from './nearby-slice.ts';

const nearbyIndexOf = memoizeLast(buildNearbyIndex);

// Once per reference point and radius (not per keystroke): within a radius, a kd-tree query that visits only the
// nearby part of the tree; at any distance, every placed resource in order.
const hitsOf = memoizeLast(
  (
    resources: readonly Resource[],
    reference: ReferencePoint,
    radiusKm: number | null,
  ): readonly NearbyHit[] =>
    radiusKm === null
      ? allByDistance(nearbyIndexOf(resources), reference.point)
      : nearestResources(nearbyIndexOf(resources), reference.point, { maxMetres: radiusKm * 1000 }),
);

const distancesOf = memoizeLast((hits: readonly NearbyHit[], count: number) => distancesByIndex(hits, count));

const EMPTY_CODES = new Uint8Array(0);
const openCodesOf = memoizeLast(
  (resources: readonly Resource[], clock: number, ready: boolean): Uint8Array => {
    const evaluate = ready ? hoursEngine() : null;
    return evaluate ? evaluate(resources, clock) : EMPTY_CODES;
  },
);
const closedOf = memoizeLast(closedFlags);

const allCategories = memoizeLast(
  (filters: ResourceFilters): ResourceFilters => ({
    ...filters,
    hiddenCategories: [],
  }),
);
// Every filter but the category ticks (and, in a presentation "as of" a year, only what had started by then).
const matchingOf = memoizeLast(
  (index: Dataset, filters: ResourceFilters, asOfYear: number | null, reader: QueryReader | null) =>
    asOfYear === null
      ? filterResources(index, filters, undefined, reader ?? undefined)
      : filterAsOfYear(index, filters, asOfYear, reader ?? undefined),
);
const narrowedOf = memoizeLast(
  (
    index: Dataset,
    base: FilterResult,
    hidden: readonly string[],
    hits: readonly NearbyHit[] | null,
    radiusLimited: boolean,
    closed: Uint8Array | null,
  ) => narrowAndOrder(index.resources, base, hidden, { hits, radiusLimited, closed }),
);

/** The nearest-first hits for the reference point and radius, or null without a reference point. */
export function nearbyHits(s: AppState, resources: readonly Resource[]): readonly NearbyHit[] | null {
  return s.reference ? hitsOf(resources, s.reference, s.radiusKm) : null;
}

/** Distance in metres per resource index (NaN where unmeasured), or null without a reference point. */
export function nearbyDistances(s: AppState, resources: readonly Resource[]): Float64Array | null {
  const hits = nearbyHits(s, resources);
  return hits ? distancesOf(hits, resources.length) : null;
}

/** OpenState codes per resource index at the store's clock (empty until the hours engine has loaded). */
export function openCodes(s: AppState, resources: readonly Resource[]): Uint8Array {
  return openCodesOf(resources, s.clock, s.hoursReady);
}

/**
 * The filter result once "near me" and "open now" apply, or null when neither is on (the plain filter result
 * stands). Memoized piece by piece, so typing in the search box re-filters without re-sorting by distance.
 */
export function nearbyFilterResult(
  s: AppState,
  index: Dataset,
  reader: QueryReader | null,
): FilterResult | null {
  if (!s.reference && !s.openNowOnly) return null;
  const base = matchingOf(index, allCategories(s.filters), s.asOfYear, reader);
  const codes = s.openNowOnly ? openCodes(s, index.resources) : null;
  const closed = codes && codes.length > 0 ? closedOf(codes) : null;
  return narrowedOf(
    index,
    base,
    s.filters.hiddenCategories,
    nearbyHits(s, index.resources),
    s.reference !== null && s.radiusKm !== null,
    closed,
  );
}
