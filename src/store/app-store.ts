import { create } from 'zustand';
import { createDataSlice, type DataSlice } from './data-slice.ts';
import { createFiltersSlice, type FiltersSlice } from './filters-slice.ts';
import { createUiSlice, type UiSlice } from './ui-slice.ts';

/** The one store: source data, filters and UI state. Serializable values only; derived data lives in selectors. */
export type AppState = DataSlice & FiltersSlice & UiSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createDataSlice(...a),
  ...createFiltersSlice(...a),
  ...createUiSlice(...a),
}));

/** The state a fresh page starts from (tests reset to it). */
export const initialAppState = useAppStore.getState();
