import { NO_FILTERS, type ResourceFilters } from './resource-index.ts';

/** A map view: centre and zoom. */
export interface MapView {
  readonly lat: number;
  readonly lng: number;
  readonly zoom: number;
}

/** Everything a shared link reproduces. */
export interface ViewState {
  readonly filters: ResourceFilters;
  readonly selectedId: string | null;
  readonly mapView: MapView | null;
}

const list = (v: string | null) => (v ? v.split(',').filter((s) => s !== '') : []);

/** Reads a view from URL search parameters; anything malformed falls back to the default. */
export function viewStateFromSearch(search: string): ViewState {
  const p = new URLSearchParams(search);
  const at = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?),(\d+(?:\.\d+)?)$/.exec(p.get('at') ?? '');
  const mapView = at ? { lat: Number(at[1]), lng: Number(at[2]), zoom: Number(at[3]) } : null;
  return {
    filters: {
      ...NO_FILTERS,
      hiddenCategories: list(p.get('hide')),
      services: list(p.get('svc')),
      county: p.get('county') ?? '',
      town: p.get('town') ?? '',
      query: p.get('q') ?? '',
    },
    selectedId: p.get('id') || null,
    mapView: mapView && Math.abs(mapView.lat) <= 90 && Math.abs(mapView.lng) <= 180 ? mapView : null,
  };
}

/** Writes a view into URL search parameters, keeping parameters it does not own (e.g. lang). */
export function viewStateToSearch(state: ViewState, existing = ''): string {
  const p = new URLSearchParams(existing);
  const set = (key: string, value: string) => (value ? p.set(key, value) : p.delete(key));
  set('q', state.filters.query);
  set('hide', state.filters.hiddenCategories.join(','));
  set('svc', state.filters.services.join(','));
  set('county', state.filters.county);
  set('town', state.filters.town);
  set('id', state.selectedId ?? '');
  set(
    'at',
    state.mapView
      ? `${state.mapView.lat.toFixed(5)},${state.mapView.lng.toFixed(5)},${state.mapView.zoom}`
      : '',
  );
  const text = p.toString();
  return text ? `?${text}` : '';
}
