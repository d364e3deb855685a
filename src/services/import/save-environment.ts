import { parseLedger, type SaveLedger } from '../../domain/model/save-ledger.ts';

/** Where the save ledger is kept: apart from the saved data, so that losing one is seen in the other. */
export interface LedgerStore {
  read(): SaveLedger | null;
  write(ledger: SaveLedger): void;
}

/** What a tab tells the other tabs of the same browser once a write is done. */
export type ImportMessage =
  | { readonly type: 'dataset'; readonly id: string }
  | { readonly type: 'dataset-removed'; readonly id: string };

/** The browser around the import storage: the ledger, the other tabs, the storage's persistence, visibility. */
export interface SaveEnvironment {
  /** This page load's id (the ledger names the tab that wrote each entry). */
  readonly tab: string;
  readonly ledger: LedgerStore;
  /** The tabs alive now (their unfinished saves are still in progress, not lost). */
  liveTabs(): Promise<ReadonlySet<string>>;
  post(message: ImportMessage): void;
  listen(listener: (message: ImportMessage) => void): () => void;
  /** Asks the browser not to evict this site's storage; resolves with whether it will not (null: cannot tell). */
  persist(): Promise<boolean | null>;
  /** Calls back when the page comes back into view; returns a remover. */
  onVisible(listener: () => void): () => void;
  /** Lets go of the tab's presence and the channel. */
  close(): void;
}

const LEDGER_KEY = 'crm.imports.ledger';
const CHANNEL = 'crm-imports';
const TAB_LOCK = 'crm-imports-tab:';

function isMessage(value: unknown): value is ImportMessage {
  const v = value as Partial<{ type: string; id: unknown }> | null;
  if (typeof v !== 'object' || v === null) return false;
  return (v.type === 'dataset' || v.type === 'dataset-removed') && typeof v.id === 'string';
}

/** The ledger in localStorage (nothing is kept where storage is disabled). */
export function localStorageLedger(): LedgerStore {
  return {
    read: () => {
      try {
        const text = window.localStorage.getItem(LEDGER_KEY);
        return text === null ? null : parseLedger(JSON.parse(text));
      } catch {
        return null;
      }
    },
    write: (ledger) => {
      try {
        window.localStorage.setItem(LEDGER_KEY, JSON.stringify(ledger));
      } catch {
        // Full or disabled: the ledger is a check on the saved data, not the data; the saves themselves go on.
      }
    },
  };
}

/**
 * The browser's: localStorage for the ledger, a BroadcastChannel to the other tabs, a Web Lock held for the tab's
 * lifetime (released by the browser when the tab closes or crashes) to tell live tabs from gone ones, and
 * navigator.storage.persist().
 */
export function createBrowserSaveEnvironment(): SaveEnvironment {
  const tab =
    typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  let release = () => {};
  void locks
    ?.request(`${TAB_LOCK}${tab}`, () => new Promise<void>((resolve) => (release = resolve)))
    .catch(() => undefined);
  return {
    tab,
    ledger: localStorageLedger(),
    liveTabs: async () => {
      const live = new Set([tab]);
      if (!locks) return live;
      const { held = [] } = await locks.query();
      for (const lock of held)
        if (lock.name?.startsWith(TAB_LOCK)) live.add(lock.name.slice(TAB_LOCK.length));
      return live;
    },
    post: (message) => channel?.postMessage(message),
    listen: (listener) => {
      if (!channel) return () => {};
      const receive = (event: MessageEvent) => {
        if (isMessage(event.data)) listener(event.data);
      };
      channel.addEventListener('message', receive);
      return () => channel.removeEventListener('message', receive);
    },
    persist: async () => {
      const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
      if (!storage?.persist) return null;
      try {
        return (await storage.persisted?.()) || (await storage.persist());
      } catch {
        return null;
      }
    },
    onVisible: (listener) => {
      const visible = () => {
        if (document.visibilityState === 'visible') listener();
      };
      document.addEventListener('visibilitychange', visible);
      window.addEventListener('focus', visible);
      return () => {
        document.removeEventListener('visibilitychange', visible);
        window.removeEventListener('focus', visible);
      };
    },
    close: () => {
      release();
      channel?.close();
    },
  };
}
