import { buildGazetteer, type Gazetteer } from '../../domain/geo/gazetteer.ts';
import type { BuildContext } from '../../domain/loading/build-resource.ts';
import type { Manifest } from '../../domain/model/manifest.ts';
import { useAppStore } from '../app-store.ts';

/** The validation context shared records are read with: the app's configuration and township gazetteer. */
export async function buildContextFor(): Promise<(document: string) => BuildContext> {
  const manifest = await manifestLoaded();
  let gazetteer: Gazetteer = buildGazetteer([]);
  try {
    const response = await fetch(new URL(`data/${manifest.gazetteer}`, document.baseURI));
    if (response.ok) {
      const { parseDelimitedText } = await import('../../domain/loading/parse-csv.ts');
      gazetteer = buildGazetteer(parseDelimitedText(await response.text()).rows);
    }
  } catch {
    // Offline without a cached gazetteer: records keep their own coordinates.
  }
  return (file) => ({
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
    gazetteer,
    defaults: { file, category: manifest.categories[0]?.id ?? 'other', source: file, visibility: 'public' },
  });
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
