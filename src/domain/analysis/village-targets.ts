import type { Gazetteer } from '../geo/gazetteer.ts';
import {
  crsFromGeoJsonMember,
  looksProjected,
  type ProjectedCrs,
  projectedToWgs84,
} from '../geo/projections.ts';
import { asLngLat, lngLatToLatLng } from '../model/coordinates.ts';
import type { CoverageTarget } from './coverage.ts';
import { checkedPosition, makeVillageTarget, parseVillageCsv, type VillageTargets } from './village-csv.ts';

export type { VillageTargets } from './village-csv.ts';

/**
 * Reads village points or boundaries (村里) supplied by an office: a CSV with 縣市, 鄉鎮市區, 村里, 緯度, 經度
 * columns (any header the importer recognises), or GeoJSON with Point or (Multi)Polygon features whose
 * properties name the village. A boundary stands for its area-weighted centroid.
 */
export function parseVillageTargets(text: string, gazetteer: Gazetteer | null): VillageTargets {
  return /^\s*\{/.test(text) ? villagesFromGeoJson(text, gazetteer) : parseVillageCsv(text, gazetteer);
}

const VILLAGE_KEYS = ['村里', '村里名稱', '里', '村', 'village', 'VILLNAME', 'vill_name', 'name'];
const TOWN_KEYS = ['鄉鎮市區', '鄉鎮', 'town', 'TOWNNAME', 'town_name'];
const COUNTY_KEYS = ['縣市', 'county', 'COUNTYNAME', 'county_name'];

function property(props: Record<string, unknown>, keys: readonly string[]): string {
  for (const key of keys) {
    const found = Object.keys(props).find((k) => k.toLowerCase() === key.toLowerCase());
    const value = found === undefined ? undefined : props[found];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return '';
}

function villagesFromGeoJson(text: string, gazetteer: Gazetteer | null): VillageTargets {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { targets: [], skippedRows: [1] };
  }
  const features =
    typeof data === 'object' && data !== null && Array.isArray((data as { features?: unknown }).features)
      ? ((data as { features: unknown[] }).features as { properties?: unknown; geometry?: unknown }[])
      : [];
  // Boundaries in TWD97 TM2 metres (the Ministry's own downloads): the `crs` member says which, else EPSG:3826.
  const declared = crsFromGeoJsonMember((data as { crs?: unknown } | null)?.crs);
  const targets: CoverageTarget[] = [];
  const skippedRows: number[] = [];
  features.forEach((feature, i) => {
    const props = (typeof feature?.properties === 'object' && feature.properties) || {};
    const p = props as Record<string, unknown>;
    const point = inDegrees(representativePoint(feature?.geometry), declared);
    const target = makeVillageTarget(
      property(p, COUNTY_KEYS),
      property(p, TOWN_KEYS),
      property(p, VILLAGE_KEYS),
      point ? checkedPosition(point[0], point[1]) : null,
      gazetteer,
    );
    if (target) targets.push(target);
    else skippedRows.push(i + 1);
  });
  return { targets, skippedRows };
}

/** A [northing, easting] centroid of metre coordinates, as [lat, lng] degrees through proj4. */
function inDegrees(point: [number, number] | null, crs: ProjectedCrs | undefined): [number, number] | null {
  if (!point || (!crs && !looksProjected(point[0], point[1]))) return point;
  const [lng, lat] = projectedToWgs84(point[1], point[0], crs ?? 'EPSG:3826');
  return [lat, lng];
}

type Ring = readonly (readonly number[])[];

/** A Point's position, or the area-weighted centroid of a (Multi)Polygon's outer rings, as [lat, lng]. */
export function representativePoint(geometry: unknown): [number, number] | null {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  if (!g || !Array.isArray(g.coordinates)) return null;
  if (g.type === 'Point') {
    const [lng, lat] = g.coordinates as number[];
    if (typeof lng !== 'number' || typeof lat !== 'number') return null;
    const p = lngLatToLatLng(asLngLat(lng, lat));
    return [p[0], p[1]];
  }
  const polygons =
    g.type === 'Polygon'
      ? [g.coordinates as Ring[]]
      : g.type === 'MultiPolygon'
        ? (g.coordinates as Ring[][])
        : [];
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const polygon of polygons) {
    const outer = polygon[0];
    if (!outer) continue;
    for (let i = 0; i + 1 < outer.length; i++) {
      const [x0 = 0, y0 = 0] = outer[i] ?? [];
      const [x1 = 0, y1 = 0] = outer[i + 1] ?? [];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
  }
  if (area === 0) return null;
  return [cy / (3 * area), cx / (3 * area)];
}
