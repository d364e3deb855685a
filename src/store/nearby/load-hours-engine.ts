import { useAppStore } from '../app-store.ts';
import { loadEngine } from './hours-engine.ts';

// Apart from hours-engine.ts, which the selectors read: the engine's holder then needs no store, and the store's
// modules do not import one another in a circle at run time.

/** Loads the opening-hours engine and tells the store that open states can be shown. */
export async function loadHoursEngine(): Promise<void> {
  await loadEngine();
  if (!useAppStore.getState().hoursReady) useAppStore.getState().setHoursReady();
}
