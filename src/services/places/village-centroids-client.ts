import type { CoverageTarget } from '../../domain/analysis/coverage.ts';
import type { VillageCentroidsReply } from './village-centroids-worker.ts';

/**
 * Every village's centroid from the file at `url`, fetched and read in a worker that ends with its answer
 * (on the page, loaded on demand, where workers are missing: tests, very old browsers).
 */
export async function fetchVillageCentroids(url: string): Promise<readonly CoverageTarget[]> {
  if (typeof Worker === 'undefined') {
    const { readVillageCentroids } = await import('./read-village-centroids.ts');
    return readVillageCentroids(url);
  }
  const worker = new Worker(new URL('./village-centroids-worker.ts', import.meta.url), { type: 'module' });
  try {
    const reply = await new Promise<VillageCentroidsReply>((resolve) => {
      worker.onmessage = (event: MessageEvent<VillageCentroidsReply>) => resolve(event.data);
      worker.onerror = (event) => resolve({ type: 'failed', error: event.message || 'worker failed' });
      worker.postMessage({ url });
    });
    if (reply.type === 'failed') throw new Error(reply.error);
    return reply.targets;
  } finally {
    worker.terminate();
  }
}
