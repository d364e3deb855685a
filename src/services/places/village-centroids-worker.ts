/// <reference lib="webworker" />
import type { CoverageTarget } from '../../domain/analysis/coverage.ts';
import { readVillageCentroids } from './read-village-centroids.ts';

/** The worker's one answer: every village of the file, or why there are none. */
export type VillageCentroidsReply =
  | { readonly type: 'ready'; readonly targets: readonly CoverageTarget[] }
  | { readonly type: 'failed'; readonly error: string };

// Reading the 7,701 rows takes 50–90 ms on a desktop (more on a phone): a long task the page should not pay for
// while the person waits on the coverage view or a briefing. Fetching here too means the text never crosses over.
self.onmessage = async (event: MessageEvent<{ readonly url: string }>) => {
  let reply: VillageCentroidsReply;
  try {
    reply = { type: 'ready', targets: await readVillageCentroids(event.data.url) };
  } catch (error) {
    reply = { type: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
