import proj4 from 'proj4';

import { PROJECTED_CRS, type ProjectedCrs } from './crs-codes.ts';

export { PROJECTED_CRS, type ProjectedCrs };

const TWD67_DATUM =
  '+ellps=aust_SA +towgs84=-752,-358,-179,-0.0000011698,0.0000018398,0.0000009822,0.00002329';
const TWD97_DATUM = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0';
const tm2 = (lon0: number, datum: string) =>
  `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=0.9999 +x_0=250000 +y_0=0 ${datum} +units=m +no_defs`;

/** The proj strings of epsg.io for each system. */
export const PROJ_DEFINITIONS: Readonly<Record<ProjectedCrs, string>> = {
  'EPSG:3826': tm2(121, TWD97_DATUM),
  'EPSG:3825': tm2(119, TWD97_DATUM),
  'EPSG:3828': tm2(121, TWD67_DATUM),
  'EPSG:3827': tm2(119, TWD67_DATUM),
};

for (const [code, definition] of Object.entries(PROJ_DEFINITIONS)) proj4.defs(code, definition);

/** Converts TM2 easting/northing metres to WGS84 [lng, lat] degrees (unchecked: run through checkLatLng). */
export function projectedToWgs84(easting: number, northing: number, crs: ProjectedCrs): [number, number] {
  const [lng, lat] = proj4(crs, 'EPSG:4326', [easting, northing]);
  return [lng ?? Number.NaN, lat ?? Number.NaN];
}

/** WGS84 [lng, lat] → TM2 metres [easting, northing] (used by tests and the TWD97 fixtures). */
export function wgs84ToProjected(lng: number, lat: number, crs: ProjectedCrs): [number, number] {
  const [x, y] = proj4('EPSG:4326', crs, [lng, lat]);
  return [x ?? Number.NaN, y ?? Number.NaN];
}

/** Whether two numbers are metres rather than degrees: degrees never exceed 360. */
export function looksProjected(a: number, b: number): boolean {
  return Math.abs(a) > 360 || Math.abs(b) > 360;
}

/**
 * Orders a metre pair as easting/northing. Taiwan's TM2 northings are 2.3–2.9 million metres and its
 * eastings 0.1–0.4 million, so the larger number is the northing whichever column it came from,
 * e.g. (X=2,770,000, Y=303,000) from swapped columns reads as easting 303,000, northing 2,770,000.
 */
export function orderEastingNorthing(
  a: number,
  b: number,
): { easting: number; northing: number; swapped: boolean } {
  return Math.abs(a) > Math.abs(b)
    ? { easting: b, northing: a, swapped: true }
    : { easting: a, northing: b, swapped: false };
}

/**
 * Reads a GeoJSON `crs` member (the 2008 spec; RFC 7946 dropped it but files still carry it),
 * e.g. {"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3826"}} → EPSG:3826. WGS84 names and
 * anything unknown give undefined (the numbers then decide).
 */
export function crsFromGeoJsonMember(crs: unknown): ProjectedCrs | undefined {
  if (typeof crs !== 'object' || crs === null) return undefined;
  const props = (crs as { properties?: { name?: unknown; code?: unknown } | null }).properties ?? {};
  const text =
    typeof props.name === 'string' ? props.name : typeof props.code === 'number' ? `EPSG:${props.code}` : '';
  const epsg = /EPSG:{1,2}(?:[\d.]*:)?(\d{4,5})\b/i.exec(text)?.[1];
  return PROJECTED_CRS.find((c) => c === `EPSG:${epsg}`);
}

/**
 * A hint from a coordinate column's header: TWD67 headers (TWD67_X, 67X坐標) say so; TWD97 headers and plain
 * X/Y say nothing more than the numbers do. A file *name* is never consulted.
 */
export function crsFromHeaders(...headers: readonly (string | undefined)[]): ProjectedCrs | undefined {
  const text = headers.join(' ').normalize('NFKC').toUpperCase();
  if (/TWD\s*_?67|(^|[^\d])67\s*_?[XY]|TM2\s*_?67/.test(text)) return 'EPSG:3828';
  return undefined;
}

const PENGHU = { south: 23.15, north: 23.85, west: 119.25, east: 119.75 };
const inPenghu = ([lng, lat]: [number, number]) =>
  lat >= PENGHU.south && lat <= PENGHU.north && lng >= PENGHU.west && lng <= PENGHU.east;

/**
 * Metres → WGS84 [lng, lat] with the system that fits. Without a hint the main-island zone (TWD97, 121°E) is
 * used (with a TWD67 hint, TWD67's), except for a row in 澎湖縣 whose numbers only land in Penghu in the 119°E zone: Penghu offices write
 * EPSG:3825 (easting ≈ 300,000), national files EPSG:3826 (easting ≈ 100,000), and the numbers tell which.
 */
export function projectToWgs84(
  easting: number,
  northing: number,
  hint: ProjectedCrs | undefined,
  county: string,
): { lngLat: [number, number]; crs: ProjectedCrs } {
  const crs = hint ?? 'EPSG:3826';
  const lngLat = projectedToWgs84(easting, northing, crs);
  const zone119 = crs === 'EPSG:3826' ? 'EPSG:3825' : crs === 'EPSG:3828' ? 'EPSG:3827' : undefined;
  if (zone119 && county.replace(/台/g, '臺').startsWith('澎湖') && !inPenghu(lngLat)) {
    const penghu = projectedToWgs84(easting, northing, zone119);
    if (inPenghu(penghu)) return { lngLat: penghu, crs: zone119 };
  }
  return { lngLat, crs };
}
