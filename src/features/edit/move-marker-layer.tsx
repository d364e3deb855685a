import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { isoDate } from '../../domain/files/export-filename.ts';
import { toLatLng } from '../../domain/model/coordinates.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectMovingResource } from '../../store/data/derived.ts';

const handleIcon = L.divIcon({
  className: 'move-handle',
  html: '<span aria-hidden="true"></span>',
  iconSize: [34, 34],
  iconAnchor: [17, 17],
});

/**
 * While a record is being moved: a draggable handle on its marker; dropping it (or clicking the map) moves the
 * record there as an undoable edit dated today. The banner ends moving mode.
 */
export function MoveMarkerLayer() {
  const map = useMap();
  const { t } = useOfficeTranslation();
  const resource = useAppStore(selectMovingResource);
  const startMoving = useAppStore((s) => s.startMoving);
  const bannerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!resource?.position) return;
    const moveTo = (lat: number, lng: number) => {
      const moved: Resource = {
        ...resource,
        position: toLatLng(lat, lng),
        precision: 'exact',
        lastVerified: isoDate(new Date()),
      };
      // The corrections' code (and Yjs) loads with the first correction, not with a resident's map.
      void import('../../store/import/corrections-actions.ts').then((m) => m.commitCorrection(moved));
    };
    const handle = L.marker([resource.position[0], resource.position[1]], {
      icon: handleIcon,
      draggable: true,
      zIndexOffset: 2000,
      title: t('edit.dragHandle', { name: resource.name }),
      alt: t('edit.dragHandle', { name: resource.name }),
    });
    handle.on('dragend', () => {
      const at = handle.getLatLng();
      moveTo(at.lat, at.lng);
    });
    const onClick = (event: L.LeafletMouseEvent) => moveTo(event.latlng.lat, event.latlng.lng);
    handle.addTo(map);
    map.on('click', onClick);
    map.getContainer().classList.add('map--placing');
    if (bannerRef.current) L.DomEvent.disableClickPropagation(bannerRef.current);
    return () => {
      handle.remove();
      map.off('click', onClick);
      map.getContainer().classList.remove('map--placing');
    };
  }, [map, resource, t]);

  if (!resource?.position) return null;
  return (
    <div ref={bannerRef} className="map-banner" role="status">
      <span>{t('edit.moving', { name: resource.name })}</span>
      <button type="button" className="button-secondary" onClick={() => startMoving(null)}>
        {t('edit.moveDone')}
      </button>
    </div>
  );
}
