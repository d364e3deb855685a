import type { Resource } from '../model/resource.ts';

/** How many records a `?data=` link brought, and from which hosts (each once, in first-seen order). */
export interface LinkRecordTally {
  readonly count: number;
  readonly hosts: readonly string[];
}

/** The tally of a list without link records. */
export const NO_LINK_RECORDS: LinkRecordTally = { count: 0, hosts: [] };

/**
 * Counts the records of `resources` that a link brought, by `hostById` (record id → the link's host): what a
 * printed list or an AI pack must say of itself ("3 of these 40 records are unofficial data from example.org").
 */
export function tallyLinkRecords(
  resources: Iterable<Resource>,
  hostById: ReadonlyMap<string, string>,
): LinkRecordTally {
  if (hostById.size === 0) return NO_LINK_RECORDS;
  let count = 0;
  const hosts = new Set<string>();
  for (const r of resources) {
    const host = hostById.get(r.id);
    if (host === undefined) continue;
    count++;
    hosts.add(host);
  }
  return count === 0 ? NO_LINK_RECORDS : { count, hosts: [...hosts] };
}
