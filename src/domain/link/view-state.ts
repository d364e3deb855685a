import { NO_FILTERS, type ResourceFilters } from '../query/filter-resources.ts';

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

/** Projector settings a link carries besides the view: presentation mode (present=1) and the as-of year. */
export interface PresentationParams {
  readonly present: boolean;
  readonly year: number | null;
}

/** Reads present=1 and year=YYYY; anything else means off / no year. */
export function presentationFromSearch(search: string): PresentationParams {
  const p = new URLSearchParams(search);
  const year = /^\d{4}$/.test(p.get('year') ?? '') ? Number(p.get('year')) : null;
  return { present: p.get('present') === '1', year };
}

/** Writes present and year into search parameters, keeping every other parameter as it is. */
export function presentationToSearch(params: PresentationParams, existing = ''): string {
  const p = new URLSearchParams(existing);
  if (params.present) p.set('present', '1');
  else p.delete('present');
  if (params.year !== null) p.set('year', String(params.year));
  else p.delete('year');
  const text = p.toString();
  return text ? `?${text}` : '';
}

/** The link participants open on their phones: the same view, without presentation mode. */
export function participantLink(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('present');
  url.hash = '';
  return url.href;
}

/** A link as a person would type it from the screen: no scheme, Chinese shown as Chinese, e.g. map.tw/?town=民雄鄉. */
export function displayLink(href: string): string {
  const url = new URL(href);
  let text = `${url.host}${url.pathname}${url.search}`;
  try {
    text = decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    // A malformed escape: show it as it is.
  }
  return text;
}
