/** A ring of [lng, lat] positions (GeoJSON order), first and last equal or not. */
export type Ring = readonly (readonly number[])[];
/** A polygon: its outer ring, then its holes. */
export type PolygonRings = readonly Ring[];

/**
 * Whether a point lies inside a polygon with holes (even-odd rule over all its rings: a point in a hole crosses
 * one more edge). Points exactly on an edge may go either way; boundaries are simplified anyway.
 */
export function pointInPolygon(lng: number, lat: number, polygon: PolygonRings): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] as readonly number[];
      const [xj = 0, yj = 0] = ring[j] as readonly number[];
      if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * The shortest distance in metres from a point to a polygon's edges (an equirectangular approximation around
 * the point: within a few kilometres it is off by less than a metre in Taiwan).
 */
export function distanceToEdges(lng: number, lat: number, polygon: PolygonRings): number {
  const metresPerDegreeLat = 111_320;
  const metresPerDegreeLng = 111_320 * Math.cos((lat * Math.PI) / 180);
  let best = Number.POSITIVE_INFINITY;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] as readonly number[];
      const [xj = 0, yj = 0] = ring[j] as readonly number[];
      const ax = (xj - lng) * metresPerDegreeLng;
      const ay = (yj - lat) * metresPerDegreeLat;
      const bx = (xi - lng) * metresPerDegreeLng;
      const by = (yi - lat) * metresPerDegreeLat;
      const dx = bx - ax;
      const dy = by - ay;
      const length = dx * dx + dy * dy;
      const t = length === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length));
      const d = Math.hypot(ax + t * dx, ay + t * dy);
      if (d < best) best = d;
    }
  }
  return best;
}
