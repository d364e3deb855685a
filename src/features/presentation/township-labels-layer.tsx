import './presentation.css';
import L from 'leaflet';
import { useEffect, useMemo } from 'react';
import { useMap } from 'react-leaflet';
import { useAppStore } from '../../store/app-store.ts';
import { selectCountiesWithData } from '../../store/workshop/workshop-derived.ts';
import { selectGazetteer } from '../../store/workshop/workshop-slice.ts';

const PANE = 'township-labels';
/** Below this zoom townships are under ~140 px apart and their names would run into each other. */
const MIN_ZOOM = 11;

/**
 * On the projector, township names at their centroids (for the counties that have data), under the markers:
 * offline there is no basemap, and the room still needs to know which blob is which township.
 */
export function TownshipLabelsLayer() {
  const map = useMap();
  const presenting = useAppStore((s) => s.presenting);
  const gazetteer = useAppStore(selectGazetteer);
  const counties = useAppStore(selectCountiesWithData);
  const layer = useMemo(() => L.layerGroup(), []);

  useEffect(() => {
    if (!map.getPane(PANE)) {
      const pane = map.createPane(PANE);
      pane.style.zIndex = '350';
      pane.style.pointerEvents = 'none';
    }
  }, [map]);

  useEffect(() => {
    if (!presenting) return;
    layer.clearLayers();
    for (const t of gazetteer.townships) {
      if (!counties.includes(t.county)) continue;
      const span = document.createElement('span');
      span.textContent = t.town;
      const icon = L.divIcon({ className: 'township-label', html: span, iconSize: [0, 0] });
      layer.addLayer(
        L.marker([t.centroid[0], t.centroid[1]], { icon, pane: PANE, interactive: false, keyboard: false }),
      );
    }
    const toggle = () => {
      if (map.getZoom() >= MIN_ZOOM) layer.addTo(map);
      else layer.remove();
    };
    toggle();
    map.on('zoomend', toggle);
    return () => {
      map.off('zoomend', toggle);
      layer.remove();
    };
  }, [map, presenting, gazetteer, counties, layer]);

  return null;
}
