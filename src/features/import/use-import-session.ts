import { useEffect } from 'react';
import { useAppStore } from '../../store/app-store.ts';

/**
 * Brings back the imports and corrections kept in this browser (IndexedDB) and keeps them saved. (A `?data=https://…` link is
 * use-data-link.ts's.)
 */
export function useImportSession(): void {
  useEffect(() => {
    // The saving code (IndexedDB, the ledger, the channel between tabs) is a chunk of its own, fetched as the page
    // starts but not part of its first JavaScript: a resident's visit reads storage and finds nothing to restore.
    let stop: (() => void) | null = null;
    let unmounted = false;
    void Promise.all([
      import('../../store/import/import-persistence.ts'),
      import('../../store/import/corrections-when-used.ts'),
      import('../../services/import/save-environment.ts'),
    ]).then(
      ([
        { connectImportStorage, createIdbImportStorage },
        { connectCorrectionsWhenUsed },
        { createBrowserSaveEnvironment },
      ]) => {
        if (unmounted) return;
        const storage = createIdbImportStorage();
        if (!storage) {
          useAppStore.getState().setImportStorage('unavailable');
          useAppStore.getState().setCorrectionsStorage('unavailable');
          return;
        }
        const env = createBrowserSaveEnvironment();
        const disconnect = connectImportStorage(storage, env);
        const disconnectCorrections = connectCorrectionsWhenUsed(storage, env);
        stop = () => {
          disconnectCorrections();
          disconnect();
          env.close();
        };
      },
      (error: unknown) => {
        // The saving code could not be fetched (offline before the service worker held it): as without IndexedDB.
        console.error(error);
        if (!unmounted) {
          useAppStore.getState().setImportStorage('unavailable');
          useAppStore.getState().setCorrectionsStorage('unavailable');
        }
      },
    );
    return () => {
      unmounted = true;
      stop?.();
    };
  }, []);
}
