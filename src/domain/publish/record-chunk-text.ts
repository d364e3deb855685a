import { inflateSync } from 'fflate';

// Loaded by the page on its own, once a pack's records are on their way: building fflate's tables takes 10–40 ms,
// a task of its own rather than part of the app's first one.

/** A record chunk as the page receives it from a pack (compressed), as JSON text for parseRecordChunk. */
export function recordChunkText(stored: Uint8Array): string {
  return new TextDecoder().decode(inflateSync(stored));
}
