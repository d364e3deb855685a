import { nfkc } from './normalize-text.ts';

/** Coordinates are branded so that [lat, lng] (model, Leaflet) and [lng, lat] (GeoJSON) cannot be mixed. */
declare const latLngBrand: unique symbol;
declare const lngLatBrand: unique symbol;

/** [latitude, longitude] in WGS84 degrees: the order of the model and of Leaflet. */
export type LatLng = readonly [lat: number, lng: number] & { readonly [latLngBrand]: true };
/** [longitude, latitude] in WGS84 degrees: the order of GeoJSON. */
export type LngLat = readonly [lng: number, lat: number] & { readonly [lngLatBrand]: true };

/** Areas that count as Taiwan: the main island with its near islands, Penghu, Kinmen, Matsu, Lanyu/Green Island. */
const TAIWAN_AREAS: readonly { name: string; south: number; north: number; west: number; east: number }[] = [
  { name: 'taiwan', south: 21.85, north: 25.35, west: 119.95, east: 122.1 },
  { name: 'penghu', south: 23.15, north: 23.85, west: 119.25, east: 119.75 },
  { name: 'kinmen', south: 24.35, north: 24.55, west: 118.1, east: 118.5 },
  { name: 'matsu', south: 25.9, north: 26.4, west: 119.85, east: 120.55 },
  { name: 'wuqiu', south: 24.95, north: 25.02, west: 119.4, east: 119.5 },
  { name: 'pratas', south: 20.65, north: 20.8, west: 116.65, east: 116.8 },
];

/** Whether a WGS84 point lies in Taiwan, Penghu, Kinmen or Matsu. */
export function isInTaiwan(lat: number, lng: number): boolean {
  return TAIWAN_AREAS.some((a) => lat >= a.south && lat <= a.north && lng >= a.west && lng <= a.east);
}

export type CoordinateCheck =
  | { kind: 'ok'; position: LatLng }
  | { kind: 'swapped'; position: LatLng }
  | { kind: 'zero' }
  | { kind: 'out-of-range' }
  | { kind: 'outside-taiwan' };

/**
 * The one place raw numbers become a LatLng. Checks ranges and Taiwan's area, and detects swapped columns:
 * e.g. lat=120.44, lng=23.56 is a point in 民雄 entered as lng/lat, so it is returned swapped.
 */
export function checkLatLng(lat: number, lng: number): CoordinateCheck {
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return { kind: 'out-of-range' };
  if (lat === 0 && lng === 0) return { kind: 'zero' };
  if (isInTaiwan(lat, lng)) return { kind: 'ok', position: toLatLng(lat, lng) };
  if (isInTaiwan(lng, lat)) return { kind: 'swapped', position: toLatLng(lng, lat) };
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return { kind: 'out-of-range' };
  return { kind: 'outside-taiwan' };
}

/** Brands a pair already known to be valid. */
export function toLatLng(lat: number, lng: number): LatLng {
  return [lat, lng] as unknown as LatLng;
}

/** Converts between the two orders: the only conversion in the code base. */
export function latLngToLngLat(p: LatLng): LngLat {
  return [p[1], p[0]] as unknown as LngLat;
}

/** Reads a GeoJSON position. */
export function lngLatToLatLng(p: LngLat): LatLng {
  return toLatLng(p[1], p[0]);
}

/** Brands a GeoJSON position array (unchecked: pass it through checkLatLng before use). */
export function asLngLat(lng: number, lat: number): LngLat {
  return [lng, lat] as unknown as LngLat;
}

/**
 * Degrees, then optional minutes and seconds, then an optional hemisphere. Each number ends with its unit
 * mark, a space, or the hemisphere/end, so that 23°33 reads 33 as minutes, not seconds.
 */
const DMS =
  /^(-?\d+(?:\.\d+)?)\s*(?:[°度]\s*|\s+|(?=[NSEW北南東西]$))(?:(\d+(?:\.\d+)?)\s*(?:['′分]\s*|\s+|(?=[NSEW北南東西]?$))(?:(\d+(?:\.\d+)?)\s*(?:["秒]\s*|(?=[NSEW北南東西]?$)))?)?([NSEW北南東西])?$/i;

const PLAIN_DECIMAL = /^\s*-?\d+(?:\.\d+)?\s*$/;

/**
 * A decimal number as people and spreadsheets write it: optional sign, digits, optional fraction, also `.5` and
 * `5.`. Not what Number() also takes: 0x17 (hex), 0b1, 0o7, 2.3e1 (exponent), Infinity — a cell like that is
 * not a coordinate anyone typed.
 */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/**
 * Parses a coordinate cell: half/full-width digits, a plain decimal number, or degrees-minutes-seconds.
 * e.g. 23°33'45.6"N, 23°33′45.6″N, 23度33分45.6秒, 23 33 45.6, 23°33 (minutes), 23.5N, 33°52'S (negative).
 */
export function parseCoordinate(raw: string): number | null {
  // Most cells are plain decimal numbers: read them without normalising (this runs twice per row).
  if (PLAIN_DECIMAL.test(raw)) return Number(raw);
  // NFKC turns full-width digits into ASCII and the double prime ″ into two primes; '' is Excel's ".
  // The minus sign (U+2212, as word processors and some PDFs write it) is read as a hyphen-minus.
  const text = nfkc(raw)
    .trim()
    .replace(/′′|''/g, '"')
    .replace(/^\u2212/, '-');
  if (text === '') return null;
  if (DECIMAL.test(text)) return Number(text);
  const dms = DMS.exec(text);
  if (!dms) return null;
  const deg = Number(dms[1]);
  const min = Number(dms[2] ?? 0);
  const sec = Number(dms[3] ?? 0);
  if (min >= 60 || sec >= 60) return null;
  const sign = deg < 0 || /[SW南西]/i.test(dms[4] ?? '') ? -1 : 1;
  return sign * (Math.abs(deg) + min / 60 + sec / 3600);
}

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLng = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}
