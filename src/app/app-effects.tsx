import { useDataLink } from '../features/import/use-data-link.ts';
import { useImportSession } from '../features/import/use-import-session.ts';
import { useNearbySync } from '../features/nearby/use-nearby-sync.ts';
import { useSharedMapStart } from './use-shared-map-start.ts';
import { useUrlSync } from './use-url-sync.ts';
import { useWorkshopSetup } from './use-workshop-setup.ts';

/**
 * The page's store-driven effects (address bar, workshop, saved imports, data links, near me). A component of its own that
 * renders nothing: what these hooks watch (the data landing, for one) re-renders it, not the whole page.
 */
export function AppEffects() {
  useUrlSync();
  useWorkshopSetup();
  useImportSession();
  useDataLink();
  useNearbySync();
  useSharedMapStart();
  return null;
}
