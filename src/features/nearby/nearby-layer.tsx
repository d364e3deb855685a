import './nearby.css';
import L from 'leaflet';
import { useEffect, useMemo } from 'react';
import { useMap } from 'react-leaflet';
import { toLatLng } from '../../domain/model/coordinates.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectDataset, selectFilterResult } from '../../store/data/derived.ts';

const prefersReducedMotion = () =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const REFERENCE_PANE = 'nearby-reference';

/** How many of the nearest results the view shows around a new reference point. */
const FIT_NEAREST = 5;

/**
 * Map child: the reference point and radius, "pick a point" clicks, and a view that shows the point with its
 * nearest results whenever a new point is chosen. Drawn as SVG above the markers, not as a marker: it is
 * decorative, the panel and the summary above the results say in words where "near" is.
 */
export function NearbyLayer() {
  const map = useMap();
  const reference = useAppStore((s) => s.reference);
  const radiusKm = useAppStore((s) => s.radiusKm);
  const picking = useAppStore((s) => s.pickingPoint);
  const setReference = useAppStore((s) => s.setReference);
  const layer = useMemo(() => L.layerGroup(), []);

  useEffect(() => {
    // The point sits above the markers (it may share a township centre with a resource), and never takes clicks.
    if (!map.getPane(REFERENCE_PANE)) {
      const pane = map.createPane(REFERENCE_PANE);
      pane.style.zIndex = '650';
      pane.style.pointerEvents = 'none';
    }
    layer.addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, layer]);

  useEffect(() => {
    layer.clearLayers();
    if (!reference) return;
    const centre: L.LatLngTuple = [reference.point[0], reference.point[1]];
    if (radiusKm !== null) {
      layer.addLayer(
        L.circle(centre, {
          radius: radiusKm * 1000,
          color: '#0b4f6c',
          weight: 2,
          dashArray: '6 6',
          fillOpacity: 0.05,
          interactive: false,
        }),
      );
    }
    const dot = L.circleMarker(centre, {
      pane: REFERENCE_PANE,
      radius: 10,
      color: '#ffffff',
      weight: 3,
      fillColor: reference.source === 'device' ? '#1a73e8' : '#8a1020',
      fillOpacity: 1,
      interactive: false,
    });
    layer.addLayer(dot);
  }, [layer, reference, radiusKm]);

  // A new reference point or radius: show the point with its nearest results (or the whole radius).
  useEffect(() => {
    if (!reference) return;
    const s = useAppStore.getState();
    const { resources } = selectDataset(s);
    const points: L.LatLngTuple[] = [[reference.point[0], reference.point[1]]];
    for (const i of selectFilterResult(s).visible.slice(0, FIT_NEAREST)) {
      const p = resources[i]?.position;
      if (p) points.push([p[0], p[1]]);
    }
    const bounds =
      radiusKm !== null
        ? L.latLng(reference.point[0], reference.point[1]).toBounds(radiusKm * 2000)
        : L.latLngBounds(points);
    map.fitBounds(bounds, { padding: [32, 32], maxZoom: 15, animate: !prefersReducedMotion() });
  }, [map, reference, radiusKm]);

  useEffect(() => {
    const container = map.getContainer();
    container.classList.toggle('map--picking', picking);
    if (!picking) return;
    const onClick = (event: L.LeafletMouseEvent) => {
      const { lat, lng } = event.latlng.wrap();
      setReference({ source: 'map', point: toLatLng(lat, lng) });
    };
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
      container.classList.remove('map--picking');
    };
  }, [map, picking, setReference]);

  return null;
}
