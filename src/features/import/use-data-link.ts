import { useEffect } from 'react';
import { readDataLink, withoutDataLink } from '../../domain/link/data-link.ts';
import { type AppState, useAppStore } from '../../store/app-store.ts';
import { openDataLink } from '../../store/import/data-link-actions.ts';
import { selectLinkDatasets } from '../../store/import/data-link-derived.ts';

/** Whether anything of a `?data=` link is on the page: asked about, loading, failed or on the map. */
const linkPresent = (s: AppState) => s.dataLink !== null || selectLinkDatasets(s).length > 0;

/**
 * Once the configuration has loaded, hands the address bar's `?data=` to the store (which asks first, unless the
 * manifest trusts the host). When the link is done with — declined, its failure closed, its data removed — `data`
 * leaves the address bar, so that a reload or a shared view shows the official map only.
 */
export function useDataLink(): void {
  const ready = useAppStore((s) => s.status === 'ready');
  useEffect(() => {
    if (ready) openDataLink(readDataLink(window.location.search));
  }, [ready]);

  useEffect(
    () =>
      useAppStore.subscribe((state, previous) => {
        if (!linkPresent(previous) || linkPresent(state)) return;
        const search = withoutDataLink(window.location.search);
        if (search !== window.location.search)
          window.history.replaceState(
            null,
            '',
            `${window.location.pathname}${search}${window.location.hash}`,
          );
      }),
    [],
  );
}
