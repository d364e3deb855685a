import { describe, expect, it } from 'vitest';
import { type ViewState, viewStateFromSearch, viewStateToSearch } from '../../src/domain/link/view-state.ts';
import { NO_FILTERS } from '../../src/domain/query/filter-resources.ts';

const EMPTY: ViewState = { filters: NO_FILTERS, selectedId: null, mapView: null };

describe('view state in the URL', () => {
  it.each<{ case: string; state: ViewState }>([
    { case: 'nothing', state: EMPTY },
    {
      case: 'everything',
      state: {
        filters: {
          hiddenCategories: ['care-point', 'friendly-shop'],
          services: ['meals'],
          county: '臺南市',
          town: '東區',
          query: '關懷 據點 & more #1 +?',
        },
        selectedId: 'chiayi-wc-minxiong',
        mapView: { lat: 23.55667, lng: 120.43244, zoom: 14 },
      },
    },
    {
      case: 'negative coordinates and a fractional zoom',
      state: { ...EMPTY, mapView: { lat: -33.86785, lng: -151.20732, zoom: 12.5 } },
    },
    { case: 'a query of spaces and 台', state: { ...EMPTY, filters: { ...NO_FILTERS, query: ' 台北 ' } } },
  ])('round-trips $case', ({ state }) => {
    expect(viewStateFromSearch(viewStateToSearch(state))).toEqual(state);
  });

  it('writes nothing for the default view', () => {
    expect(viewStateToSearch(EMPTY)).toBe('');
  });

  it('rounds the map view to 5 decimals (about 1 m)', () => {
    const search = viewStateToSearch({
      ...EMPTY,
      mapView: { lat: 23.123456789, lng: 120.987654321, zoom: 9 },
    });
    expect(new URLSearchParams(search).get('at')).toBe('23.12346,120.98765,9');
  });

  it('keeps parameters it does not own, and drops its own when cleared', () => {
    const search = viewStateToSearch(EMPTY, '?lang=en&q=old&id=x&at=23,120,5&utm=qr');
    expect(new URLSearchParams(search).toString()).toBe('lang=en&utm=qr');
    const withQuery = viewStateToSearch({ ...EMPTY, filters: { ...NO_FILTERS, query: '民雄' } }, 'lang=en');
    expect(viewStateFromSearch(withQuery).filters.query).toBe('民雄');
    expect(new URLSearchParams(withQuery).get('lang')).toBe('en');
  });

  it.each([
    { at: 'abc', mapView: null },
    { at: '23.5,120.5', mapView: null },
    { at: '23.5,120.5,', mapView: null },
    { at: '23.5,120.5,-3', mapView: null },
    { at: '95,120.5,10', mapView: null },
    { at: '23.5,190,10', mapView: null },
    { at: '23.5;120.5;10', mapView: null },
    { at: '1e2,120,10', mapView: null },
    { at: '23.5,120.5,10,extra', mapView: null },
    { at: '23.5,120.5,10', mapView: { lat: 23.5, lng: 120.5, zoom: 10 } },
  ])('reads at=$at as $mapView', ({ at, mapView }) => {
    expect(viewStateFromSearch(`?at=${at}`).mapView).toEqual(mapView);
  });

  it('reads lists without empty items and ignores an empty id', () => {
    expect(viewStateFromSearch('?hide=a,,b,&svc=&id=')).toEqual({
      filters: { ...NO_FILTERS, hiddenCategories: ['a', 'b'] },
      selectedId: null,
      mapView: null,
    });
  });

  it('reads a search with or without the leading ?', () => {
    expect(viewStateFromSearch('q=x')).toEqual(viewStateFromSearch('?q=x'));
  });
});
