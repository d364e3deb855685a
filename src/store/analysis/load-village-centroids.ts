import { fetchVillageCentroids } from '../../services/places/village-centroids-client.ts';
import { useAppStore } from '../app-store.ts';

/**
 * Fetches the village centroids (the manifest's `villages` file, ≈ 0.4 MB) once, when the coverage view, a
 * briefing or a question first needs them; read in a worker. Only the file name goes out. A failure can be
 * retried (the status says 'failed').
 */
export async function loadVillageCentroids(baseUrl = new URL('data/', document.baseURI).href): Promise<void> {
  const state = useAppStore.getState();
  if (state.villageCentroidsStatus === 'loading' || state.villageCentroidsStatus === 'ready') return;
  state.setVillageCentroids('loading');
  try {
    const file = state.manifest?.villages ?? 'tw-village-centroids.csv';
    const targets = await fetchVillageCentroids(new URL(file, baseUrl).href);
    useAppStore.getState().setVillageCentroids('ready', targets);
  } catch {
    useAppStore.getState().setVillageCentroids('failed');
  }
}
