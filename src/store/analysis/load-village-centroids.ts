import { useAppStore } from '../app-store.ts';

/**
 * Fetches the village centroids (the manifest's `villages` file, ≈ 0.4 MB) once, when a briefing or a question
 * first needs them; the parser is loaded on demand. Only the file name goes out.
 */
export async function loadVillageCentroids(baseUrl = new URL('data/', document.baseURI).href): Promise<void> {
  const state = useAppStore.getState();
  if (state.villageCentroidsStatus === 'loading' || state.villageCentroidsStatus === 'ready') return;
  state.setVillageCentroids('loading');
  try {
    const file = state.manifest?.villages ?? 'tw-village-centroids.csv';
    const response = await fetch(new URL(file, baseUrl));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    const { parseVillageTargets } = await import('../../domain/analysis/village-targets.ts');
    const { targets } = parseVillageTargets(text, null);
    useAppStore.getState().setVillageCentroids('ready', targets);
  } catch {
    useAppStore.getState().setVillageCentroids('failed');
  }
}
