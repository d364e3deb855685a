import type { Resource } from '../model/resource.ts';

/** A record's identity across two versions of a file: its name and address as written (ids may differ). */
function identity(resource: Pick<Resource, 'name' | 'address'>): string {
  return `${resource.name.trim()}\u0001${resource.address.trim()}`;
}

/**
 * The placements the office made by hand in a file's records, carried to the same records of the file that
 * replaces it (issue 17: re-importing with the county chosen silently dropped them). A placement goes only to a
 * record the new file still cannot place exactly, found by name and address; the new file's own coordinates win.
 * Returns the edits to keep, by the new records' ids.
 */
export function carryPlacements(
  oldRecords: readonly Resource[],
  edits: Readonly<Record<string, Resource>>,
  newRecords: readonly Resource[],
): Record<string, Resource> {
  const placed = new Map<string, Resource>();
  for (const old of oldRecords) {
    const edit = edits[old.id];
    if (edit?.position && edit.precision === 'exact' && old.precision !== 'exact')
      placed.set(identity(old), edit);
  }
  const carried: Record<string, Resource> = {};
  if (placed.size === 0) return carried;
  for (const record of newRecords) {
    const edit = placed.get(identity(record));
    if (!edit || record.precision === 'exact' || !edit.position) continue;
    carried[record.id] = { ...record, position: edit.position, precision: 'exact' };
  }
  return carried;
}
