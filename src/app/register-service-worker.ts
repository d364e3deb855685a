import { DATA_CACHE } from '../domain/publish/offline-caches.ts';
import { whenIdle } from '../services/when-idle.ts';
import { useAppStore } from '../store/app-store.ts';

/**
 * Installs the service worker (built app only), then keeps a copy of the data files for offline visits.
 * The first visit fetched the data before the worker was in control, so the files are added to its cache here.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(new URL('sw.js', document.baseURI), { scope: './' }).catch(() => {
    // No offline copy then; the app itself works the same.
  });
  const stop = useAppStore.subscribe((s) => {
    if (s.status !== 'ready' || !s.manifest) return;
    stop();
    const base = new URL('data/', document.baseURI);
    const files = ['manifest.json', s.manifest.gazetteer, ...s.manifest.files.map((f) => f.path)];
    whenIdle(() => void keepOfflineCopy(files.map((f) => new URL(f, base).href)));
  });
}

async function keepOfflineCopy(urls: readonly string[]): Promise<void> {
  try {
    await navigator.serviceWorker.ready;
    const cache = await caches.open(DATA_CACHE);
    await Promise.all(
      urls.map(async (url) => {
        if (!(await cache.match(url))) await cache.add(url);
      }),
    );
    document.documentElement.dataset.offlineReady = 'true';
  } catch {
    // Storage full or unavailable: the app still works online.
  }
}
