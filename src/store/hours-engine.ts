import type { Resource } from '../domain/resource.ts';
import { useAppStore } from './app-store.ts';

type OpenStatesFn = (resources: readonly Resource[], instant: number) => Uint8Array;

let openStatesFn: OpenStatesFn | null = null;
let loading: Promise<void> | null = null;

/**
 * Loads the opening-hours engine (opening_hours is a large library, so it is its own download, fetched after
 * the page is up) and tells the store. Until then every record reads as "hours not evaluated".
 */
export function loadHoursEngine(): Promise<void> {
  loading ??= import('../domain/opening-hours.ts').then((module) => {
    openStatesFn = module.openStates;
  });
  return loading.then(() => {
    if (!useAppStore.getState().hoursReady) useAppStore.getState().setHoursReady();
  });
}

/** The evaluator once loaded, else null. */
export function hoursEngine(): OpenStatesFn | null {
  return openStatesFn;
}
