import type { StateCreator } from 'zustand';
import type { CoverageTarget } from '../../domain/analysis/coverage.ts';
import type { InventorySortKey } from '../../domain/analysis/inventory.ts';
import type { PopulationTable } from '../../domain/briefing/population-table.ts';
import type { AppState } from '../app-store.ts';

export type AnalysisTab = 'inventory' | 'coverage' | 'questions';

/** What coverage is measured for: township centroids, or villages (the Ministry's, or an office's file). */
export type CoverageUnit = 'township' | 'village';

/** Where fetching the village centroids got to. */
export type VillageCentroidsStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** Village points or boundaries an office supplied for coverage, with the rows that could not be used. */
export interface VillageSet {
  readonly file: string;
  readonly targets: readonly CoverageTarget[];
  readonly skippedRows: readonly number[];
}

/** The inventory (資源盤點) and coverage panel: which tab, how the table is sorted, the coverage settings. */
export interface AnalysisSlice {
  readonly analysisOpen: boolean;
  readonly analysisTab: AnalysisTab;
  readonly inventorySort: { readonly key: InventorySortKey; readonly descending: boolean };
  /** Category whose reach is analysed; null: none chosen yet (the panel picks the first). */
  readonly coverageCategory: string | null;
  readonly coverageRadius: number;
  readonly coverageUnit: CoverageUnit;
  /** The office's own villages: with the unit 'village', they stand in for the Ministry's. */
  readonly villages: VillageSet | null;
  /** The township briefing (鄉鎮資源簡報) on show, and the year its changes are counted from. */
  readonly briefingPlace: { readonly county: string; readonly town: string } | null;
  readonly briefingSinceYear: number;
  /** A population table the office imported, for resources per 1,000 residents. */
  readonly population: { readonly file: string; readonly table: PopulationTable } | null;
  /** Every village's centroid (data/tw-village-centroids.csv), fetched when a briefing or question needs it. */
  readonly villageCentroids: readonly CoverageTarget[] | null;
  readonly villageCentroidsStatus: VillageCentroidsStatus;
  setBriefing(place: { county: string; town: string } | null): void;
  setBriefingSinceYear(year: number): void;
  setPopulation(population: AnalysisSlice['population']): void;
  setVillageCentroids(status: VillageCentroidsStatus, targets?: readonly CoverageTarget[]): void;
  setAnalysisOpen(open: boolean, tab?: AnalysisTab): void;
  setInventorySort(key: InventorySortKey): void;
  setCoverage(category: string, radiusMetres: number): void;
  setCoverageUnit(unit: CoverageUnit): void;
  /** An office's villages (the unit becomes 'village'), or null to go back to the Ministry's. */
  setVillages(villages: VillageSet | null): void;
}

const sameKey = (a: InventorySortKey, b: InventorySortKey) =>
  a.kind === b.kind && (a.kind !== 'category' || (b.kind === 'category' && a.id === b.id));

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set) => ({
  analysisOpen: false,
  analysisTab: 'inventory',
  inventorySort: { key: { kind: 'place' }, descending: false },
  coverageCategory: null,
  coverageRadius: 5000,
  coverageUnit: 'township',
  villages: null,
  briefingPlace: null,
  briefingSinceYear: new Date().getFullYear() - 1,
  population: null,
  villageCentroids: null,
  villageCentroidsStatus: 'idle',
  setBriefing: (briefingPlace) => set({ briefingPlace }),
  setBriefingSinceYear: (briefingSinceYear) => set({ briefingSinceYear }),
  setPopulation: (population) => set({ population }),
  setVillageCentroids: (villageCentroidsStatus, targets) =>
    set(targets ? { villageCentroidsStatus, villageCentroids: targets } : { villageCentroidsStatus }),
  setAnalysisOpen: (analysisOpen, tab) => set(tab ? { analysisOpen, analysisTab: tab } : { analysisOpen }),
  // Clicking the sorted column again flips the order; a new count column starts with the largest first.
  setInventorySort: (key) =>
    set((s) => ({
      inventorySort: sameKey(s.inventorySort.key, key)
        ? { key, descending: !s.inventorySort.descending }
        : { key, descending: key.kind !== 'place' },
    })),
  setCoverage: (coverageCategory, coverageRadius) => set({ coverageCategory, coverageRadius }),
  setCoverageUnit: (coverageUnit) => set({ coverageUnit }),
  setVillages: (villages) => set(villages ? { villages, coverageUnit: 'village' } : { villages }),
});
