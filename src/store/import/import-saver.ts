import type { ImportedDataset } from '../../domain/loading/imported-dataset.ts';
import type { Resource } from '../../domain/model/resource.ts';
import {
  EMPTY_LEDGER,
  ledgerWithDataset,
  looksCleared,
  type SaveLedger,
} from '../../domain/model/save-ledger.ts';
import { buildDataset } from '../../domain/query/dataset.ts';
import type { ImportKeeper, StoredContents } from '../../services/import/idb-import-storage.ts';
import type { WorkerCopy } from '../../services/import/import-database.ts';
import type { SaveEnvironment } from '../../services/import/save-environment.ts';
import type { AppState, useAppStore } from '../app-store.ts';
import { type ImportStorageStatus, importLayer } from './import-slice.ts';

/** A dataset's version: the report and the records, each compared by identity. */
interface Version {
  readonly dataset: ImportedDataset;
  readonly resources: readonly Resource[];
}

/** What storage holds, as this tab knows it (what it read or wrote, and what other tabs said they wrote). */
export interface StoredMirror {
  readonly datasets: Map<string, Version>;
}

type Store = typeof useAppStore;

const persisted = (s: AppState) => s.importedDatasets.filter((d) => d.origin === 'file');
const layerOf = (s: AppState, id: string) => s.layers.find((l) => l.id === id)?.dataset.resources;
/** How often, and how long apart, storage that cannot be read is tried again before the page says "not saved". */
const CHECK_RETRIES = 10;
const CHECK_RETRY_MS = 500;
/**
 * How long reading storage back may take before it counts as unreadable (and is tried again): Chromium never
 * answers some requests made while it clears the site's data (`indexedDB.databases()`, seen in Chromium 156).
 */
const CHECK_ANSWER_MS = 3_000;
const inOwnTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** `promise`, or a rejection when it has not settled within `ms`. */
function answerWithin<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`storage did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** The version of a dataset on show, or null when it is not (removed, or from a ?data= link). */
function versionOnShow(s: AppState, id: string): Version | null {
  const dataset = persisted(s).find((d) => d.id === id);
  const resources = dataset && layerOf(s, id);
  return dataset && resources ? { dataset, resources } : null;
}

const sameVersion = (a: Version | null | undefined, b: Version | null | undefined) =>
  a?.dataset === b?.dataset && a?.resources === b?.resources;

/**
 * Writes the imported files the page shows to storage and says truly where that stands. Each dataset is compared
 * with what storage holds (the mirror): what differs is unwritten, and stays so, shown as not saved, until that
 * very thing is written. Writes go one at a time, each in a task of its own; other tabs hear of each write and
 * take it in. Before saying "saved", storage is read back: if what this tab saved is gone (site data cleared), it
 * says so and writes nothing until the person chooses to save again (or exports). The office's corrections are a
 * document of their own (corrections-persistence.ts).
 */
export function createImportSaver(
  storage: ImportKeeper,
  env: SaveEnvironment,
  store: Store,
  mirror: StoredMirror,
  takeWorkerCopy: (dataset: ImportedDataset, resources: readonly Resource[]) => WorkerCopy | undefined,
) {
  const dirtyDatasets = new Set<string>();
  /** The version whose write failed: not tried again until it changes or the person asks. */
  const failedDatasets = new Map<string, Version>();
  const copies = new Map<string, Version & { readonly copy: WorkerCopy }>();
  /** The dataset versions written down as being saved (SavingIntent), and those writes. */
  const intended = new Map<string, Version>();
  const intents = new Map<string, Promise<void>>();
  let paused = false;
  let running = false;
  let checkWanted = false;
  let stopped = false;
  /** Failed reads of storage in a row. */
  let unreadable = 0;

  const updateLedger = (change: (ledger: SaveLedger) => SaveLedger) => {
    const before = env.ledger.read() ?? EMPTY_LEDGER;
    const after = change(before);
    if (after !== before) env.ledger.write(after);
  };

  const status = (): ImportStorageStatus => {
    if (paused) return 'unsaved';
    const failed = [...failedDatasets.keys()].some((id) => dirtyDatasets.has(id));
    if (failed || unreadable > CHECK_RETRIES) return 'failed';
    if (unreadable > 0) return 'saving';
    return running || dirtyDatasets.size > 0 ? 'saving' : 'saved';
  };
  const showStatus = () => {
    const next = status();
    if (!stopped && store.getState().importStorage !== next) store.getState().setImportStorage(next);
  };

  const releaseCopy = (id: string) => {
    copies.get(id)?.copy.release();
    copies.delete(id);
  };

  /** Marks a dataset unwritten or written, from what is on show against what storage holds. */
  const noteDataset = (s: AppState, id: string) => {
    const shown = versionOnShow(s, id);
    const stored = mirror.datasets.get(id);
    if (!shown && intended.has(id)) {
      // Removed before (or while) it was written: not a file that failed to save.
      intended.delete(id);
      intents.delete(id);
      if (!stored) {
        void storage.clearSaving(id).catch(() => undefined);
        updateLedger((l) => ledgerWithDataset(l, id, null));
      }
    }
    if (sameVersion(shown, stored) || (!shown && !stored)) {
      dirtyDatasets.delete(id);
      releaseCopy(id);
      return;
    }
    if (shown) {
      const copy = takeWorkerCopy(shown.dataset, shown.resources);
      if (copy) {
        releaseCopy(id);
        copies.set(id, { ...shown, copy });
      }
      if (!sameVersion(failedDatasets.get(id), shown)) failedDatasets.delete(id);
      // Written down at once, durably in storage (the write waits for it) and in the ledger: should the browser
      // be killed from now on, the next start says this file was not saved. Not in the write's own turn: the
      // page is busy showing the records for a while first, and "saving…" is on screen meanwhile.
      if (!sameVersion(intended.get(id), shown)) {
        intended.set(id, shown);
        intents.set(
          id,
          storage
            .markSaving({
              id,
              fileName: shown.dataset.fileName,
              rows: shown.dataset.rows.length,
              tab: env.tab,
            })
            .catch(() => undefined),
        );
      }
      updateLedger((l) => {
        const entry = l.datasets[id];
        if (entry && entry.state !== 'saved' && entry.tab === env.tab) return l;
        return ledgerWithDataset(l, id, {
          fileName: shown.dataset.fileName,
          rows: shown.dataset.rows.length,
          state: 'saving',
          tab: env.tab,
        });
      });
    } else {
      // Removed on purpose: out of the ledger first, so that another tab does not take its absence for a loss.
      updateLedger((l) => ledgerWithDataset(l, id, null));
    }
    dirtyDatasets.add(id);
  };

  /** What the store changed, compared with what storage holds. */
  const noteChange = (s: AppState, previous: AppState) => {
    let relevant = false;
    if (s.importedDatasets !== previous.importedDatasets || s.layers !== previous.layers) {
      relevant = true;
      const ids = new Set([
        ...persisted(s).map((d) => d.id),
        ...persisted(previous).map((d) => d.id),
        ...mirror.datasets.keys(),
      ]);
      for (const id of ids) noteDataset(s, id);
    }
    if (previous.saveLosses.length > 0 && s.saveLosses.length === 0)
      updateLedger((l) => (l.notice.length === 0 ? l : { ...l, notice: [] }));
    // Site data cleared, found by the corrections' document first: the files went with it (one origin's storage).
    if (s.storageCleared && !previous.storageCleared && !paused) cleared();
    if (s.saveAgainRequests !== previous.saveAgainRequests) {
      relevant = true;
      saveAgain();
    }
    if (relevant) schedule();
  };

  /** Everything on show against what storage holds: for changes made before the saved data had loaded. */
  const noteAll = () => {
    const s = store.getState();
    for (const id of new Set([...persisted(s).map((d) => d.id), ...mirror.datasets.keys()]))
      noteDataset(s, id);
    schedule();
  };

  const writeDataset = async (id: string) => {
    const shown = versionOnShow(store.getState(), id);
    if (!shown) {
      await storage.deleteDataset(id);
      if (!intended.has(id)) void storage.clearSaving(id).catch(() => undefined);
      mirror.datasets.delete(id);
      if (!versionOnShow(store.getState(), id)) dirtyDatasets.delete(id);
      env.post({ type: 'dataset-removed', id });
      return;
    }
    const offered = copies.get(id);
    const copy = offered && sameVersion(offered, shown) ? offered.copy : undefined;
    if (offered) copies.delete(id);
    if (offered && !copy) offered.copy.release();
    try {
      await intents.get(id);
      const stored = { version: 1 as const, id, dataset: shown.dataset, resources: shown.resources };
      // Should the worker fail to write (e.g. no IndexedDB in workers), the page writes after all.
      if (copy) await copy.write().catch(() => storage.putDataset(stored));
      else await storage.putDataset(stored);
    } catch {
      failedDatasets.set(id, shown);
      updateLedger((l) => {
        const entry = l.datasets[id];
        return entry ? ledgerWithDataset(l, id, { ...entry, state: 'failed' }) : l;
      });
      return;
    } finally {
      copy?.release();
    }
    mirror.datasets.set(id, shown);
    failedDatasets.delete(id);
    if (sameVersion(intended.get(id), shown)) {
      intended.delete(id);
      intents.delete(id);
      void storage.clearSaving(id).catch(() => undefined);
    }
    if (sameVersion(versionOnShow(store.getState(), id), shown)) dirtyDatasets.delete(id);
    updateLedger((l) =>
      ledgerWithDataset(l, id, {
        fileName: shown.dataset.fileName,
        rows: shown.dataset.rows.length,
        state: 'saved',
        tab: env.tab,
      }),
    );
    env.post({ type: 'dataset', id });
    void requestPersistence();
  };

  const nextDataset = () =>
    [...dirtyDatasets].find((id) => {
      const failed = failedDatasets.get(id);
      return !failed || !sameVersion(failed, versionOnShow(store.getState(), id));
    });

  /** Writes what is unwritten, one thing at a time; then reads storage back before saying "saved". */
  const run = async () => {
    if (running || paused || stopped) return;
    running = true;
    showStatus();
    let wrote = false;
    try {
      for (;;) {
        await inOwnTask();
        if (paused || stopped) break;
        const id = nextDataset();
        if (id !== undefined) {
          await writeDataset(id);
          wrote = true;
        } else if (wrote || checkWanted) {
          wrote = false;
          checkWanted = false;
          await check();
        } else break;
      }
    } finally {
      running = false;
      showStatus();
    }
  };

  const schedule = () => {
    showStatus();
    if (checkWanted || nextDataset() !== undefined) void run();
  };

  /** Reads storage back: other tabs' writes are taken in; everything of this tab's gone means it was cleared. */
  const check = async () => {
    let contents: StoredContents;
    try {
      contents = await answerWithin(storage.contents(), CHECK_ANSWER_MS);
      unreadable = 0;
    } catch {
      // Storage being deleted refuses to open for a moment ("The connection was closed"), or does not answer: read
      // again soon. Until it can be read, nothing is called saved.
      unreadable++;
      if (unreadable <= CHECK_RETRIES)
        setTimeout(() => {
          checkWanted = true;
          void run();
        }, CHECK_RETRY_MS);
      return;
    }
    const stored = {
      datasets: new Map(contents.datasetIds.map((id) => [id, { fileName: '', rows: 0 }])),
    };
    if (looksCleared([...mirror.datasets.keys()], stored, env.ledger.read())) {
      cleared();
      return;
    }
    for (const id of contents.datasetIds) if (!mirror.datasets.has(id)) await takeDataset(id);
    for (const id of [...mirror.datasets.keys()]) if (!contents.datasetIds.includes(id)) dropDataset(id);
  };

  /** Storage lost what this tab saved: everything on show is unwritten, and waits for the person's choice. */
  const cleared = () => {
    paused = true;
    mirror.datasets.clear();
    intended.clear();
    intents.clear();
    failedDatasets.clear();
    for (const d of persisted(store.getState())) dirtyDatasets.add(d.id);
    store.getState().setStorageCleared(true);
    showStatus();
  };

  const saveAgain = () => {
    paused = false;
    failedDatasets.clear();
    const s = store.getState();
    for (const d of persisted(s)) noteDataset(s, d.id);
    if (s.storageCleared) s.setStorageCleared(false);
  };

  /** Another tab saved a dataset: shown here too (unless this tab has its own unwritten version of it). */
  const takeDataset = async (id: string) => {
    if (dirtyDatasets.has(id)) return;
    const stored = await storage.readDataset(id);
    if (!stored || stopped || dirtyDatasets.has(id)) return;
    const s = store.getState();
    const layer = importLayer(
      stored.dataset,
      buildDataset(stored.resources, s.manifest ?? { categories: [], serviceTags: [] }),
    );
    mirror.datasets.set(id, { dataset: stored.dataset, resources: layer.dataset.resources });
    s.hydrateImports({ datasets: [stored.dataset], layers: [layer] });
  };

  /** Another tab removed a dataset: removed here too. */
  const dropDataset = (id: string) => {
    if (dirtyDatasets.has(id)) return;
    mirror.datasets.delete(id);
    if (versionOnShow(store.getState(), id)) store.getState().removeImportedDataset(id);
  };

  let persistenceAsked = false;
  const requestPersistence = async () => {
    if (persistenceAsked) return;
    persistenceAsked = true;
    const persistent = await env.persist();
    if (!stopped) store.getState().setStoragePersistent(persistent);
  };

  return {
    noteChange,
    noteAll,
    requestPersistence,
    /** Reads storage back soon (the page came back into view; the browser closed the database). */
    checkSoon: () => {
      checkWanted = true;
      void run();
    },
    takeDataset: (id: string) => void takeDataset(id),
    dropDataset,
    stop: () => {
      stopped = true;
      for (const id of [...copies.keys()]) releaseCopy(id);
    },
  };
}
