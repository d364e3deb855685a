import './map.css';
import type { ReactNode } from 'react';
import { MapContainer, TileLayer } from 'react-leaflet';
import { InNextTask } from '../../components/in-next-task.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { ClusterLayer } from './cluster-layer.tsx';
import { LinkLegend } from './link-legend.tsx';
import { MapViewSync } from './map-view-sync.tsx';

/** Taiwan with Kinmen and Matsu in view: the first view when neither the URL nor the data says otherwise. */
const TAIWAN_CENTER: [number, number] = [23.7, 120.9];
const TAIWAN_ZOOM = 7;

/**
 * The map: a view of the store. Usable without tiles (markers on a plain background, with a notice).
 * `children` are extra map layers composed by the app (e.g. the near-me point, workshop editing), rendered inside
 * the MapContainer so they can call useMap(); features never import each other.
 */
export function ResourceMap({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const basemap = useAppStore((s) => s.manifest?.basemaps[0]);
  const setTilesFailed = useAppStore((s) => s.setTilesFailed);
  const initialView = useAppStore.getState().mapView;
  return (
    <section className="map-panel" aria-label={t('map.label')}>
      <TilesNotice />
      <MapContainer
        className="map"
        center={initialView ? [initialView.lat, initialView.lng] : TAIWAN_CENTER}
        zoom={initialView?.zoom ?? TAIWAN_ZOOM}
        minZoom={6}
        maxZoom={basemap?.maxZoom ?? 19}
        zoomSnap={1}
        preferCanvas={false}
        attributionControl
      >
        {/* Mounted in three tasks: the map itself, then its tiles and markers, then the features' layers. */}
        <InNextTask>
          {basemap && (
            <TileLayer
              key={basemap.id}
              url={basemap.url}
              attribution={basemap.attribution}
              maxZoom={basemap.maxZoom}
              eventHandlers={{ tileerror: () => setTilesFailed(true), tileload: () => setTilesFailed(false) }}
            />
          )}
          <ClusterLayer />
          <LinkLegend />
          <MapViewSync />
          <InNextTask>{children}</InNextTask>
        </InNextTask>
      </MapContainer>
    </section>
  );
}

/**
 * "The basemap cannot load": a component of its own, so that the first failed tile re-renders the notice alone,
 * not the map and every layer in it.
 */
function TilesNotice() {
  const { t } = useTranslation();
  const tilesFailed = useAppStore((s) => s.tilesFailed);
  if (!tilesFailed) return null;
  return (
    <p className="map-notice" role="note">
      {t('map.tilesUnavailable')}
    </p>
  );
}
