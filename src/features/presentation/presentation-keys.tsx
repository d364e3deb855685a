import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { type Place, presentationTownships, stepTownship } from '../../domain/analysis/township-cycle.ts';
import { placeKey } from '../../domain/geo/gazetteer.ts';
import { type AppState, useAppStore } from '../../store/app-store.ts';
import { selectResources } from '../../store/data/derived.ts';
import { selectCountiesWithData } from '../../store/workshop/workshop-derived.ts';
import { selectGazetteer } from '../../store/workshop/workshop-slice.ts';
import { leaveFullScreen, requestFullScreen } from './presentation-button.tsx';

/** Typing in a field, or inside a form that opts out of shortcuts (data-shortcuts="off"), is left alone. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return el.isContentEditable || el.closest('input, textarea, select, [data-shortcuts="off"]') !== null;
}

/** Frames a township (or a whole county): its resources, or its centroid when it has none. */
function focusPlace(map: L.Map, s: AppState, place: Place) {
  const county = placeKey(place.county);
  const town = placeKey(place.town);
  const points: L.LatLngTuple[] = [];
  for (const r of selectResources(s)) {
    if (!r.position || (county && r.county !== county) || (town && r.town !== town)) continue;
    points.push([r.position[0], r.position[1]]);
  }
  const centroid = town ? selectGazetteer(s).find(county, town)?.centroid : undefined;
  if (centroid) points.push([centroid[0], centroid[1]]);
  if (points.length === 1 && points[0]) map.setView(points[0], 13, { animate: false });
  else if (points.length > 1)
    map.fitBounds(L.latLngBounds(points), { padding: [48, 48], maxZoom: 14, animate: false });
}

/** Steps to the next (+1) or previous (-1) township and frames it; false while there are no townships yet. */
function step(map: L.Map, direction: 1 | -1): boolean {
  const s = useAppStore.getState();
  const places = presentationTownships(selectGazetteer(s), selectCountiesWithData(s));
  if (places.length === 0) return false;
  const next = stepTownship(places, { county: s.filters.county, town: s.filters.town }, direction);
  if (!next) return false;
  s.setArea(next.county, next.town);
  focusPlace(map, useAppStore.getState(), next);
  return true;
}

/**
 * Keyboard shortcuts of the projector view (listed in the help overlay). A child of the map, so zoom and
 * "next township" can move the camera; ignored while typing, and left to Leaflet when the map has focus.
 * It also tells Leaflet when the map's box changes size (the projector layout, the inventory panel).
 */
export function PresentationKeys() {
  const map = useMap();
  // Entering the projector view (or opening the inventory) resizes the map's box; Leaflet only notices window resizes.
  useEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    // The same centre and zoom afterwards, exactly: a pan by half the change in size would round to whole pixels
    // and move the centre a little (a notice appearing above the map would change the shared view's link).
    const observer = new ResizeObserver(() => {
      const center = map.getCenter();
      const zoom = map.getZoom();
      map.invalidateSize({ pan: false });
      map.setView(center, zoom, { animate: false });
    });
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map]);
  useEffect(() => {
    let pending: 1 | -1 | null = null;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const s = useAppStore.getState();
      const inMap = event.target instanceof Node && map.getContainer().contains(event.target);
      const key = event.key;
      const handled = () => event.preventDefault();
      if (key === 'Escape') {
        if (s.workshopMoving) return;
        if (s.overlay !== 'none') s.setOverlay('none');
        else if (s.presenting) {
          leaveFullScreen();
          s.setPresenting(false);
        }
        return;
      }
      if (s.overlay !== 'none' && key !== '?' && key.toLowerCase() !== 'h' && key.toLowerCase() !== 'q')
        return;
      const lower = key.toLowerCase();
      if (lower === 'p') {
        if (!s.presenting) requestFullScreen();
        else leaveFullScreen();
        s.setPresenting(!s.presenting);
        return handled();
      }
      if (lower === 'q') {
        s.setOverlay(s.overlay === 'qr' ? 'none' : 'qr');
        return handled();
      }
      if (key === '?' || lower === 'h') {
        s.setOverlay(s.overlay === 'help' ? 'none' : 'help');
        return handled();
      }
      if (lower === 'i') {
        s.setAnalysisOpen(!s.analysisOpen);
        return handled();
      }
      if (lower === 'a') {
        s.setWorkshopEditing(!s.workshopEditing);
        return handled();
      }
      if (lower === 'n' || lower === 'b' || key === 'PageDown' || key === 'PageUp') {
        const direction = lower === 'n' || key === 'PageDown' ? 1 : -1;
        // Before the township centroids have arrived, the step waits for them rather than being lost.
        if (!step(map, direction)) pending = direction;
        return handled();
      }
      if (inMap) return; // Leaflet's own +/- handling
      if (key === '+' || key === '=') {
        map.zoomIn();
        return handled();
      }
      if (key === '-' || key === '_') {
        map.zoomOut();
        return handled();
      }
      if (/^[0-9]$/.test(key)) {
        const categories = s.manifest?.categories ?? [];
        if (key === '0') s.setFilters({ ...s.filters, hiddenCategories: [] });
        else {
          const category = categories[Number(key) - 1];
          if (category) s.toggleCategory(category.id, s.filters.hiddenCategories.includes(category.id));
        }
        return handled();
      }
    };
    document.addEventListener('keydown', onKey);
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (pending !== null && state.townships !== previous.townships && step(map, pending)) pending = null;
    });
    return () => {
      document.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [map]);
  return null;
}
