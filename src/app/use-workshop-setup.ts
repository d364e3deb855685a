import { useEffect } from 'react';
import { usePresentationUrl } from '../features/presentation/use-presentation-url.ts';
import { useWorkshopKeys } from '../features/workshop/use-workshop-keys.ts';
import { useAppStore } from '../store/app-store.ts';
import { loadTownships } from '../store/data/load-townships.ts';
import type { WorkshopStorage } from '../store/workshop/workshop-persistence.ts';

/**
 * Starts the facilitator features: presentation settings back into the URL (main.tsx reads them at start), undo keys, the township
 * centroids when needed, and the workshop's local document in IndexedDB once used or already kept (none where IndexedDB is missing, e.g. jsdom; tests can inject storage).
 */
export function useWorkshopSetup(storage: WorkshopStorage | null = null) {
  usePresentationUrl();
  useWorkshopKeys();
  // Township centroids are only fetched once a facilitator feature needs them (residents never pay for them).
  const needsTownships = useAppStore(
    (s) => s.manifest !== null && (s.workshopEditing || s.analysisOpen || s.presenting),
  );
  useEffect(() => {
    if (needsTownships) void loadTownships();
  }, [needsTownships]);
  // A click before the centroids arrived still gets its township as the address, once they do.
  useEffect(
    () =>
      useAppStore.subscribe((s, previous) => {
        if (s.townships !== previous.townships) s.fillDraftPlace();
      }),
    [],
  );
  // The workshop's saving code (IndexedDB) is a chunk of its own, fetched as the page starts, not part of its
  // first JavaScript.
  useEffect(() => {
    let stop: (() => void) | null = null;
    let unmounted = false;
    void import('../store/workshop/workshop-persistence.ts').then(
      ({ browserWorkshopStorage, connectWorkshopStorageWhenUsed }) => {
        const chosen = storage ?? browserWorkshopStorage();
        if (chosen && !unmounted) stop = connectWorkshopStorageWhenUsed(chosen);
      },
      (error: unknown) => console.error(error),
    );
    return () => {
      unmounted = true;
      stop?.();
    };
  }, [storage]);
}
