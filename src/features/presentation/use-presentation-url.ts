import { useEffect } from 'react';
import { presentationFromSearch, presentationToSearch } from '../../domain/link/view-state.ts';
import { useAppStore } from '../../store/app-store.ts';

/** Reads present=1 and year= from the URL into the store. */
export function applyPresentationUrl(search: string) {
  const { present, year } = presentationFromSearch(search);
  const s = useAppStore.getState();
  s.setPresenting(present);
  s.setAsOfYear(year);
}

/** Keeps present= and year= in the URL (next to the view parameters, which useUrlSync writes). */
export function usePresentationUrl() {
  useEffect(() => {
    const write = () => {
      const { presenting, asOfYear } = useAppStore.getState();
      const search = presentationToSearch({ present: presenting, year: asOfYear }, window.location.search);
      if (search !== window.location.search) {
        window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
      }
    };
    write();
    const unsubscribe = useAppStore.subscribe((s, previous) => {
      if (s.presenting !== previous.presenting || s.asOfYear !== previous.asOfYear) write();
    });
    const onPop = () => applyPresentationUrl(window.location.search);
    window.addEventListener('popstate', onPop);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', onPop);
    };
  }, []);
}
