import { stableHash } from '../model/stable-id.ts';

/** A key for a set of headers, so a confirmed mapping is remembered for the next file with the same columns. */
export function headerSetKey(headers: readonly string[]): string {
  return stableHash(headers.map((h) => h.trim()).join('\u0001'));
}
