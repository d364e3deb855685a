import { create } from 'zustand';
import { type AnalysisSlice, createAnalysisSlice } from './analysis/analysis-slice.ts';
import { createDataSlice, type DataSlice } from './data/data-slice.ts';
import { createFiltersSlice, type FiltersSlice } from './filters/filters-slice.ts';
import { createImportSlice, type ImportSlice } from './import/import-slice.ts';
import { createNearbySlice, type NearbySlice } from './nearby/nearby-slice.ts';
import { createSharedMapSlice, type SharedMapSlice } from './shared-map/shared-map-slice.ts';
import { createPresentationSlice, type PresentationSlice } from './ui/presentation-slice.ts';
import { createUiSlice, type UiSlice } from './ui/ui-slice.ts';
import { createWorkshopSlice, type WorkshopSlice } from './workshop/workshop-slice.ts';

/** The one store: source data, filters and UI state. Serializable values only; derived data lives in selectors. */
export type AppState = DataSlice &
  FiltersSlice &
  UiSlice &
  WorkshopSlice &
  PresentationSlice &
  AnalysisSlice &
  NearbySlice &
  ImportSlice &
  SharedMapSlice;

/** A store of its own (each tab of the app has one; tests make a second to play a second tab). */
export const createAppStore = () =>
  create<AppState>()((...a) => ({
    ...createDataSlice(...a),
    ...createFiltersSlice(...a),
    ...createUiSlice(...a),
    ...createWorkshopSlice(...a),
    ...createPresentationSlice(...a),
    ...createAnalysisSlice(...a),
    ...createNearbySlice(...a),
    ...createImportSlice(...a),
    ...createSharedMapSlice(...a),
  }));

export const useAppStore = createAppStore();

/** The state a fresh page starts from (tests reset to it). */
export const initialAppState = useAppStore.getState();
