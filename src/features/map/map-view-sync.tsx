import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { useAppStore } from '../../store/app-store.ts';
import { selectSelectedResource } from '../../store/derived.ts';
import { toLeaflet } from './to-leaflet.ts';

const prefersReducedMotion = () =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Keeps the camera and the store in step: reports moves, fits the data once, flies to list selections. */
export function MapViewSync() {
  const map = useMap();
  const setMapView = useAppStore((s) => s.setMapView);
  const resources = useAppStore((s) => s.resources);
  const selected = useAppStore(selectSelectedResource);
  const selectionOrigin = useAppStore((s) => s.selectionOrigin);
  const fitted = useRef(false);

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
    if (fitted.current || resources.length === 0) return;
    fitted.current = true;
    if (useAppStore.getState().mapView) return;
    const points = resources.flatMap((r) => (r.position ? [toLeaflet(r.position)] : []));
    if (points.length > 0)
      map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 14, animate: false });
  }, [map, resources]);

  useEffect(() => {
    if (!selected?.position || selectionOrigin !== 'list') return;
    const zoom = Math.max(map.getZoom(), selected.precision === 'exact' ? 16 : 13);
    if (prefersReducedMotion()) map.setView(toLeaflet(selected.position), zoom, { animate: false });
    else map.flyTo(toLeaflet(selected.position), zoom, { duration: 0.6 });
  }, [map, selected, selectionOrigin]);

  return null;
}
