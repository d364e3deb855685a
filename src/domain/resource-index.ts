import type { CategoryConfig, ServiceTagConfig } from './categories.ts';
import { placeKey } from './gazetteer.ts';
import { normalizeForSearch } from './normalize-text.ts';
import type { Resource } from './resource.ts';

/** Precomputed, read-only view of the resources: searchable text and a display order. */
export interface ResourceIndex {
  readonly resources: readonly Resource[];
  /** Normalised name, address, services, place and category text, per resource. */
  readonly haystacks: readonly string[];
  readonly positionOf: ReadonlyMap<string, number>;
  /** Resource indexes sorted by county, town, then name (zh-Hant collation). */
  readonly order: readonly number[];
}

/** Builds the search text and display order once, so each keystroke is a plain scan. */
export function buildResourceIndex(
  resources: readonly Resource[],
  categories: readonly CategoryConfig[],
  serviceTags: readonly ServiceTagConfig[],
): ResourceIndex {
  const categoryText = new Map(categories.map((c) => [c.id, `${c.label.zh} ${c.label.en}`]));
  const tagText = new Map(serviceTags.map((t) => [t.id, `${t.label.zh} ${t.label.en}`]));
  const haystacks = resources.map((r) =>
    normalizeForSearch(
      [
        r.name,
        r.address,
        r.county,
        r.town,
        r.village ?? '',
        categoryText.get(r.category) ?? r.category,
        ...r.services.map((s) => tagText.get(s) ?? s),
      ].join('\u0001'),
    ),
  );
  const collator = new Intl.Collator('zh-Hant-TW');
  const order = resources
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = resources[a] as Resource;
      const rb = resources[b] as Resource;
      return (
        collator.compare(ra.county, rb.county) ||
        collator.compare(ra.town, rb.town) ||
        collator.compare(ra.name, rb.name)
      );
    });
  return { resources, haystacks, positionOf: new Map(resources.map((r, i) => [r.id, i])), order };
}

/** What the person filters by. Everything here is shareable in the URL. */
export interface ResourceFilters {
  /** Categories the person unticked. Hiding (rather than listing what is shown) keeps links valid when categories are added. */
  readonly hiddenCategories: readonly string[];
  /** A resource must offer at least one of these tags (none selected: no constraint). */
  readonly services: readonly string[];
  readonly county: string;
  readonly town: string;
  readonly query: string;
}

export const NO_FILTERS: ResourceFilters = {
  hiddenCategories: [],
  services: [],
  county: '',
  town: '',
  query: '',
};

export interface FilterResult {
  /** Indexes into index.resources, in display order. */
  readonly visible: readonly number[];
  /** Per category: how many match every filter but the category ticks (what a checkbox would add). */
  readonly categoryCounts: Readonly<Record<string, number>>;
}

/** One pass over the index: the visible indexes and the per-category counts. */
export function filterResources(index: ResourceIndex, filters: ResourceFilters): FilterResult {
  const hidden = new Set(filters.hiddenCategories);
  const services = new Set(filters.services);
  const terms = normalizeForSearch(filters.query.replace(/[\s　]+/g, '\u0000'))
    .split('\u0000')
    .filter((t) => t !== '');
  const county = placeKey(filters.county);
  const town = placeKey(filters.town);
  const visible: number[] = [];
  const categoryCounts: Record<string, number> = {};
  for (const i of index.order) {
    const r = index.resources[i] as Resource;
    if (county && r.county !== county) continue;
    if (town && r.town !== town) continue;
    if (services.size > 0 && !r.services.some((s) => services.has(s))) continue;
    if (terms.length > 0) {
      const hay = index.haystacks[i] as string;
      if (!terms.every((t) => hay.includes(t))) continue;
    }
    categoryCounts[r.category] = (categoryCounts[r.category] ?? 0) + 1;
    if (!hidden.has(r.category)) visible.push(i);
  }
  return { visible, categoryCounts };
}
