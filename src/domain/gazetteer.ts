import { type LatLng, toLatLng } from './coordinates.ts';
import { nfkc } from './normalize-text.ts';

/** A township (鄉鎮市區) with its area-weighted centroid. */
export interface Township {
  readonly county: string;
  readonly town: string;
  readonly zipcode: string;
  readonly centroid: LatLng;
}

/** Township lookup by county + town, and address parsing against the known names. */
export interface Gazetteer {
  readonly townships: readonly Township[];
  find(county: string, town: string): Township | undefined;
  /** Townships named `town`, in any county (e.g. 東區 exists in several). */
  findByTown(town: string): readonly Township[];
  counties(): readonly string[];
}

/**
 * Counties and towns are compared with 台 → 臺, 区 → 區 and no spaces: the Taipei care points file writes
 * 臺北市大安区 once, and PDF-extracted addresses break 臺北 市 with a space.
 */
export function placeKey(name: string): string {
  let key = placeKeys.get(name);
  if (key === undefined) {
    key = nfkc(name).replace(/\s+/g, '').replace(/台/g, '臺').replace(/区/g, '區');
    // Place names repeat across rows (a 100,000-row file has a few hundred): remember the short ones.
    if (name.length <= 12) {
      if (placeKeys.size > 10_000) placeKeys.clear();
      placeKeys.set(name, key);
    }
  }
  return key;
}
const placeKeys = new Map<string, string>();

/** Builds a gazetteer from rows of county, town, zipcode, lat, lng. */
export function buildGazetteer(rows: readonly (readonly string[])[]): Gazetteer {
  const townships: Township[] = [];
  for (const [county, town, zipcode, lat, lng] of rows) {
    const la = Number(lat);
    const ln = Number(lng);
    if (!county || !town || !Number.isFinite(la) || !Number.isFinite(ln) || lat === '' || lng === '')
      continue;
    townships.push({
      county: placeKey(county),
      town: placeKey(town),
      zipcode: zipcode ?? '',
      centroid: toLatLng(la, ln),
    });
  }
  const byKey = new Map(townships.map((t) => [`${t.county}|${t.town}`, t]));
  const byTown = new Map<string, Township[]>();
  for (const t of townships) byTown.set(t.town, [...(byTown.get(t.town) ?? []), t]);
  const counties = [...new Set(townships.map((t) => t.county))];
  return {
    townships,
    find: (county, town) => byKey.get(`${placeKey(county)}|${placeKey(town)}`),
    findByTown: (town) => byTown.get(placeKey(town)) ?? [],
    counties: () => counties,
  };
}

export interface ParsedAddress {
  readonly county?: string;
  readonly town?: string;
}

const COUNTY_PATTERN = /^(.{2}[縣市])/;

/**
 * Finds county and township at the start of an address, e.g. 嘉義縣民雄鄉江厝店29之4號 → 嘉義縣 / 民雄鄉.
 * Addresses without the county (中西區光賢街…) resolve when the town is unique or `defaultCounty` is given.
 * A leading zipcode (621嘉義縣…) is skipped.
 */
export function parseAddress(gazetteer: Gazetteer, address: string, defaultCounty?: string): ParsedAddress {
  const text = placeKey(address).replace(/^\d{3,6}/, '');
  const countyMatch = COUNTY_PATTERN.exec(text);
  const county =
    countyMatch?.[1] && gazetteer.counties().includes(countyMatch[1]) ? countyMatch[1] : undefined;
  const rest = county ? text.slice(county.length) : text;
  const candidates = townsAtStart(gazetteer, rest).filter((t) => (county ? t.county === county : true));
  const preferred =
    candidates.find((t) => t.county === county) ??
    (defaultCounty ? candidates.find((t) => t.county === placeKey(defaultCounty)) : undefined) ??
    (candidates.length === 1 ? candidates[0] : undefined);
  if (preferred) return { county: preferred.county, town: preferred.town };
  return county ? { county } : {};
}

const townNames = new WeakMap<
  Gazetteer,
  { readonly lengths: readonly number[]; readonly rank: ReadonlyMap<Township, number> }
>();

/** Townships whose name starts `text`, in gazetteer order: a lookup per name length, not a scan of them all. */
function townsAtStart(gazetteer: Gazetteer, text: string): Township[] {
  let names = townNames.get(gazetteer);
  if (!names) {
    names = {
      lengths: [...new Set(gazetteer.townships.map((t) => t.town.length))],
      rank: new Map(gazetteer.townships.map((t, i) => [t, i])),
    };
    townNames.set(gazetteer, names);
  }
  const found: Township[] = [];
  for (const length of names.lengths) {
    if (length <= text.length) found.push(...gazetteer.findByTown(text.slice(0, length)));
  }
  const { rank } = names;
  return found.length < 2 ? found : found.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
}
