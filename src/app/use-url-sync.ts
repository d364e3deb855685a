import { useEffect } from 'react';
import { viewStateFromSearch, viewStateToSearch } from '../domain/view-state.ts';
import type { Language } from '../i18n/translate.ts';
import { useAppStore } from '../store/app-store.ts';

const LANGUAGE_KEY = 'crm.language';

/** Reads the view (filters, search, selection, map view, language) from the URL into the store. */
export function applyUrlToStore(search: string) {
  const view = viewStateFromSearch(search);
  const lang = new URLSearchParams(search).get('lang');
  const remembered = safeStorageGet(LANGUAGE_KEY);
  const language: Language = lang === 'en' || (lang === null && remembered === 'en') ? 'en' : 'zh-TW';
  const state = useAppStore.getState();
  state.setFilters(view.filters);
  state.select(view.selectedId, 'url');
  if (view.mapView) state.setMapView(view.mapView);
  state.setLanguage(language);
}

/** Keeps the URL in step with the store, so reloading or sharing the link reproduces the view. */
export function useUrlSync() {
  useEffect(() => {
    const write = () => {
      const s = useAppStore.getState();
      const params = new URLSearchParams(
        viewStateToSearch(
          {
            filters: s.filters,
            selectedId: s.selectedId,
            // Privacy: while the view is centred on the device's own position, the address bar must not hold it.
            mapView: s.reference?.source === 'device' ? null : s.mapView,
          },
          window.location.search,
        ),
      );
      if (s.language === 'en') params.set('lang', 'en');
      else params.delete('lang');
      const search = params.toString() ? `?${params.toString()}` : '';
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
    // the end of the task that changed it, so it is never behind when the next task (a reload) starts.
    let pending = false;
    let disposed = false;
    const schedule = () => {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        if (!disposed) write();
      });
    };
    write();
    const unsubscribe = useAppStore.subscribe(schedule);
    const onPop = () => applyUrlToStore(window.location.search);
    window.addEventListener('popstate', onPop);
    return () => {
      unsubscribe();
      disposed = true;
      window.removeEventListener('popstate', onPop);
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
