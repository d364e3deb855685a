import type { NearbyHit } from '../geo/nearby-index.ts';
import type { Resource } from '../model/resource.ts';
import type { FilterResult } from './filter-resources.ts';

/** What "near me" and "open now" add to the ordinary filters. */
export interface NearbyNarrowing {
  /** Placed resources near the reference point, nearest first; null without a reference point. */
  readonly hits: readonly NearbyHit[] | null;
  /** True when `hits` stop at a radius: resources outside it (and those without a position) are left out. */
  readonly radiusLimited: boolean;
  /** Per resource index, 1 when it is known to be closed now; null when "open now" is off. */
  readonly closed: Uint8Array | null;
}

/**
 * Narrows filter results to the radius and to what is not known to be closed, then orders them nearest first.
 * `base` is the filter result with no category hidden (every filter but the category ticks), so categories can
 * still be counted; resources without hours are never dropped by "open now". Without a radius, resources that
 * have no position follow the placed ones, in their usual order, so that nothing disappears.
 */
export function narrowAndOrder(
  resources: readonly Resource[],
  base: FilterResult,
  hiddenCategories: readonly string[],
  narrowing: NearbyNarrowing,
): FilterResult {
  const { hits, radiusLimited, closed } = narrowing;
  const matching = base.visible;
  const hidden = new Set(hiddenCategories);
  const inRadius = hits && radiusLimited ? new Uint8Array(resources.length) : null;
  if (inRadius && hits) for (const hit of hits) inRadius[hit.index] = 1;
  const allowed = new Uint8Array(resources.length);
  let categoryCounts: Record<string, number>;
  if (!inRadius && !closed) {
    // Nothing is narrowed: the base counts stand, and every match is allowed (the usual case per keystroke).
    for (const i of matching) allowed[i] = 1;
    categoryCounts = { ...base.categoryCounts };
  } else {
    categoryCounts = {};
    for (const i of matching) {
      if (closed?.[i] === 1) continue;
      if (inRadius && inRadius[i] !== 1) continue;
      allowed[i] = 1;
      const category = (resources[i] as Resource).category;
      categoryCounts[category] = (categoryCounts[category] ?? 0) + 1;
    }
  }
  const shown =
    hidden.size === 0
      ? (i: number) => allowed[i] === 1
      : (i: number) => allowed[i] === 1 && !hidden.has((resources[i] as Resource).category);
  const visible: number[] = [];
  if (hits) {
    for (const hit of hits) if (shown(hit.index)) visible.push(hit.index);
    if (!radiusLimited) {
      for (const i of matching) if (shown(i) && !(resources[i] as Resource).position) visible.push(i);
    }
  } else {
    for (const i of matching) if (shown(i)) visible.push(i);
  }
  return {
    visible,
    categoryCounts,
    ...(base.correction !== undefined ? { correction: base.correction } : {}),
  };
}
