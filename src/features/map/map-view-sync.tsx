import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { boundsOf } from '../../domain/geo/bounds.ts';
import { realRecordsIn } from '../../domain/query/resident-order.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectDataset, selectFilterResult, selectSelectedResource } from '../../store/data/derived.ts';
import { toLeaflet } from './to-leaflet.ts';

const prefersReducedMotion = () =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Fits the map to the visible, placed resources (e.g. the township the person just chose). The first view of an
 * unfiltered map, for a deployment with a county (嘉義縣), is that county's real records: a resident of Chiayi
 * is not shown Kinmen 250 km away at zoom 8.
 */
function fitToVisible(map: L.Map, first = false) {
  const state = useAppStore.getState();
  const dataset = selectDataset(state);
  const { visible } = selectFilterResult(state);
  const county = state.manifest?.county;
  const home = first && county && !state.filters.county ? realRecordsIn(dataset.resources, county) : [];
  // Every record visible: the box the dataset was loaded with, without a pass over 100,000 positions.
  const box =
    home.length > 0
      ? boundsOf(dataset.positions, home)
      : visible.length === dataset.resources.length
        ? dataset.bounds
        : boundsOf(dataset.positions, visible);
  if (!box) return;
  const bounds = L.latLngBounds([box.south, box.west], [box.north, box.east]);
  map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14, animate: false });
}

/**
 * Keeps the camera and the store in step: reports moves, fits the data once (or the area in the URL), fits the
 * county or township a person chooses, and flies to list selections.
 */
export function MapViewSync() {
  const map = useMap();
  const setMapView = useAppStore((s) => s.setMapView);
  const base = useAppStore((s) => s.base);
  const selected = useAppStore(selectSelectedResource);
  const selectionOrigin = useAppStore((s) => s.selectionOrigin);
  const fitted = useRef(false);
  const area = useAppStore((s) => `${s.filters.county}|${s.filters.town}`);
  const lastArea = useRef(area);

  useEffect(() => {
    const report = () => {
      const c = map.getCenter();
      setMapView({ lat: c.lat, lng: c.lng, zoom: map.getZoom() });
    };
    map.on('moveend', report);
    return () => {
      map.off('moveend', report);
    };
  }, [map, setMapView]);

  // Without a view in the URL, show all the data once it has loaded.
  useEffect(() => {
    if (fitted.current || base.resources.length === 0) return;
    fitted.current = true;
    if (useAppStore.getState().mapView) return;
    fitToVisible(map, true);
  }, [map, base]);

  // A county or township chosen in the filters brings the map there (clearing it keeps the current view).
  useEffect(() => {
    if (area === lastArea.current) return;
    lastArea.current = area;
    if (area !== '|' && fitted.current) fitToVisible(map);
  }, [map, area]);

  // Where the camera last flew: a correction of the selected record's name or phone leaves the camera where it is.
  const flownTo = useRef('');
  useEffect(() => {
    if (!selected?.position || selectionOrigin !== 'list') {
      flownTo.current = '';
      return;
    }
    const target = `${selected.id} ${selected.position.join(',')} ${selected.precision}`;
    if (target === flownTo.current) return;
    flownTo.current = target;
    const zoom = Math.max(map.getZoom(), selected.precision === 'exact' ? 16 : 13);
    if (prefersReducedMotion()) map.setView(toLeaflet(selected.position), zoom, { animate: false });
    else map.flyTo(toLeaflet(selected.position), zoom, { duration: 0.6 });
  }, [map, selected, selectionOrigin]);

  return null;
}
