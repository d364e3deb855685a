/**
 * What the updates read back from storage hold, by client: each update holds a range of a client's clocks
 * (`Y.parseUpdateMeta`), and the clocks from 0 to `upTo(client)` are all in some update read back. Reading the
 * ranges costs one pass over each new update; merging every stored update to compare state vectors took about
 * a second per check at 1,000 records.
 */
export class StoredClocks {
  private readonly contiguous = new Map<number, number>();
  private readonly ahead = new Map<number, [number, number][]>();

  add(meta: { from: Map<number, number>; to: Map<number, number> }): void {
    for (const [client, to] of meta.to) {
      const from = meta.from.get(client) ?? 0;
      const ranges = [...(this.ahead.get(client) ?? []), [from, to] as [number, number]];
      ranges.sort((a, b) => a[0] - b[0]);
      let upTo = this.contiguous.get(client) ?? 0;
      const rest: [number, number][] = [];
      for (const range of ranges) {
        if (range[0] <= upTo) upTo = Math.max(upTo, range[1]);
        else rest.push(range);
      }
      this.contiguous.set(client, upTo);
      this.ahead.set(client, rest);
    }
  }

  upTo(client: number): number {
    return this.contiguous.get(client) ?? 0;
  }
}
