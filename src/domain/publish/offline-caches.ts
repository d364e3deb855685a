// The names of the published site's offline caches: the build writes the service worker that fills them
// (build/pwa-plugin.ts), the page reads them (app/register-service-worker.ts).

/** Cache the service worker keeps the data files in (network first, so an office's update shows when online). */
export const DATA_CACHE = 'crm-data';
/** Cache of basemap tiles already seen, reused offline. */
export const TILE_CACHE = 'crm-tiles';
