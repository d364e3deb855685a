/** Cache the service worker keeps the data files in (network first, so an office's update shows when online). */
export const DATA_CACHE = 'crm-data';
/** Cache of basemap tiles already seen, reused offline. */
export const TILE_CACHE = 'crm-tiles';
