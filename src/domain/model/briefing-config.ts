/**
 * What an office sets in the manifest for its township briefings (鄉鎮資源簡報): which categories play the
 * welfare centre, friendly shop and community roles, the distances that count as a gap, and its targets.
 *
 * ```json
 * "briefing": {
 *   "villageRadiusKm": 5, "shopRadiusKm": 1,
 *   "targets": [
 *     { "kind": "share-with-service", "category": "community-association", "service": "violence-prevention", "percent": 20 },
 *     { "kind": "every-village", "category": "care-point" }
 *   ]
 * }
 * ```
 */
export interface BriefingConfig {
  readonly welfareCategory: string;
  readonly shopCategory: string;
  readonly communityCategory: string;
  /** A village farther than this from every welfare centre is a gap. */
  readonly villageRadiusMetres: number;
  /** A community association farther than this from every friendly shop is a gap. */
  readonly shopRadiusMetres: number;
  readonly targets: readonly BriefingTarget[];
}

/** A target an office reports progress against. */
export type BriefingTarget =
  /** e.g. 20% of the community associations take part in violence prevention (a service tag). */
  | {
      readonly kind: 'share-with-service';
      readonly category: string;
      readonly service: string;
      readonly percent: number;
    }
  /** e.g. a care point in every village. */
  | { readonly kind: 'every-village'; readonly category: string }
  /** e.g. a counselling station in every township (a township has at least one). */
  | { readonly kind: 'every-township'; readonly category: string };

export const DEFAULT_BRIEFING_CONFIG: BriefingConfig = {
  welfareCategory: 'welfare-center',
  shopCategory: 'friendly-shop',
  communityCategory: 'community-association',
  villageRadiusMetres: 5000,
  shopRadiusMetres: 1000,
  targets: [],
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads the manifest's `briefing` object (absent: the defaults). Unknown category or service ids, bad distances
 * and unknown target kinds are problems, each with its path, so an office sees what to fix.
 */
export function parseBriefingConfig(
  raw: unknown,
  categoryIds: ReadonlySet<string>,
  serviceIds: ReadonlySet<string>,
  problems: string[],
): BriefingConfig {
  if (raw === undefined) return DEFAULT_BRIEFING_CONFIG;
  if (!isObject(raw)) {
    problems.push('briefing must be an object');
    return DEFAULT_BRIEFING_CONFIG;
  }
  const category = (v: unknown, path: string, fallback: string) => {
    if (v === undefined) return fallback;
    if (typeof v === 'string' && categoryIds.has(v)) return v;
    problems.push(`${path} "${String(v)}" is not a category id`);
    return fallback;
  };
  const km = (v: unknown, path: string, fallback: number) => {
    if (v === undefined) return fallback;
    if (typeof v === 'number' && v > 0 && v <= 100) return v * 1000;
    problems.push(`${path} must be a number of kilometres between 0 and 100`);
    return fallback;
  };
  const d = DEFAULT_BRIEFING_CONFIG;
  const targets: BriefingTarget[] = [];
  const list = raw.targets === undefined ? [] : Array.isArray(raw.targets) ? raw.targets : null;
  if (list === null) problems.push('briefing.targets must be a list');
  (list ?? []).forEach((t, i) => {
    const path = `briefing.targets[${i}]`;
    const o = isObject(t) ? t : {};
    const cat = category(o.category, `${path}.category`, '');
    if (!cat) {
      if (o.category === undefined) problems.push(`${path}.category is missing`);
      return;
    }
    if (o.kind === 'every-village' || o.kind === 'every-township') {
      targets.push({ kind: o.kind, category: cat });
    } else if (o.kind === 'share-with-service') {
      const service = typeof o.service === 'string' && serviceIds.has(o.service) ? o.service : '';
      const percent = typeof o.percent === 'number' && o.percent > 0 && o.percent <= 100 ? o.percent : 0;
      if (!service) problems.push(`${path}.service "${String(o.service)}" is not a service tag id`);
      if (!percent) problems.push(`${path}.percent must be a number from 1 to 100`);
      if (service && percent) targets.push({ kind: 'share-with-service', category: cat, service, percent });
    } else {
      problems.push(`${path}.kind must be share-with-service, every-village or every-township`);
    }
  });
  return {
    welfareCategory: category(raw.welfareCategory, 'briefing.welfareCategory', d.welfareCategory),
    shopCategory: category(raw.shopCategory, 'briefing.shopCategory', d.shopCategory),
    communityCategory: category(raw.communityCategory, 'briefing.communityCategory', d.communityCategory),
    villageRadiusMetres: km(raw.villageRadiusKm, 'briefing.villageRadiusKm', d.villageRadiusMetres),
    shopRadiusMetres: km(raw.shopRadiusKm, 'briefing.shopRadiusKm', d.shopRadiusMetres),
    targets,
  };
}
