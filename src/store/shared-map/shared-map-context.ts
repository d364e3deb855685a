import type { Manifest } from '../../domain/model/manifest.ts';
import type { SharedContextSource } from '../../services/shared-map/shared-map-protocol.ts';
import { useAppStore } from '../app-store.ts';

/**
 * What shared records are validated with, for the shared map's worker to build its context from: the app's
 * categories and service tags (once the manifest is known), and where the township gazetteer is.
 */
export async function contextSourceFor(): Promise<SharedContextSource> {
  const manifest = await manifestLoaded();
  return {
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
    gazetteerUrl: new URL(`data/${manifest.gazetteer}`, document.baseURI).href,
  };
}

function manifestLoaded(): Promise<Manifest> {
  const now = useAppStore.getState().manifest;
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const unsubscribe = useAppStore.subscribe((s) => {
      if (s.manifest) {
        unsubscribe();
        resolve(s.manifest);
      }
    });
  });
}
