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
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: true,
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
