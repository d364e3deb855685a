import {
  nearbyStateFromSearch,
  nearbyStateToSearch,
  type SharedReference,
} from '../../domain/link/nearby-params.ts';
import { useAppStore } from '../../store/app-store.ts';
import type { ReferencePoint } from '../../store/nearby/nearby-slice.ts';

/** Reads near / r / open from a URL into the store (a township waits for the township list to resolve). */
export function applyNearbyUrl(search: string): void {
  const state = nearbyStateFromSearch(search);
  const store = useAppStore.getState();
  store.setRadius(state.radiusKm);
  store.setOpenNowOnly(state.openNowOnly);
  const ref = state.reference;
  const current = store.reference;
  // The device's position is not in links; a link without `near` leaves it alone.
  if (!ref) {
    if (current && current.source !== 'device') store.setReference(null);
    return;
  }
  if (ref.kind === 'point') store.setReference({ source: 'map', point: ref.point });
  else store.setPendingTown({ county: ref.county, town: ref.town });
}

/** What of a reference point may go into a link: never the device's position. */
function shareable(reference: ReferencePoint | null): SharedReference | null {
  if (!reference || reference.source === 'device') return null;
  return reference.source === 'town'
    ? { kind: 'town', county: reference.county, town: reference.town }
    : { kind: 'point', point: reference.point };
}

/** Writes near / r / open into the address bar, keeping every other parameter. */
export function writeNearbyUrl(): void {
  const s = useAppStore.getState();
  const reference = shareable(s.reference);
  const pending = s.pendingTown ? ({ kind: 'town', ...s.pendingTown } as const) : null;
  const search = nearbyStateToSearch(
    { reference: reference ?? pending, radiusKm: s.radiusKm, openNowOnly: s.openNowOnly },
    window.location.search,
  );
  if (search !== window.location.search) {
    window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
  }
}
