import { useEffect } from 'react';
import { createBrowserSaveEnvironment } from '../../services/import/save-environment.ts';
import { useAppStore } from '../../store/app-store.ts';
import { importFromUrl } from '../../store/import/import-actions.ts';
import { connectImportStorage, createIdbImportStorage } from '../../store/import/import-persistence.ts';

/**
 * Brings back the imports kept in this browser (IndexedDB) and keeps them saved; once the configuration has
 * loaded, loads the file a ?data=https://… link points at.
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

  const ready = useAppStore((s) => s.status === 'ready');
  useEffect(() => {
    if (!ready) return;
    const link = new URLSearchParams(window.location.search).get('data');
    if (link) void importFromUrl(link);
  }, [ready]);
}
