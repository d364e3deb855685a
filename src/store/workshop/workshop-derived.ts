import {
  type CoverageResult,
  type CoverageTarget,
  computeCoverage,
  coverageProviders,
} from '../../domain/analysis/coverage.ts';
import { townshipTargets, villageTargets } from '../../domain/analysis/coverage-targets.ts';
import {
  buildInventory,
  type Inventory,
  type InventoryRow,
  sortInventoryRows,
} from '../../domain/analysis/inventory.ts';
import { placeKey } from '../../domain/geo/gazetteer.ts';
import type { Dataset } from '../../domain/query/dataset.ts';
import type { QueryReader } from '../../domain/query/filter-resources.ts';
import { yearRangeOf } from '../../domain/query/start-year.ts';
import { type WorkshopRow, workshopRows } from '../../domain/workshop/workshop-doc.ts';
import type { AppState } from '../app-store.ts';
import { selectDataset, selectFilterResult, selectQueryReader } from '../data/derived.ts';
import { memoizeLast } from '../memoize-last.ts';
import { selectGazetteer } from './workshop-slice.ts';

const countiesOf = memoizeLast((counties: readonly string[]) => counties.filter((c) => c !== ''));

/** Counties that have at least one resource (all data, not only the filtered view). */
export const selectCountiesWithData = (s: AppState): readonly string[] =>
  countiesOf(selectDataset(s).columns.counties);

const shownCategoriesOf = memoizeLast((categories: AppState['manifest'], hidden: readonly string[]) =>
  (categories?.categories ?? []).map((c) => c.id).filter((id) => !hidden.includes(id)),
);

/** Category ids that are ticked, in configuration order. */
export const selectShownCategoryIds = (s: AppState): readonly string[] =>
  shownCategoriesOf(s.manifest, s.filters.hiddenCategories);

const inventoryOf = memoizeLast(buildInventory);

/** Township × category counts of what is on show (filters and year applied). */
export const selectInventory = (s: AppState): Inventory =>
  inventoryOf(
    selectDataset(s).resources,
    selectFilterResult(s).visible,
    selectShownCategoryIds(s),
    areaFor(s),
  );

const areaOf = memoizeLast(
  (
    gazetteer: ReturnType<typeof selectGazetteer>,
    county: string,
    town: string,
    countiesWithData: readonly string[],
  ) => ({ gazetteer, county: placeKey(county), town: placeKey(town), countiesWithData }),
);
const areaFor = (s: AppState) =>
  areaOf(selectGazetteer(s), s.filters.county, s.filters.town, selectCountiesWithData(s));

const sortedRowsOf = memoizeLast(
  (inventory: Inventory, sort: AppState['inventorySort']): readonly InventoryRow[] =>
    sortInventoryRows(inventory.rows, sort.key, sort.descending),
);

/** The inventory rows in the order the table is sorted. */
export const selectSortedInventoryRows = (s: AppState): readonly InventoryRow[] =>
  sortedRowsOf(selectInventory(s), s.inventorySort);

/** The category the coverage view analyses: the chosen one, else the first configured. */
export const selectCoverageCategory = (s: AppState): string =>
  s.coverageCategory ?? s.manifest?.categories[0]?.id ?? '';

const providersOf = memoizeLast(
  (
    index: ReturnType<typeof selectDataset>,
    query: string,
    services: readonly string[],
    category: string,
    year: number | null,
    reader: QueryReader | null,
  ) => coverageProviders(index, { query, services }, category, year, reader ?? undefined),
);

const NO_TARGETS: readonly CoverageTarget[] = [];

const targetsOf = memoizeLast(
  (
    gazetteer: ReturnType<typeof selectGazetteer>,
    unit: AppState['coverageUnit'],
    villages: AppState['villages'],
    villageCentroids: AppState['villageCentroids'],
    county: string,
    town: string,
    counties: readonly string[],
  ): readonly CoverageTarget[] => {
    const c = placeKey(county);
    const t = placeKey(town);
    if (unit === 'township') return townshipTargets(gazetteer, c ? [c] : counties, t);
    // An office's own file stands in for the Ministry's villages, as it was given.
    if (villages) {
      return villages.targets.filter((v) => (!c || v.county === c) && (!t || v.town === t));
    }
    // The Ministry's villages of the county in view (else of the counties with data); none until they arrive.
    return villageCentroids ? villageTargets(villageCentroids, c ? [c] : counties, t) : NO_TARGETS;
  },
);

/**
 * The places coverage is measured for: township centroids in view, or villages — the office's file, else the
 * Ministry's villages of the county in view (empty while they load: see `villageCentroidsStatus`).
 */
export const selectCoverageTargets = (s: AppState): readonly CoverageTarget[] =>
  targetsOf(
    selectGazetteer(s),
    s.coverageUnit,
    s.villages,
    s.villageCentroids,
    s.filters.county,
    s.filters.town,
    selectCountiesWithData(s),
  );

/** Whether the places coverage needs are there: township centroids, an office's villages or the Ministry's. */
export const selectCoveragePlacesReady = (s: AppState): boolean =>
  s.coverageUnit === 'township' || s.villages !== null || s.villageCentroidsStatus === 'ready';

const coverageOf = memoizeLast(computeCoverage);

/** Which targets lie outside every radius around the chosen category's resources. */
export const selectCoverage = (s: AppState): CoverageResult => {
  const index = selectDataset(s);
  return coverageOf(
    index.resources,
    providersOf(
      index,
      s.filters.query,
      s.filters.services,
      selectCoverageCategory(s),
      s.asOfYear,
      selectQueryReader(s),
    ),
    selectCoverageTargets(s),
    s.coverageRadius,
  );
};

const yearRangeOfDataset = memoizeLast((dataset: Dataset) => yearRangeOf(dataset.startYears));

/** Earliest and latest start years in all the data (null: no record says when it started). */
export const selectStartYearRange = (s: AppState) => yearRangeOfDataset(selectDataset(s));

const rowsOf = memoizeLast((doc: AppState['workshop'], base: Dataset, layers: AppState['layers']) => {
  // Only deletions need the source records: look them up on demand, not by indexing 100,000 ids.
  const lists = [base, ...layers.map((l) => l.dataset)].map((d) => d.resources);
  return workshopRows(doc, (id) => {
    for (const list of lists) {
      const found = list.find((r) => r.id === id);
      if (found) return found;
    }
    return undefined;
  });
});

/** What the workshop changed, as rows to export (deleted records with their source data). */
export const selectWorkshopRows = (s: AppState): readonly WorkshopRow[] =>
  rowsOf(s.workshop, s.base, s.layers);
