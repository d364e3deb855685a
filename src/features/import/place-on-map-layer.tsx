import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { isoDate } from '../../domain/files/export-filename.ts';
import { toLatLng } from '../../domain/model/coordinates.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectPlacingResource } from '../../store/data/derived.ts';

/**
 * While a record is being placed: the map's cursor becomes a crosshair and a click puts the record there
 * (an undoable edit, dated today). A banner names the record and offers the map centre as a keyboard
 * alternative, and a way out.
 */
export function PlaceOnMapLayer() {
  const map = useMap();
  const { t } = useOfficeTranslation();
  const placing = useAppStore(selectPlacingResource);
  const startPlacing = useAppStore((s) => s.startPlacing);
  const select = useAppStore((s) => s.select);
  const bannerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!placing) return;
    const place = (lat: number, lng: number) => {
      const placed: Resource = {
        ...placing,
        position: toLatLng(lat, lng),
        precision: 'exact',
        lastVerified: isoDate(new Date()),
      };
      // The corrections' code (and Yjs) loads with the first correction, not with a resident's map.
      void import('../../store/import/corrections-actions.ts').then((m) => m.commitCorrection(placed));
      startPlacing(null);
      select(placing.id, 'map');
    };
    const onClick = (event: L.LeafletMouseEvent) => place(event.latlng.lat, event.latlng.lng);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') startPlacing(null);
    };
    const container = map.getContainer();
    container.classList.add('map--placing');
    map.on('click', onClick);
    document.addEventListener('keydown', onKey);
    const banner = bannerRef.current;
    if (banner) {
      L.DomEvent.disableClickPropagation(banner);
      const centre = banner.querySelector<HTMLButtonElement>('[data-place-centre]');
      if (centre) {
        centre.onclick = () => {
          const c = map.getCenter();
          place(c.lat, c.lng);
        };
      }
    }
    return () => {
      container.classList.remove('map--placing');
      map.off('click', onClick);
      document.removeEventListener('keydown', onKey);
    };
  }, [map, placing, startPlacing, select]);

  if (!placing) return null;
  return (
    <div ref={bannerRef} className="map-banner" role="status">
      <span>{t('import.placingBanner', { name: placing.name })}</span>
      <button type="button" className="button-secondary" data-place-centre>
        {t('import.placeAtCentre')}
      </button>
      <button type="button" className="button-ghost" onClick={() => startPlacing(null)}>
        {t('import.placeCancel')}
      </button>
    </div>
  );
}
