import { LOCAL_DOCUMENTS } from '../../domain/shared-map/schema.ts';
import type { ImportKeeper } from '../../services/import/idb-import-storage.ts';
import { IMPORT_DATABASE } from '../../services/import/import-database.ts';
import type { SaveEnvironment } from '../../services/import/save-environment.ts';
import { localStorageName, mayHoldDatabases } from '../../services/local-docs/local-storage-names.ts';
import { useAppStore } from '../app-store.ts';

/**
 * Connects the corrections' storage (corrections-persistence.ts, with Yjs) once it is needed: at once when this
 * browser may keep corrections (their document, the imports' database an older version kept them in, or a ledger
 * that counts some), else once the office workspace opens or with the first correction. A resident's visit loads no Yjs and opens no database.
 * Returns a stopper.
 */
export function connectCorrectionsWhenUsed(keeper: ImportKeeper, env: SaveEnvironment): () => void {
  let stop: (() => void) | null = null;
  let started = false;
  let stopped = false;
  const start = () => {
    // Set first: connecting changes the store, whose listener below comes back here.
    if (started || stopped) return;
    started = true;
    void import('./corrections-persistence.ts').then(
      ({ browserCorrectionsStorage, connectCorrectionsStorage }) => {
        if (!stopped) stop = connectCorrectionsStorage(browserCorrectionsStorage(keeper), env);
      },
      (error: unknown) => {
        // The saving code could not be fetched (offline before the service worker held it).
        console.error(error);
        if (!stopped) useAppStore.getState().setCorrectionsStorage('failed');
      },
    );
  };
  // The office workspace is where corrections are made: opened with it, the stored document is in place before
  // the first one (whose undo step would otherwise be merged into the stored document's as one).
  const used = (s: ReturnType<typeof useAppStore.getState>) =>
    s.officeWorkspace || s.correctionSteps.undo > 0 || Object.keys(s.officeEdits).length > 0;
  const unsubscribe = useAppStore.subscribe((s) => {
    if (used(s)) start();
  });
  if (used(useAppStore.getState())) start();
  const ledger = env.ledger.read();
  if (ledger && (ledger.edits.stored > 0 || Object.keys(ledger.unsavedEdits).length > 0)) start();
  void mayHoldDatabases([localStorageName(LOCAL_DOCUMENTS.corrections), IMPORT_DATABASE]).then((held) => {
    if (held) start();
  });
  return () => {
    stopped = true;
    unsubscribe();
    stop?.();
  };
}
