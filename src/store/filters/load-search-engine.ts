import { useAppStore } from '../app-store.ts';
import { loadEngine } from './search-engine.ts';

// Apart from search-engine.ts, which the selectors read: as with the hours engine, its holder needs no store.

/** Loads the search engine and tells the store that queries can be read with it (results are then re-read). */
export async function loadSearchEngine(): Promise<void> {
  try {
    await loadEngine();
  } catch {
    // Offline before the chunk was cached: the search keeps reading words as typed.
    return;
  }
  if (!useAppStore.getState().searchReady) useAppStore.getState().setSearchReady();
}
