import type { Resource } from '../../domain/model/resource.ts';
import type { SaveLedger } from '../../domain/model/save-ledger.ts';
import { LOCAL_DOCUMENTS } from '../../domain/shared-map/schema.ts';
import type { ImportKeeper } from '../../services/import/idb-import-storage.ts';
import type { SavingIntent, StoredDataset } from '../../services/import/import-database.ts';
import type { ImportMessage, LedgerStore, SaveEnvironment } from '../../services/import/save-environment.ts';
import {
  type MemoryShelf,
  memoryShelf,
  shelvedDocument,
} from '../../services/local-docs/memory-local-document.ts';
import type { CorrectionsStorage } from './corrections-persistence.ts';

/** Import storage in memory, for tests: the same contract as IndexedDB's, structured clones included. */
export interface MemoryImportStorage extends ImportKeeper {
  readonly datasets: Map<string, StoredDataset>;
  /** Corrections kept before documents (by record id), as an older version of the app left them. */
  readonly oldCorrections: Map<string, Resource>;
  readonly saving: Map<string, SavingIntent>;
  /** Deletes everything, as clearing the site's data does, and tells the open pages (their connection closes). */
  clearSiteData(): void;
}

export function createMemoryImportStorage(): MemoryImportStorage {
  const datasets = new Map<string, StoredDataset>();
  const oldCorrections = new Map<string, Resource>();
  const saving = new Map<string, SavingIntent>();
  const listeners = new Set<() => void>();
  return {
    datasets,
    oldCorrections,
    saving,
    load: async () => ({
      datasets: [...datasets.values()].map((d) => structuredClone(d)),
      saving: [...saving.values()].map((i) => structuredClone(i)),
    }),
    putDataset: async (stored) => {
      datasets.set(stored.id, structuredClone(stored));
    },
    deleteDataset: async (id) => {
      datasets.delete(id);
    },
    readDataset: async (id) => {
      const stored = datasets.get(id);
      return stored && structuredClone(stored);
    },
    readOldCorrections: async () => structuredClone(Object.fromEntries(oldCorrections)),
    deleteOldCorrections: async () => {
      oldCorrections.clear();
    },
    contents: async () => ({
      datasetIds: [...datasets.keys()],
    }),
    markSaving: async (intent) => {
      saving.set(intent.id, structuredClone(intent));
    },
    clearSaving: async (id) => {
      saving.delete(id);
    },
    onTerminated: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clearSiteData: () => {
      datasets.clear();
      oldCorrections.clear();
      saving.clear();
      for (const listener of listeners) listener();
    },
  };
}

/** A ledger in memory (localStorage's stand-in): `value` is what it holds, null when cleared. */
export function createMemoryLedger(): LedgerStore & { value: SaveLedger | null } {
  const ledger = {
    value: null as SaveLedger | null,
    read: () => ledger.value && structuredClone(ledger.value),
    write: (value: SaveLedger) => {
      ledger.value = structuredClone(value);
    },
  };
  return ledger;
}

/** Tabs of one browser, in memory: their ledger, which of them live, the channel between them, the corrections. */
export interface MemoryBrowser {
  readonly ledger: ReturnType<typeof createMemoryLedger>;
  /** Where the corrections document is kept (its IndexedDB database, in memory). */
  readonly corrections: MemoryShelf;
  readonly live: Set<string>;
  readonly listeners: Set<(from: string, message: ImportMessage) => void>;
  persistent: boolean | null;
}

export function createMemoryBrowser(): MemoryBrowser {
  return {
    ledger: createMemoryLedger(),
    corrections: memoryShelf(),
    live: new Set(),
    listeners: new Set(),
    persistent: true,
  };
}

/**
 * One tab of a memory browser: messages reach the browser's other tabs (asynchronously, as a
 * BroadcastChannel's do); `onVisible` is called by the test through `show()`; `close()` is the tab going away.
 */
export function createMemorySaveEnvironment(
  browser: MemoryBrowser = createMemoryBrowser(),
): SaveEnvironment & { show(): void } {
  const tab = `tab-${crypto.randomUUID()}`;
  browser.live.add(tab);
  const visible = new Set<() => void>();
  const own = new Set<(from: string, message: ImportMessage) => void>();
  return {
    tab,
    ledger: browser.ledger,
    liveTabs: async () => new Set(browser.live),
    post: (message) => {
      const copy = structuredClone(message);
      setTimeout(() => {
        for (const listener of browser.listeners) listener(tab, copy);
      }, 0);
    },
    listen: (listener) => {
      const receive = (from: string, message: ImportMessage) => {
        if (from !== tab) listener(message);
      };
      browser.listeners.add(receive);
      own.add(receive);
      return () => {
        browser.listeners.delete(receive);
        own.delete(receive);
      };
    },
    persist: async () => browser.persistent,
    onVisible: (listener) => {
      visible.add(listener);
      return () => visible.delete(listener);
    },
    show: () => {
      for (const listener of visible) listener();
    },
    close: () => {
      browser.live.delete(tab);
      for (const receive of own) browser.listeners.delete(receive);
    },
  };
}

/** The corrections' storage of a memory browser: its document store, and the old corrections of `keeper`. */
export function memoryCorrectionsStorage(keeper: ImportKeeper, browser: MemoryBrowser): CorrectionsStorage {
  return {
    openDocument: () => shelvedDocument(LOCAL_DOCUMENTS.corrections, browser.corrections),
    readOldCorrections: () => keeper.readOldCorrections(),
    deleteOldCorrections: () => keeper.deleteOldCorrections(),
  };
}
