import { distanceMetres } from '../model/coordinates.ts';
import { normalizeForSearch } from '../model/normalize-text.ts';
import type { Resource } from '../model/resource.ts';

/** Why two records look like the same place. */
export type DuplicateReason = 'same-name-address' | 'same-name-nearby' | 'same-id';

/** An imported record that looks like one already on the map (or earlier in the same file). */
export interface DuplicatePair {
  /** The record that was there first. */
  readonly keepId: string;
  /** The imported record that repeats it. */
  readonly duplicateId: string;
  readonly reason: DuplicateReason;
  /** Metres between the two, when both have positions. */
  readonly distance?: number;
  /**
   * The two records' names, as the report shows the pair (so that it looks no record up among 100,000). Absent in
   * datasets saved before they were kept.
   */
  readonly keepName?: string;
  readonly duplicateName?: string;
}

/** What duplicate detection reads of a record already on show (the import worker gets only this). */
export type DuplicateCandidate = Pick<Resource, 'id' | 'name' | 'address' | 'position' | 'precision'>;

/** Within this many metres, two records with the same name are one place. */
export const NEARBY_METRES = 30;

/** Names and addresses compared with 台/臺, full/half width, spaces, case and punctuation ignored. */
function key(text: string): string {
  return normalizeForSearch(text).replace(/[()（）,，.。、\-－—_·・'"「」『』#＃]/g, '');
}

/**
 * Finds imported records that repeat an existing one: the same normalised name and address, or the same name
 * within 30 m. e.g. 「臺南市 東區 關懷據點」 at 東區大學路1號 and 「台南市東區關懷據點」 at 東區大學路１號 are one.
 * Records placed only at a township centroid are compared by address, never by distance (every record of
 * that township sits on the same centroid).
 */
export function findDuplicates(
  existing: readonly DuplicateCandidate[],
  imported: readonly Resource[],
): DuplicatePair[] {
  const byName = new Map<string, DuplicateCandidate[]>();
  const add = (r: DuplicateCandidate) => {
    const k = key(r.name);
    const list = byName.get(k);
    if (list) list.push(r);
    else byName.set(k, [r]);
  };
  for (const r of existing) add(r);
  const pairs: DuplicatePair[] = [];
  for (const r of imported) {
    const candidates = byName.get(key(r.name)) ?? [];
    const match =
      candidates.find((c) => c.id !== r.id && sameAddress(c, r)) ??
      candidates.find((c) => c.id !== r.id && nearby(c, r));
    if (match) {
      const distance = match.position && r.position ? distanceMetres(match.position, r.position) : undefined;
      pairs.push({
        keepId: match.id,
        duplicateId: r.id,
        reason: sameAddress(match, r) ? 'same-name-address' : 'same-name-nearby',
        ...(distance !== undefined ? { distance: Math.round(distance) } : {}),
        keepName: match.name,
        duplicateName: r.name,
      });
    }
    add(r);
  }
  return pairs;
}

function sameAddress(a: DuplicateCandidate, b: DuplicateCandidate): boolean {
  return a.address.trim() !== '' && key(a.address) === key(b.address);
}

function nearby(a: DuplicateCandidate, b: DuplicateCandidate): boolean {
  if (!a.position || !b.position || a.precision !== 'exact' || b.precision !== 'exact') return false;
  return distanceMetres(a.position, b.position) <= NEARBY_METRES;
}

/**
 * Merges a duplicate into the record kept: fields the kept record lacks are taken from the duplicate, phones,
 * services and extra columns are combined; the kept record's id, name and position stay.
 */
export function mergeDuplicate(keep: Resource, duplicate: Resource): Resource {
  const extra: Record<string, string> = {};
  for (const source of [duplicate.extra, keep.extra]) {
    for (const [k, v] of Object.entries(source)) {
      Object.defineProperty(extra, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
  }
  const pick = <K extends 'openingHours' | 'website' | 'description' | 'village' | 'lastVerified'>(
    field: K,
  ) => keep[field] ?? duplicate[field];
  const merged: Resource = {
    ...keep,
    address: keep.address || duplicate.address,
    phones: [...new Set([...keep.phones, ...duplicate.phones])],
    services: [...new Set([...keep.services, ...duplicate.services])],
    position: keep.position ?? duplicate.position,
    precision: keep.position ? keep.precision : duplicate.precision,
    extra,
  };
  const optional = {
    openingHours: pick('openingHours'),
    website: pick('website'),
    description: pick('description'),
    village: pick('village'),
    lastVerified: [keep.lastVerified, duplicate.lastVerified].filter(Boolean).sort().at(-1),
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) Object.assign(merged, { [k]: v });
  return merged;
}
