import { useEffect } from 'react';
import { hasSharedLink } from '../store/shared-map/saved-link.ts';

/**
 * Opens the shared map when the address carries an invitation (`#shared=…&token=…`) or this browser opened one
 * before. Its code (Yjs, Hocuspocus, IndexedDB) loads only then: residents never download it.
 */
export function useSharedMapStart(): void {
  useEffect(() => {
    if (!hasSharedLink(window.location.hash)) return;
    void import('../store/shared-map/shared-map-actions.ts').then((m) => m.startSharedMap());
  }, []);
}
