import './workshop.css';
import L from 'leaflet';
import { useEffect, useMemo } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';
import { toLatLng } from '../../domain/model/coordinates.ts';
import { useAppStore } from '../../store/app-store.ts';

const pendingIcon = L.divIcon({
  className: 'workshop-pending-marker',
  html: '<span aria-hidden="true"></span>',
  iconSize: [36, 36],
  iconAnchor: [18, 18],
});

/**
 * Co-mapping on the map: while editing, a click opens the add form there (or moves the record waiting to be
 * moved); the clicked point is marked until the form is saved or cancelled.
 */
export function ClickToAddLayer() {
  const map = useMap();
  const editing = useAppStore((s) => s.workshopEditing);
  const moving = useAppStore((s) => s.workshopMoving);
  const pending = useAppStore((s) => (s.workshopDraft?.mode === 'add' ? s.workshopDraft.position : null));
  const layer = useMemo(() => L.layerGroup(), []);

  useMapEvents({
    click(event) {
      const s = useAppStore.getState();
      const position = toLatLng(event.latlng.lat, event.latlng.lng);
      // Moving starts from the workshop's tools, which have loaded the module that writes its document.
      if (s.workshopMoving)
        void import('../../store/workshop/workshop-actions.ts').then((m) => m.moveTo(position));
      else if (s.workshopEditing) s.startAdd(position);
    },
  });

  useEffect(() => {
    const container = map.getContainer();
    container.classList.toggle('map--adding', editing);
    container.classList.toggle('map--moving', moving !== null);
    return () => {
      container.classList.remove('map--adding', 'map--moving');
    };
  }, [map, editing, moving]);

  useEffect(() => {
    layer.addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, layer]);

  useEffect(() => {
    layer.clearLayers();
    if (!pending) return;
    const marker = L.marker([pending[0], pending[1]], {
      icon: pendingIcon,
      interactive: false,
      keyboard: false,
    });
    // Decorative: the open form says where the point is.
    marker.on('add', () => marker.getElement()?.setAttribute('aria-hidden', 'true'));
    layer.addLayer(marker);
  }, [layer, pending]);

  return null;
}
