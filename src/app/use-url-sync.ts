import { useEffect } from 'react';
import { viewStateFromSearch } from '../domain/link/view-state.ts';
import { type Language, languageOf } from '../domain/model/language.ts';
import { type AppState, useAppStore } from '../store/app-store.ts';
import { searchOfView } from '../store/filters/search-of-view.ts';
import { chooseLanguage } from './choose-language.ts';

const LANGUAGE_KEY = 'crm.language';

/**
 * Reads the view (filters, search, selection, map view, language) from the URL into the store. The language is
 * the link's (`lang=vi`), else the one remembered on this device, else zh-TW; the promise settles once its
 * catalogue is loaded and shown (at once for zh-TW).
 */
export function applyUrlToStore(search: string): Promise<void> {
  const view = viewStateFromSearch(search);
  const lang = new URLSearchParams(search).get('lang');
  const language: Language =
    languageOf(lang) ?? (lang === null ? languageOf(safeStorageGet(LANGUAGE_KEY)) : null) ?? 'zh-TW';
  const state = useAppStore.getState();
  state.setFilters(view.filters);
  state.select(view.selectedId, 'url');
  if (view.mapView) state.setMapView(view.mapView);
  if (language === 'zh-TW') {
    state.setLanguage('zh-TW', null);
    return Promise.resolve();
  }
  return chooseLanguage(language);
}

/** How long typing, or moving the map, must pause before the address bar follows. */
const RUN_PAUSE_MS = 250;

/** The parts of the state the address bar holds (see searchOfView), each compared by identity. */
const URL_PARTS = {
  query: (s: AppState) => s.filters.query,
  hiddenCategories: (s: AppState) => s.filters.hiddenCategories,
  services: (s: AppState) => s.filters.services,
  county: (s: AppState) => s.filters.county,
  town: (s: AppState) => s.filters.town,
  selectedId: (s: AppState) => s.selectedId,
  mapView: (s: AppState) => s.mapView,
  reference: (s: AppState) => s.reference,
  language: (s: AppState) => s.language,
};

/** Parts that change in runs (typing, dragging, zooming): the address bar follows once the run pauses. */
const RUN_PARTS: ReadonlySet<string> = new Set(['query', 'mapView']);

function changedUrlParts(state: AppState, previous: AppState): string[] {
  return Object.entries(URL_PARTS).flatMap(([name, read]) => (read(state) === read(previous) ? [] : [name]));
}

/** Keeps the URL in step with the store, so reloading or sharing the link reproduces the view. */
export function useUrlSync() {
  useEffect(() => {
    const write = () => {
      const s = useAppStore.getState();
      const search = searchOfView(s);
      if (search !== window.location.search) {
        window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
      }
      if (s.language !== language) {
        language = s.language;
        document.documentElement.lang = s.language;
        safeStorageSet(LANGUAGE_KEY, s.language);
      }
    };
    let language: Language | null = null;
    // Store changes come in bursts (one keystroke sets several slices): the URL is written once per burst, at
    // the end of the task that changed it, so it is never behind when the next task (a reload) starts. Typing
    // and moving the map are the exceptions: the address bar follows once they pause, so that a keystroke waits
    // for the results only, and the map's first view (set as the data lands) is written in a task of its own
    // (the page writes the URL before it is left, too).
    let pending = false;
    let disposed = false;
    let run: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(run);
      run = undefined;
      pending = false;
      if (!disposed) write();
    };
    const schedule = (state: AppState, previous: AppState) => {
      const changed = changedUrlParts(state, previous);
      // Nothing the address bar holds (the data landing, a panel opening): nothing to write.
      if (changed.length === 0) return;
      if (changed.every((part) => RUN_PARTS.has(part))) {
        clearTimeout(run);
        run = setTimeout(flush, RUN_PAUSE_MS);
        return;
      }
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        if (pending) flush();
      });
    };
    write();
    const unsubscribe = useAppStore.subscribe(schedule);
    const onPop = () => void applyUrlToStore(window.location.search);
    window.addEventListener('popstate', onPop);
    window.addEventListener('pagehide', flush);
    return () => {
      unsubscribe();
      disposed = true;
      clearTimeout(run);
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('pagehide', flush);
    };
  }, []);
}

function safeStorageGet(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}
function safeStorageSet(key: string, value: string) {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private mode or storage disabled: the URL still carries the language.
  }
}
