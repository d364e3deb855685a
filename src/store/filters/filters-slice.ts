import type { StateCreator } from 'zustand';
import { NO_FILTERS, type ResourceFilters } from '../../domain/query/filter-resources.ts';
import type { AppState } from '../app-store.ts';

/** What the person filters by (all of it is shareable in the URL). */
export interface FiltersSlice {
  readonly filters: ResourceFilters;
  /** The search engine (phrases, places, typos, ranking) has loaded: a separate download, see search-engine.ts. */
  readonly searchReady: boolean;
  setSearchReady(): void;
  setQuery(query: string): void;
  toggleCategory(categoryId: string, shown: boolean): void;
  toggleService(serviceId: string, selected: boolean): void;
  setArea(county: string, town: string): void;
  setFilters(filters: ResourceFilters): void;
  resetFilters(): void;
}

const toggled = (list: readonly string[], id: string, on: boolean) =>
  on ? (list.includes(id) ? list : [...list, id]) : list.filter((x) => x !== id);

export const createFiltersSlice: StateCreator<AppState, [], [], FiltersSlice> = (set) => ({
  filters: NO_FILTERS,
  searchReady: false,
  setSearchReady: () => set({ searchReady: true }),
  setQuery: (query) => set((s) => ({ filters: { ...s.filters, query } })),
  toggleCategory: (categoryId, shown) =>
    set((s) => ({
      filters: { ...s.filters, hiddenCategories: toggled(s.filters.hiddenCategories, categoryId, !shown) },
    })),
  toggleService: (serviceId, selected) =>
    set((s) => ({ filters: { ...s.filters, services: toggled(s.filters.services, serviceId, selected) } })),
  setArea: (county, town) => set((s) => ({ filters: { ...s.filters, county, town } })),
  setFilters: (filters) => set({ filters }),
  resetFilters: () => set({ filters: NO_FILTERS }),
});
