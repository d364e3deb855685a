import { checkLatLng, type LatLng } from '../model/coordinates.ts';

/** Radius choices offered to residents, in kilometres; null means any distance. */
export const RADIUS_CHOICES_KM: readonly number[] = [1, 3, 5, 10];

/**
 * A reference point a link may carry: a township the person chose, or a point they picked on the map.
 * The device's own position is never one of these: it stays on the device.
 */
export type SharedReference =
  | { readonly kind: 'town'; readonly county: string; readonly town: string }
  | { readonly kind: 'point'; readonly point: LatLng };

/** The near-me part of a link. */
export interface NearbyUrlState {
  readonly reference: SharedReference | null;
  readonly radiusKm: number | null;
  readonly openNowOnly: boolean;
}

/**
 * Reads `near` (`23.54266,120.44425` or `嘉義縣民雄鄉`), `r` (km) and `open=1`; anything malformed is ignored.
 * Every county and city name has three characters ending in 縣 or 市, which is how the two parts are told apart.
 */
export function nearbyStateFromSearch(search: string): NearbyUrlState {
  const p = new URLSearchParams(search);
  const near = (p.get('near') ?? '').trim();
  let reference: SharedReference | null = null;
  const coords = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(near);
  if (coords) {
    const check = checkLatLng(Number(coords[1]), Number(coords[2]));
    if (check.kind === 'ok') reference = { kind: 'point', point: check.position };
  } else {
    const place = /^(.{2}[縣市])(.+)$/.exec(near);
    if (place?.[1] && place[2]) reference = { kind: 'town', county: place[1], town: place[2] };
  }
  const r = Number(p.get('r'));
  return {
    reference,
    radiusKm: RADIUS_CHOICES_KM.includes(r) ? r : null,
    openNowOnly: p.get('open') === '1',
  };
}

/** Writes the near-me parameters, keeping every parameter it does not own. */
export function nearbyStateToSearch(state: NearbyUrlState, existing = ''): string {
  const p = new URLSearchParams(existing);
  const set = (key: string, value: string) => (value ? p.set(key, value) : p.delete(key));
  const ref = state.reference;
  set(
    'near',
    ref === null
      ? ''
      : ref.kind === 'town'
        ? `${ref.county}${ref.town}`
        : `${ref.point[0].toFixed(5)},${ref.point[1].toFixed(5)}`,
  );
  set('r', state.reference && state.radiusKm !== null ? String(state.radiusKm) : '');
  set('open', state.openNowOnly ? '1' : '');
  const text = p.toString();
  return text ? `?${text}` : '';
}
