import { useEffect } from 'react';
import { createBrowserSaveEnvironment } from '../../services/import/save-environment.ts';
import { useAppStore } from '../../store/app-store.ts';
import { connectImportStorage, createIdbImportStorage } from '../../store/import/import-persistence.ts';

/**
 * Brings back the imports kept in this browser (IndexedDB) and keeps them saved. (A `?data=https://…` link is
 * use-data-link.ts's.)
 */
export function useImportSession(): void {
  useEffect(() => {
    const storage = createIdbImportStorage();
    if (!storage) {
      useAppStore.getState().setImportStorage('unavailable');
      return;
    }
    const env = createBrowserSaveEnvironment();
    const stop = connectImportStorage(storage, env);
    return () => {
      stop();
      env.close();
    };
  }, []);
}
