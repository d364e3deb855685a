import * as Y from 'yjs';

/**
 * A test of whether a document already holds an update: every item the update inserts is within the document's
 * state vector, and every range it deletes is deleted in the document. Taken once from the document (its state
 * vector and delete set), then asked about each log entry: Y.snapshotContainsUpdate answers the same question but
 * merges the whole delete set anew for every entry (9 s for 2,000 entries against a 100,000-record document,
 * measured; this takes milliseconds).
 */
export function docHoldsUpdate(doc: Y.Doc): (update: Uint8Array) => boolean {
  const vector = Y.decodeStateVector(Y.encodeStateVector(doc));
  const deleted = Y.createDeleteSetFromStructStore(doc.store);
  return (update) => {
    const { structs, ds } = Y.decodeUpdate(update);
    for (const struct of structs) {
      if (struct instanceof Y.Skip) continue;
      if ((vector.get(struct.id.client) ?? 0) < struct.id.clock + struct.length) return false;
    }
    for (const [client, ranges] of ds.clients) {
      const mine = deleted.clients.get(client) ?? [];
      for (const range of ranges) if (!covers(mine, range.clock, range.len)) return false;
    }
    return true;
  };
}

/** Whether sorted, merged delete ranges (a delete set from the struct store) cover [clock, clock + len). */
function covers(ranges: readonly { clock: number; len: number }[], clock: number, len: number): boolean {
  // The last range starting at or before `clock` is the only one that can hold it: ranges do not overlap and
  // adjacent deleted items are merged into one.
  let low = 0;
  let high = ranges.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((ranges[middle] as { clock: number }).clock <= clock) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  const range = ranges[found];
  return range !== undefined && range.clock + range.len >= clock + len;
}
