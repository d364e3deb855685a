import type L from 'leaflet';
import type { LatLng } from '../../domain/model/coordinates.ts';

/** The model's [lat, lng] as Leaflet's tuple (same order; Leaflet wants a mutable array). */
export function toLeaflet(p: LatLng): L.LatLngTuple {
  return [p[0], p[1]];
}
