import { around } from 'geokdbush';
import KDBush from 'kdbush';
import type { CoverageTarget } from '../analysis/coverage.ts';
import { placeKey } from '../geo/gazetteer.ts';
import { type LinkRecordTally, tallyLinkRecords } from '../link/link-records.ts';
import type { BriefingConfig } from '../model/briefing-config.ts';
import { distanceMetres, type LatLng, toLatLng } from '../model/coordinates.ts';
import type { Resource } from '../model/resource.ts';

/** A resource near a gap: which record (index into the resources given), and how far. */
export interface NearbyResource {
  readonly index: number;
  readonly metres: number;
}

/** One category's line: how many now, how many were added after `sinceYear`, per 1,000 residents. */
export interface CategoryCount {
  readonly category: string;
  readonly count: number;
  /** Records whose start year (設立年度) is after `sinceYear`; null when no record of the township says. */
  readonly added: number | null;
  /** Null without a population figure. */
  readonly perThousand: number | null;
}

/** A category the township has none of, with the nearest ones outside it. */
export interface MissingCategory {
  readonly category: string;
  readonly nearest: readonly NearbyResource[];
}

/** A village farther than the radius from every welfare centre. */
export interface FarVillage {
  readonly village: string;
  readonly position: LatLng;
  /** The nearest welfare centre (null: none at all). */
  readonly nearestWelfare: NearbyResource | null;
  /** The nearest other resources, of any category, to start from. */
  readonly nearestOthers: readonly NearbyResource[];
}

/** A community association with no friendly shop within the shop radius. */
export interface CommunityWithoutShop {
  readonly index: number;
  readonly nearestShop: NearbyResource | null;
}

/** Progress against one of the manifest's targets. */
export interface TargetProgress {
  readonly target: BriefingConfig['targets'][number];
  /** How many of `of` meet it (communities with the service, villages with the category, 1/0 for the township). */
  readonly reached: number;
  readonly of: number;
  readonly met: boolean;
  /** Villages still without the category (every-village only), by name. */
  readonly missing: readonly string[];
}

/** The numbers of one township's briefing (鄉鎮資源簡報); the sentences are written from them per language. */
export interface TownshipBriefing {
  readonly county: string;
  readonly town: string;
  readonly total: number;
  readonly counts: readonly CategoryCount[];
  readonly sinceYear: number | null;
  readonly missingCategories: readonly MissingCategory[];
  /** Villages known (from the village centroids) in this township. */
  readonly villageCount: number;
  /** Farthest first. */
  readonly farVillages: readonly FarVillage[];
  /** Community associations without a shop nearby, farthest from one first. */
  readonly communitiesWithoutShop: readonly CommunityWithoutShop[];
  readonly communityCount: number;
  readonly targets: readonly TargetProgress[];
  readonly population: number | null;
  /** The township's records a `?data=` link brought: on show, but not official, so left out of every figure. */
  readonly linkRecordsLeftOut: LinkRecordTally;
}

/** Everything the briefings are computed from; nothing is looked up elsewhere. */
export interface BriefingInput {
  readonly resources: readonly Resource[];
  /** The records on show (filters applied), across the whole data: a gap's nearest help may be over the line. */
  readonly indexes: readonly number[];
  /** Each record's start year by index (0: unknown), as the dataset keeps them. */
  readonly startYears: Int32Array | null;
  /** Category ids in configuration order. */
  readonly categories: readonly string[];
  readonly villages: readonly CoverageTarget[];
  /** Township centroids, to find the nearest resources of a category a township lacks. */
  readonly townCentroid: (county: string, town: string) => LatLng | null;
  readonly config: BriefingConfig;
  /** Records added after this year count as new ("比去年多 1 家"); null: no change is reported. */
  readonly sinceYear: number | null;
  /** Residents by `county|town`; absent or missing a township: no ratio. */
  readonly population?: ReadonlyMap<string, number> | null;
  /**
   * The host of each record a `?data=` link brought, by id (absent: none). Such records are not official: the
   * briefing neither counts them nor names them as help, and says how many of the township's it left out.
   */
  readonly linkHosts?: ReadonlyMap<string, string>;
}

const NEAREST_OTHERS = 2;
/** Degrees around the briefed villages searched for other help (0.1° ≈ 10 km). */
const OTHERS_PADDING = 0.1;
const NEAREST_OUTSIDE = 3;
/** A category a township lacks is looked for this far away at most: 金門's offices are not help for 民雄. */
export const OUTSIDE_KM = 50;

/** Positions of some records in a kd-tree, with the record index of each point. */
interface PointIndex {
  readonly tree: KDBush | null;
  readonly ids: readonly number[];
}

function pointIndex(resources: readonly Resource[], indexes: readonly number[]): PointIndex {
  const ids = indexes.filter((i) => resources[i]?.position);
  if (ids.length === 0) return { tree: null, ids };
  const tree = new KDBush(ids.length);
  for (const i of ids) {
    const p = resources[i]?.position as LatLng;
    tree.add(p[1], p[0]);
  }
  tree.finish();
  return { tree, ids };
}

function nearest(
  resources: readonly Resource[],
  index: PointIndex,
  at: LatLng,
  count: number,
  maxKm = Number.POSITIVE_INFINITY,
): NearbyResource[] {
  if (!index.tree) return [];
  const found = around(index.tree, at[1], at[0], count, maxKm);
  return found.map((id) => {
    const i = index.ids[id] as number;
    return { index: i, metres: distanceMetres(at, resources[i]?.position as LatLng) };
  });
}

const townKey = (county: string, town: string) => `${placeKey(county)}|${placeKey(town)}`;

/**
 * Computes the briefing of each township in `places` from one pass over the records: counts per category and
 * what was added since a year, the categories it lacks (with the nearest outside), villages far from every welfare
 * centre, community associations without a friendly shop nearby (each with the nearest help), progress against the
 * manifest's targets, and resources per 1,000 residents when a population table was given. Distances are great
 * circle (as the crow flies). Records a link brought are left out of all of it (only counted as left out).
 */
export function buildBriefings(
  input: BriefingInput,
  places: readonly { readonly county: string; readonly town: string }[],
): TownshipBriefing[] {
  const { resources, config, categories } = input;
  const linkHosts = input.linkHosts ?? new Map<string, string>();
  // The official records on show: everything below (counts, gaps, nearest help, targets) reads only these.
  const indexes =
    linkHosts.size === 0
      ? input.indexes
      : input.indexes.filter((i) => !linkHosts.has(resources[i]?.id ?? ''));
  const wanted = new Set(places.map((p) => townKey(p.county, p.town)));
  const wantedTowns = new Set(places.map((p) => placeKey(p.town)));
  const byTown = new Map<string, number[]>();
  const byCategory = new Map<string, number[]>(categories.map((c) => [c, []]));
  for (const i of indexes) {
    const r = resources[i];
    if (!r) continue;
    byCategory.get(r.category)?.push(i);
    // Most records are of other townships: one lookup rules them out before a key is made.
    if (!wantedTowns.has(placeKey(r.town))) continue;
    const key = townKey(r.county, r.town);
    if (!wanted.has(key)) continue;
    const list = byTown.get(key);
    if (list) list.push(i);
    else byTown.set(key, [i]);
  }
  const linkByTown = new Map<string, Resource[]>();
  if (linkHosts.size > 0)
    for (const i of input.indexes) {
      const r = resources[i];
      if (!r || !linkHosts.has(r.id)) continue;
      const key = townKey(r.county, r.town);
      if (!wanted.has(key)) continue;
      const list = linkByTown.get(key);
      if (list) list.push(r);
      else linkByTown.set(key, [r]);
    }
  const villagesByTown = new Map<string, CoverageTarget[]>();
  for (const v of input.villages) {
    const key = townKey(v.county, v.town);
    if (!wanted.has(key)) continue;
    const list = villagesByTown.get(key);
    if (list) list.push(v);
    else villagesByTown.set(key, [v]);
  }
  const trees = new Map<string, PointIndex>();
  const treeOf = (category: string) => {
    let tree = trees.get(category);
    if (!tree) {
      tree = pointIndex(resources, byCategory.get(category) ?? []);
      trees.set(category, tree);
    }
    return tree;
  };
  // The "other help" near a far village is looked for within about 10 km of the places briefed: a tree over
  // every record of a 100,000-record county would cost more than the rest of a township's briefing.
  let others: PointIndex | null = null;
  const othersTree = () => {
    if (others) return others;
    const box = boxAround(
      input.villages.filter((v) => wanted.has(townKey(v.county, v.town))),
      OTHERS_PADDING,
    );
    const near = indexes.filter((i) => {
      const r = resources[i];
      const p = r?.position;
      return (
        p &&
        box &&
        r.category !== config.welfareCategory &&
        p[0] >= box.south &&
        p[0] <= box.north &&
        p[1] >= box.west &&
        p[1] <= box.east
      );
    });
    others = pointIndex(resources, near);
    return others;
  };

  return places.map(({ county, town }) => {
    const key = townKey(county, town);
    const own = byTown.get(key) ?? [];
    const villages = villagesByTown.get(key) ?? [];
    const population = input.population?.get(key) ?? null;
    const perCategory = new Map<string, number[]>(categories.map((c) => [c, []]));
    for (const i of own) perCategory.get(resources[i]?.category ?? '')?.push(i);

    const years = input.startYears;
    const since = input.sinceYear;
    const counts = categories.map((category): CategoryCount => {
      const list = perCategory.get(category) ?? [];
      let dated = 0;
      let added = 0;
      if (years && since !== null)
        for (const i of list) {
          const y = years[i] ?? 0;
          if (y === 0) continue;
          dated++;
          if (y > since) added++;
        }
      return {
        category,
        count: list.length,
        added: dated > 0 ? added : null,
        perThousand: population ? (1000 * list.length) / population : null,
      };
    });

    const centre = input.townCentroid(county, town) ?? meanPosition(villages);
    const missingCategories = counts
      .filter((c) => c.count === 0)
      .map(({ category }) => ({
        category,
        nearest: centre ? nearest(resources, treeOf(category), centre, NEAREST_OUTSIDE, OUTSIDE_KM) : [],
      }));

    const welfare = treeOf(config.welfareCategory);
    const farVillages: FarVillage[] = [];
    for (const v of villages) {
      const [nearestWelfare = null] = nearest(resources, welfare, v.position, 1);
      if (nearestWelfare && nearestWelfare.metres <= config.villageRadiusMetres) continue;
      farVillages.push({
        village: v.village ?? '',
        position: v.position,
        nearestWelfare,
        nearestOthers: nearest(resources, othersTree(), v.position, NEAREST_OTHERS),
      });
    }
    const far = Number.POSITIVE_INFINITY;
    farVillages.sort((a, b) => (b.nearestWelfare?.metres ?? far) - (a.nearestWelfare?.metres ?? far));

    const shops = treeOf(config.shopCategory);
    const communities = (perCategory.get(config.communityCategory) ?? []).filter(
      (i) => resources[i]?.position,
    );
    const communitiesWithoutShop: CommunityWithoutShop[] = [];
    for (const i of communities) {
      const [nearestShop = null] = nearest(resources, shops, resources[i]?.position as LatLng, 1);
      if (nearestShop && nearestShop.metres <= config.shopRadiusMetres) continue;
      communitiesWithoutShop.push({ index: i, nearestShop });
    }
    communitiesWithoutShop.sort((a, b) => (b.nearestShop?.metres ?? far) - (a.nearestShop?.metres ?? far));

    const targets = config.targets.map((target): TargetProgress => {
      const list = perCategory.get(target.category) ?? [];
      if (target.kind === 'share-with-service') {
        const reached = list.filter((i) => resources[i]?.services.includes(target.service)).length;
        const met = list.length > 0 && (100 * reached) / list.length >= target.percent;
        return { target, reached, of: list.length, met, missing: [] };
      }
      if (target.kind === 'every-township') {
        return { target, reached: list.length > 0 ? 1 : 0, of: 1, met: list.length > 0, missing: [] };
      }
      const served = villagesServed(resources, list, villages);
      const missing = villages.map((v) => v.village ?? '').filter((name) => !served.has(name));
      return {
        target,
        reached: villages.length - missing.length,
        of: villages.length,
        met: villages.length > 0 && missing.length === 0,
        missing,
      };
    });

    return {
      county: placeKey(county),
      town: placeKey(town),
      total: own.length,
      counts,
      sinceYear: since,
      missingCategories,
      villageCount: villages.length,
      farVillages,
      communitiesWithoutShop,
      communityCount: (perCategory.get(config.communityCategory) ?? []).length,
      targets,
      population,
      linkRecordsLeftOut: tallyLinkRecords(linkByTown.get(key) ?? [], linkHosts),
    };
  });
}

/**
 * The villages that have at least one of the records: by the record's own 村里 when it names one of them, else the
 * village whose centroid is nearest to its position (village boundaries are not loaded; near a border this guesses).
 */
export function villagesServed(
  resources: readonly Resource[],
  list: readonly number[],
  villages: readonly CoverageTarget[],
): Set<string> {
  const names = new Set(villages.map((v) => v.village ?? ''));
  const served = new Set<string>();
  for (const i of list) {
    const r = resources[i];
    if (!r) continue;
    const own = r.village?.trim();
    if (own && names.has(own)) {
      served.add(own);
      continue;
    }
    if (!r.position) continue;
    let best = '';
    let bestMetres = Number.POSITIVE_INFINITY;
    for (const v of villages) {
      const d = distanceMetres(r.position, v.position);
      if (d < bestMetres) {
        bestMetres = d;
        best = v.village ?? '';
      }
    }
    if (best) served.add(best);
  }
  return served;
}

function boxAround(
  villages: readonly CoverageTarget[],
  padding: number,
): { south: number; north: number; west: number; east: number } | null {
  if (villages.length === 0) return null;
  let south = 90;
  let north = -90;
  let west = 180;
  let east = -180;
  for (const { position: p } of villages) {
    south = Math.min(south, p[0]);
    north = Math.max(north, p[0]);
    west = Math.min(west, p[1]);
    east = Math.max(east, p[1]);
  }
  return { south: south - padding, north: north + padding, west: west - padding, east: east + padding };
}

function meanPosition(villages: readonly CoverageTarget[]): LatLng | null {
  if (villages.length === 0) return null;
  let lat = 0;
  let lng = 0;
  for (const v of villages) {
    lat += v.position[0];
    lng += v.position[1];
  }
  return toLatLng(lat / villages.length, lng / villages.length);
}
