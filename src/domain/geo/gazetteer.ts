import { type LatLng, toLatLng } from '../model/coordinates.ts';
import { nfkc } from '../model/normalize-text.ts';

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
  /** What address parsing looks places up in (former names, town-name lengths), built with the gazetteer. */
  readonly places: PlaceIndex;
}

/**
 * Counties and towns are compared with 台 → 臺, 区 → 區, 巿 → 市 and no spaces: the Taipei care points file writes
 * 臺北市大安区 once, and PDF-extracted addresses break 臺北 市 with a space.
 */
export function placeKey(name: string): string {
  let key = placeKeys.get(name);
  if (key === undefined) {
    // 巿 (U+5DFF, "fú") looks like 市 and is typed for it: 台北巿 is 臺北市.
    key = nfkc(name).replace(/\s+/g, '').replace(/台/g, '臺').replace(/区/g, '區').replace(/巿/g, '市');
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
  const lookups = {
    townships,
    find: (county: string, town: string) => byKey.get(`${placeKey(county)}|${placeKey(town)}`),
    findByTown: (town: string) => byTown.get(placeKey(town)) ?? [],
    counties: () => counties,
  };
  return { ...lookups, places: placeIndexOf(lookups) };
}

export interface ParsedAddress {
  readonly county?: string;
  readonly town?: string;
  /** The county as the address wrote it before the 2010/2014 mergers, e.g. 臺南縣 (`county` is 臺南市). */
  readonly formerCounty?: string;
  /** The township as the address wrote it before the mergers, e.g. 永康市 (`town` is 永康區). */
  readonly formerTown?: string;
}

const COUNTY_PATTERN = /^(.{2}[縣市])/;

/**
 * Finds county and township at the start of an address, e.g. 嘉義縣民雄鄉江厝店29之4號 → 嘉義縣 / 民雄鄉.
 * Addresses without the county (中西區光賢街…) resolve when the town is unique or `defaultCounty` is given.
 * A leading zipcode (621嘉義縣…) is skipped. Names from before the 2010/2014 mergers are brought to today's
 * (臺北縣板橋市 → 新北市 / 板橋區), and the names as written are returned with them.
 */
export function parseAddress(gazetteer: Gazetteer, address: string, defaultCounty?: string): ParsedAddress {
  const { places } = gazetteer;
  const text = placeKey(address).replace(/^\d{3,6}/, '');
  const written = COUNTY_PATTERN.exec(text)?.[1];
  const formerCounty = written === undefined ? undefined : places.formerCounties.get(written);
  const county =
    formerCounty ?? (written !== undefined && gazetteer.counties().includes(written) ? written : undefined);
  const rest = county && written ? text.slice(written.length) : text;
  const fallback = defaultCounty ? currentCounty(places, placeKey(defaultCounty)) : undefined;
  const preferred = pick(townsAtStart(gazetteer, places, rest), county, fallback);
  // Not a town of today: maybe one of before the mergers (永康市 for 永康區), only then looked up.
  const found: ParsedAddress = preferred
    ? { county: preferred.county, town: preferred.town }
    : (formerTownAtStart(places, rest, county, fallback) ?? (county ? { county } : {}));
  return formerCounty && written ? { ...found, formerCounty: written } : found;
}

/** A former township at the start of `text`, the same way as today's: a lookup per name length. */
function formerTownAtStart(
  places: PlaceIndex,
  text: string,
  county: string | undefined,
  defaultCounty: string | undefined,
): ParsedAddress | undefined {
  for (const length of places.formerLengths) {
    if (length > text.length) continue;
    const name = text.slice(0, length);
    const township = pick(places.formerTowns.get(name) ?? [], county, defaultCounty);
    if (township) return { county: township.county, town: township.town, formerTown: name };
  }
  return undefined;
}

/** The township named in the county, else in the default county, else the only one. */
function pick(
  candidates: readonly Township[],
  county: string | undefined,
  defaultCounty: string | undefined,
): Township | undefined {
  if (county) return candidates.find((t) => t.county === county);
  return (
    (defaultCounty ? candidates.find((t) => t.county === defaultCounty) : undefined) ??
    (candidates.length === 1 ? candidates[0] : undefined)
  );
}

/**
 * County and town cells in today's names, or undefined when they already are (or are unknown), so that the
 * usual row allocates nothing: 臺北縣 / 板橋市 → 新北市 / 板橋區, 新北市 / 板橋市 → 新北市 / 板橋區,
 * 高雄縣 / 三民鄉 → 高雄市 / 那瑪夏區. Both names are compared as `placeKey` gives them. Without a county, a
 * former town is renamed only when no township of today has its name and one merged county has it.
 */
export function currentPlaceNames(
  gazetteer: Gazetteer,
  county: string,
  town: string,
): { readonly county: string; readonly town: string } | undefined {
  const { places } = gazetteer;
  const newCounty = currentCounty(places, county);
  const renamed =
    town === '' ? undefined : renamedTown(gazetteer, places.formerTowns.get(town), newCounty, town);
  const newTown = renamed ? renamed.town : town;
  return newCounty === county && newTown === town ? undefined : { county: newCounty, town: newTown };
}

function renamedTown(
  gazetteer: Gazetteer,
  formerTowns: readonly Township[] | undefined,
  county: string,
  town: string,
): Township | undefined {
  if (!formerTowns) return undefined;
  // A name of today is never renamed: 東勢鄉 is 雲林縣's (臺中縣's was 東勢鎮, now 東勢區).
  if (county) return gazetteer.find(county, town) ? undefined : formerTowns.find((t) => t.county === county);
  return gazetteer.findByTown(town).length === 0 && formerTowns.length === 1 ? formerTowns[0] : undefined;
}

/**
 * Counties merged into special municipalities (臺北縣 in 2010 as 新北市, 臺中縣, 臺南縣, 高雄縣 into the cities
 * of their names, 桃園縣 in 2014 as 桃園市), whose 鄉, 鎮 and 縣轄市 all became 區 of the same name.
 */
const FORMER_COUNTIES: readonly (readonly [former: string, current: string])[] = [
  ['臺北縣', '新北市'],
  ['桃園縣', '桃園市'],
  ['臺中縣', '臺中市'],
  ['臺南縣', '臺南市'],
  ['高雄縣', '高雄市'],
];

/**
 * Townships renamed besides becoming 區: 高雄縣三民鄉 was renamed 那瑪夏鄉 in 2008 (高雄市三民區 is another place);
 * 臺南市中區 and 西區 were merged as 中西區 in 2004 (臺中市中區 and 西區, 嘉義市西區 are other places, of today).
 */
const RENAMED_TOWNS: readonly (readonly [former: string, county: string, current: string])[] = [
  ['三民鄉', '高雄市', '那瑪夏區'],
  ['中區', '臺南市', '中西區'],
  ['西區', '臺南市', '中西區'],
];

const FORMER_TOWN_SUFFIXES = ['鄉', '鎮', '市'] as const;

export interface PlaceIndex {
  /** The distinct lengths of today's town names, for a lookup per length at the start of an address. */
  readonly lengths: readonly number[];
  readonly rank: ReadonlyMap<Township, number>;
  /** Former county → today's, only where today's is in the gazetteer. */
  readonly formerCounties: ReadonlyMap<string, string>;
  /** Former town name (永康市, 龍潭鄉, 三民鄉) → the districts of today that had it, in merged counties. */
  readonly formerTowns: ReadonlyMap<string, readonly Township[]>;
  readonly formerLengths: readonly number[];
}

/** Built with the gazetteer: the per-row lookups are map reads, never scans of the townships. */
function placeIndexOf(gazetteer: Omit<Gazetteer, 'places'>): PlaceIndex {
  const counties = new Set(gazetteer.counties());
  const formerCounties = new Map(FORMER_COUNTIES.filter(([, current]) => counties.has(current)));
  const merged = new Set(formerCounties.values());
  const formerTowns = new Map<string, Township[]>();
  for (const t of gazetteer.townships) {
    // A district of one character (中區, 東區) was a city district before the merger, never a 鄉, 鎮 or 市.
    if (!merged.has(t.county) || !t.town.endsWith('區') || t.town.length < 3) continue;
    for (const suffix of FORMER_TOWN_SUFFIXES) {
      const name = `${t.town.slice(0, -1)}${suffix}`;
      formerTowns.set(name, [...(formerTowns.get(name) ?? []), t]);
    }
  }
  for (const [former, county, current] of RENAMED_TOWNS) {
    const township = gazetteer.find(county, current);
    if (township) formerTowns.set(former, [township]);
    else formerTowns.delete(former);
  }
  return {
    lengths: [...new Set(gazetteer.townships.map((t) => t.town.length))],
    rank: new Map(gazetteer.townships.map((t, i) => [t, i])),
    formerCounties,
    formerTowns,
    formerLengths: [...new Set([...formerTowns.keys()].map((name) => name.length))],
  };
}

function currentCounty(places: PlaceIndex, county: string): string {
  return places.formerCounties.get(county) ?? county;
}

/** Townships whose name starts `text`, in gazetteer order: a lookup per name length, not a scan of them all. */
function townsAtStart(gazetteer: Gazetteer, places: PlaceIndex, text: string): Township[] {
  const { lengths, rank } = places;
  const found: Township[] = [];
  for (const length of lengths) {
    if (length <= text.length) found.push(...gazetteer.findByTown(text.slice(0, length)));
  }
  return found.length < 2 ? found : found.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
}
