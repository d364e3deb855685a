import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { DATA_CACHE, TILE_CACHE } from '../domain/publish/offline-caches.ts';

/**
 * The installable, offline app: the built shell is precached; the data files are served network-first (so an
 * office's update shows as soon as the phone is online) from a copy the page keeps (register-service-worker.ts);
 * basemap tiles already seen are kept and reused offline. The page registers sw.js itself.
 */
export function pwaPlugin(): Plugin[] {
  return VitePWA({
    strategies: 'generateSW',
    injectRegister: null,
    filename: 'sw.js',
    manifestFilename: 'manifest.webmanifest',
    manifest: {
      name: '共生資源地圖 Community Resource Map',
      short_name: '共生資源地圖',
      description: '找附近的社會福利與社區資源 — Find social-welfare and community resources nearby',
      lang: 'zh-TW',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#0b4f6c',
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      globIgnores: ['data/**'],
      navigateFallback: 'index.html',
      // A new version waits. When a new worker activates, Workbox deletes from the precache every file the new
      // version does not list, the old version's chunks among them; with skipWaiting it activated at once, and
      // an open tab asking for a chunk it had not loaded yet (the export dialog after a deploy) got a 404. Without
      // it the new worker waits until no tab runs the old version (the browser's own rule), and meanwhile the
      // old worker serves the old chunks. Open tabs are told (register-service-worker.ts → new-version-banner);
      // the banner's reload asks the waiting worker to take over (its SKIP_WAITING message) and reloads. Another
      // tab still open on the old version then loses the chunks it had not loaded: such a part says 請重新整理以取得
      // 新版本 (components/chunk-error-boundary.tsx), and that tab shows the banner too.
      skipWaiting: false,
      // Only pages no worker controls yet (a first visit, which is of the version being installed) are taken.
      clientsClaim: true,
      // Deletes the precaches of older Workbox releases only, never a file an open tab needs.
      cleanupOutdatedCaches: true,
      runtimeCaching: [
        {
          urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/data\/[^/]+$/.test(url.pathname),
          handler: 'NetworkFirst',
          options: { cacheName: DATA_CACHE, networkTimeoutSeconds: 6 },
        },
        {
          urlPattern: ({ request, sameOrigin }) => !sameOrigin && request.destination === 'image',
          handler: 'CacheFirst',
          options: {
            cacheName: TILE_CACHE,
            expiration: { maxEntries: 2000, maxAgeSeconds: 30 * 24 * 60 * 60 },
            cacheableResponse: { statuses: [0, 200] },
          },
        },
      ],
    },
  });
}
