import type { CoverageTarget } from '../analysis/coverage.ts';
import { placeKey } from '../geo/gazetteer.ts';
import { distanceMetres, type LatLng } from '../model/coordinates.ts';
import type { Resource } from '../model/resource.ts';
import type { UnderstoodIntent } from './question-intent.ts';
import { villagesServed } from './township-briefing.ts';

/** What a question is answered from. */
export interface QuestionData {
  readonly resources: readonly Resource[];
  /** Each record's start year by index (0: unknown). */
  readonly startYears: Int32Array;
  /** Village centroids; null while they have not been loaded (a village question then says so). */
  readonly villages: readonly CoverageTarget[] | null;
  /** Township centroids, in gazetteer order. */
  readonly townships: readonly { county: string; town: string; centroid: LatLng }[];
  /** The county a question without one is about. */
  readonly defaultCounty: string;
}

/** The answer: records (with distances for nearness), or the places that lack a category. */
export type QuestionAnswer =
  | {
      readonly kind: 'records';
      /** Indexes into the resources, in display order (nearest first for nearness). */
      readonly indexes: readonly number[];
      readonly metres?: readonly number[];
      /** change: records whose start year is unknown (not counted). */
      readonly undated?: number;
      /** near: where distances are measured from. */
      readonly from?: LatLng;
    }
  | { readonly kind: 'places'; readonly places: readonly string[]; readonly of: number }
  | { readonly kind: 'needs-villages' };

/** Answers an understood question from the data: counts, lists, absence, nearness or change. */
export function answerQuestion(intent: UnderstoodIntent, data: QuestionData): QuestionAnswer {
  const { resources } = data;
  const county = placeKey(intent.county);
  const town = placeKey(intent.town);
  const matches = (r: Resource) =>
    (!intent.category || r.category === intent.category) &&
    (!intent.service || r.services.includes(intent.service)) &&
    (!county || placeKey(r.county) === county) &&
    (!town || placeKey(r.town) === town);

  if (intent.kind === 'near') {
    const from = anchorPosition(intent, data);
    if (!from) return { kind: 'records', indexes: [], metres: [] };
    const limit = intent.radiusKm * 1000;
    const hits: { i: number; d: number }[] = [];
    resources.forEach((r, i) => {
      if (!r.position || !matches(r)) return;
      if (intent.anchor?.kind === 'resource' && intent.anchor.index === i) return;
      const d = distanceMetres(from, r.position);
      if (d <= limit) hits.push({ i, d });
    });
    hits.sort((a, b) => a.d - b.d);
    return { kind: 'records', indexes: hits.map((h) => h.i), metres: hits.map((h) => h.d), from };
  }

  if (intent.kind === 'absence') {
    const area = county || (town ? '' : placeKey(data.defaultCounty));
    if (intent.unit === 'township') {
      const have = new Set<string>();
      resources.forEach((r) => {
        if (r.category === intent.category && (!intent.service || r.services.includes(intent.service)))
          have.add(`${placeKey(r.county)}|${placeKey(r.town)}`);
      });
      const towns = data.townships.filter((t) => (!area || t.county === area) && (!town || t.town === town));
      const lacking = towns.filter((t) => !have.has(`${t.county}|${t.town}`)).map((t) => t.town);
      return { kind: 'places', places: lacking, of: towns.length };
    }
    if (!data.villages) return { kind: 'needs-villages' };
    const villages = data.villages.filter(
      (v) => (!area || placeKey(v.county) === area) && (!town || placeKey(v.town) === town),
    );
    // A record counts for the villages of its own township: group both by township once.
    const key = (c: string, t: string) => `${placeKey(c)}|${placeKey(t)}`;
    const byTown = new Map<string, { villages: CoverageTarget[]; records: number[] }>();
    for (const v of villages) {
      const k = key(v.county, v.town);
      const entry = byTown.get(k) ?? { villages: [], records: [] };
      entry.villages.push(v);
      byTown.set(k, entry);
    }
    resources.forEach((r, i) => {
      if (r.category !== intent.category || (intent.service && !r.services.includes(intent.service))) return;
      byTown.get(key(r.county, r.town))?.records.push(i);
    });
    const lacking: string[] = [];
    for (const entry of byTown.values()) {
      const served = villagesServed(resources, entry.records, entry.villages);
      for (const v of entry.villages)
        if (!served.has(v.village ?? ''))
          lacking.push(town ? (v.village ?? '') : `${v.town}${v.village ?? ''}`);
    }
    return { kind: 'places', places: lacking, of: villages.length };
  }

  const indexes: number[] = [];
  let undated = 0;
  resources.forEach((r, i) => {
    if (!matches(r)) return;
    if (intent.kind === 'change') {
      const year = data.startYears[i] ?? 0;
      if (year === 0) undated++;
      else if (year >= intent.fromYear && year <= intent.toYear) indexes.push(i);
      return;
    }
    indexes.push(i);
  });
  return intent.kind === 'change' ? { kind: 'records', indexes, undated } : { kind: 'records', indexes };
}

function anchorPosition(intent: UnderstoodIntent, data: QuestionData): LatLng | null {
  const anchor = intent.anchor;
  if (!anchor) return null;
  if (anchor.kind === 'resource') return data.resources[anchor.index]?.position ?? null;
  const t = data.townships.find((x) => x.county === anchor.county && x.town === anchor.town);
  return t?.centroid ?? null;
}
