import type { StateCreator } from 'zustand';
import type { MapView } from '../../domain/link/view-state.ts';
import type { Language } from '../../domain/model/language.ts';
import type { AppState } from '../app-store.ts';

/** Where the selection came from: the list asks the map to fly, the map asks the list to scroll. */
export type SelectionOrigin = 'list' | 'map' | 'url';

export interface UiSlice {
  readonly selectedId: string | null;
  readonly selectionOrigin: SelectionOrigin;
  readonly mapView: MapView | null;
  readonly language: Language;
  readonly tilesFailed: boolean;
  select(id: string | null, origin: SelectionOrigin): void;
  setMapView(view: MapView): void;
  setLanguage(language: Language): void;
  setTilesFailed(failed: boolean): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  selectedId: null,
  selectionOrigin: 'url',
  mapView: null,
  language: 'zh-TW',
  tilesFailed: false,
  select: (selectedId, selectionOrigin) => set({ selectedId, selectionOrigin }),
  setMapView: (mapView) => set({ mapView }),
  setLanguage: (language) => set({ language }),
  setTilesFailed: (tilesFailed) => set({ tilesFailed }),
});
