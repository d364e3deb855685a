import { viewStateToSearch } from '../../domain/link/view-state.ts';
import type { AppState } from '../app-store.ts';

/**
 * The address bar's query for the store's view (other parameters of the current address are kept): what the
 * URL sync writes, and what "share this view" shares — from the store, so it is never behind a pending write.
 */
export function searchOfView(s: AppState): string {
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
  if (s.language !== 'zh-TW') params.set('lang', s.language);
  else params.delete('lang');
  return params.toString() ? `?${params.toString()}` : '';
}
