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

/** Search text computed elsewhere (the loading worker), so the main thread does not normalise 100,000 strings. */
const primedSearchText = new WeakMap<Resource, string>();

/** Remembers precomputed search texts for these resources (same order), for buildResourceIndex to reuse. */
export function primeSearchTexts(resources: readonly Resource[], texts: readonly string[]): void {
  resources.forEach((r, i) => {
    const text = texts[i];
    if (text !== undefined) primedSearchText.set(r, text);
  });
}

/** Display orders computed elsewhere (the loading worker), by the exact list they order. */
const primedOrder = new WeakMap<readonly Resource[], readonly number[]>();

/** Remembers a precomputed display order for this very list, for buildResourceIndex to reuse. */
export function primeDisplayOrder(resources: readonly Resource[], order: readonly number[]): void {
  if (order.length === resources.length) primedOrder.set(resources, order);
}

/** Builds the search text and display order once, so each keystroke is a plain scan. */
export function buildResourceIndex(
  resources: readonly Resource[],
  categories: readonly CategoryConfig[],
  serviceTags: readonly ServiceTagConfig[],
): ResourceIndex {
  const textOf = searchTextBuilder(categories, serviceTags);
  return {
    resources,
    haystacks: resources.map((r) => primedSearchText.get(r) ?? textOf(r)),
    positionOf: new Map(resources.map((r, i) => [r.id, i])),
    order: primedOrder.get(resources) ?? displayOrder(resources),
  };
}

/** The normalised text a search looks in: name, address, place, category and service names in both languages. */
export function searchTextBuilder(
  categories: readonly CategoryConfig[],
  serviceTags: readonly ServiceTagConfig[],
): (resource: Resource) => string {
  const categoryText = new Map(categories.map((c) => [c.id, `${c.label.zh} ${c.label.en}`]));
  const tagText = new Map(serviceTags.map((t) => [t.id, `${t.label.zh} ${t.label.en}`]));
  return (r) =>
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
    );
}

/**
 * County, then town, in zh-Hant collation (stroke order), then name in code-point order (radical-stroke for
 * Chinese). Collating only the few distinct places keeps 100,000 records to a fast integer sort.
 */
export function displayOrder(resources: readonly Resource[]): number[] {
  const collator = new Intl.Collator('zh-Hant-TW');
  const rank = (values: Iterable<string>) =>
    new Map([...new Set(values)].sort(collator.compare).map((value, i) => [value, i] as const));
  const countyRank = rank(resources.map((r) => r.county));
  const townRank = rank(resources.map((r) => r.town));
  const keys = resources.map(
    (r) => (countyRank.get(r.county) ?? 0) * 1_000_000 + (townRank.get(r.town) ?? 0),
  );
  return resources
    .map((_, i) => i)
    .sort((a, b) => {
      const byPlace = (keys[a] as number) - (keys[b] as number);
      if (byPlace !== 0) return byPlace;
      const na = (resources[a] as Resource).name;
      const nb = (resources[b] as Resource).name;
      return na < nb ? -1 : na > nb ? 1 : a - b;
    });
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
  /** Indexes that pass every filter but the category ticks, in display order (what narrowing searches build on). */
  readonly matched?: readonly number[];
  /** Per category: how many match every filter but the category ticks (what a checkbox would add). */
  readonly categoryCounts: Readonly<Record<string, number>>;
}

/** A previous filter run whose matches a narrower search can start from. */
export interface PreviousFilterRun {
  readonly filters: ResourceFilters;
  readonly result: FilterResult;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Whether `next` can only match a subset of what `previous` matched: same area and services, and a query that
 * extends the old one (typing 民 → 民雄 → 民雄 餐), so the scan can start from the old matches.
 */
function narrows(previous: ResourceFilters, next: ResourceFilters): boolean {
  return (
    previous.county === next.county &&
    previous.town === next.town &&
    sameList(previous.services, next.services) &&
    searchKey(next.query).startsWith(searchKey(previous.query))
  );
}

const searchKey = (query: string) => normalizeForSearch(query.replace(/[\s　]+/g, '\u0000'));

/**
 * The visible indexes and per-category counts. One pass over the index — or over the previous matches when the
 * new filters narrow them, which keeps each keystroke of a search cheap at 100,000 resources.
 */
export function filterResources(
  index: ResourceIndex,
  filters: ResourceFilters,
  previous?: PreviousFilterRun,
): FilterResult {
  const hidden = new Set(filters.hiddenCategories);
  const services = new Set(filters.services);
  const terms = searchKey(filters.query)
    .split('\u0000')
    .filter((t) => t !== '');
  const county = placeKey(filters.county);
  const town = placeKey(filters.town);
  const candidates =
    previous?.result.matched && narrows(previous.filters, filters) ? previous.result.matched : index.order;
  const unfiltered = !county && !town && services.size === 0 && terms.length === 0;
  const matched: number[] = unfiltered ? (index.order as number[]) : [];
  const visible: number[] = [];
  const categoryCounts: Record<string, number> = {};
  const { resources, haystacks } = index;
  for (const i of candidates) {
    const r = resources[i] as Resource;
    if (!unfiltered) {
      if (county && r.county !== county) continue;
      if (town && r.town !== town) continue;
      if (services.size > 0 && !r.services.some((s) => services.has(s))) continue;
      if (terms.length > 0) {
        const hay = haystacks[i] as string;
        let all = true;
        for (const t of terms) {
          if (!hay.includes(t)) {
            all = false;
            break;
          }
        }
        if (!all) continue;
      }
      matched.push(i);
    }
    categoryCounts[r.category] = (categoryCounts[r.category] ?? 0) + 1;
    if (!hidden.has(r.category)) visible.push(i);
  }
  return { visible, matched, categoryCounts };
}
