import { buildGazetteer } from '../../domain/geo/gazetteer.ts';
import { useAppStore } from '../app-store.ts';

/**
 * Fetches the township centroids (the same gazetteer file the data uses) for the place picker, once.
 * The parser is loaded on demand, as it is for the data. Only the file name goes out, never a position.
 */
export async function loadTownships(baseUrl = new URL('data/', document.baseURI).href): Promise<void> {
  const state = useAppStore.getState();
  if (state.townshipsStatus === 'loading' || state.townshipsStatus === 'ready') return;
  state.setTownships('loading');
  try {
    const file = state.manifest?.gazetteer ?? 'tw-township-centroids.csv';
    const response = await fetch(new URL(file, baseUrl));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    const { parseDelimitedText } = await import('../../domain/loading/parse-csv.ts');
    const { townships } = buildGazetteer(parseDelimitedText(text).rows);
    useAppStore.getState().setTownships('ready', townships);
  } catch {
    useAppStore.getState().setTownships('failed');
  }
}
