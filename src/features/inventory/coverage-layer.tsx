import './coverage-layer.css';
import L from 'leaflet';
import { useEffect, useMemo } from 'react';
import { useMap } from 'react-leaflet';
import type { CoverageTarget } from '../../domain/analysis/coverage.ts';
import { type AppState, useAppStore } from '../../store/app-store.ts';
import { selectCategories, selectDataset } from '../../store/data/derived.ts';
import {
  selectCoverage,
  selectCoverageCategory,
  selectCoverageTargets,
} from '../../store/workshop/workshop-derived.ts';

/** Circles and crosses beyond these many in view are not drawn (the list and counts still hold every one). */
const MAX_CIRCLES = 4000;
const MAX_GAPS = 500;
/** More names than this in view cover one another (225 villages of 嘉義縣): crosses only, names when zoomed in. */
const MAX_LABELS = 60;

/**
 * While the coverage view is open: a radius around each resource of the category (those in view), and a
 * labelled cross on every place outside all of them.
 */
const NO_TARGETS: readonly CoverageTarget[] = [];
const isCoverageOpen = (s: AppState) => s.analysisOpen && s.analysisTab === 'coverage';

export function CoverageLayer() {
  const map = useMap();
  const open = useAppStore(isCoverageOpen);
  // Computed only while the view is open: a search typed with the view closed must not pay for coverage.
  const coverage = useAppStore((s) => (isCoverageOpen(s) ? selectCoverage(s) : null));
  const targets = useAppStore((s) => (isCoverageOpen(s) ? selectCoverageTargets(s) : NO_TARGETS));
  const { resources } = useAppStore(selectDataset);
  const categoryId = useAppStore(selectCoverageCategory);
  const colour = useAppStore((s) => selectCategories(s).find((c) => c.id === categoryId)?.color ?? '#0b4f6c');
  const renderer = useMemo(() => L.canvas({ padding: 0.3 }), []);
  const circles = useMemo(() => L.layerGroup(), []);
  const gaps = useMemo(() => L.layerGroup(), []);

  useEffect(() => {
    if (!open) return;
    circles.addTo(map);
    gaps.addTo(map);
    return () => {
      circles.remove();
      gaps.remove();
    };
  }, [map, open, circles, gaps]);

  // Opening the view, or choosing other places (county, villages), frames the places analysed.
  useEffect(() => {
    if (!open || targets.length === 0) return;
    const bounds = L.latLngBounds(targets.map((t) => [t.position[0], t.position[1]] as L.LatLngTuple));
    // The panel has just taken room from the map: measure the map again before framing.
    map.invalidateSize({ animate: false });
    map.fitBounds(bounds, { padding: [40, 40], maxZoom: 13, animate: false });
  }, [map, open, targets]);

  useEffect(() => {
    if (!open || !coverage) return;
    const draw = () => {
      circles.clearLayers();
      const view = map.getBounds().pad(0.3);
      let drawn = 0;
      for (const i of coverage.providers) {
        const p = resources[i]?.position;
        if (!p || !view.contains([p[0], p[1]])) continue;
        if (++drawn > MAX_CIRCLES) break;
        circles.addLayer(
          L.circle([p[0], p[1]], {
            radius: coverage.radiusMetres,
            renderer,
            interactive: false,
            color: colour,
            weight: 2,
            fillColor: colour,
            fillOpacity: 0.12,
          }),
        );
      }
    };
    draw();
    map.on('moveend', draw);
    return () => {
      map.off('moveend', draw);
    };
  }, [map, open, coverage, resources, colour, circles, renderer]);

  useEffect(() => {
    gaps.clearLayers();
    if (!open || !coverage) return;
    const draw = () => {
      gaps.clearLayers();
      const view = map.getBounds().pad(0.3);
      const shown = coverage.uncovered
        .filter((u) => view.contains([u.target.position[0], u.target.position[1]]))
        .slice(0, MAX_GAPS);
      const labelled = shown.length <= MAX_LABELS;
      for (const u of shown) {
        const [lat, lng] = u.target.position;
        const span = document.createElement('span');
        span.className = 'coverage-gap__label';
        span.textContent = u.target.village ?? u.target.town;
        const icon = L.divIcon({
          className: 'coverage-gap',
          html: labelled ? span : '',
          iconSize: [28, 28],
          iconAnchor: [14, 14],
        });
        gaps.addLayer(L.marker([lat, lng], { icon, interactive: false, keyboard: false }));
      }
    };
    draw();
    map.on('moveend', draw);
    return () => {
      map.off('moveend', draw);
    };
  }, [map, open, coverage, gaps]);

  return null;
}
