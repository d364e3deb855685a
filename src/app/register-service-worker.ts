import { DATA_CACHE } from '../domain/publish/offline-caches.ts';
import { whenIdle } from '../services/when-idle.ts';
import { useAppStore } from '../store/app-store.ts';

/** How often a tab left open (a kiosk, a presentation screen) asks whether a new version was published. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Installs the service worker (built app only), then keeps a copy of the data files for offline visits, and says
 * when a new version is installed and waiting for this tab (new-version-banner.tsx).
 * The first visit fetched the data before the worker was in control, so the files are added to its cache here.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register(new URL('sw.js', document.baseURI), { scope: './' })
    .then(watchForNewVersion, () => {
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

/**
 * A new worker waits while any tab of the old version is open (build/pwa-plugin.ts): this tab is told, once the
 * new one is installed, if it runs under the old one (a first visit has nothing older to replace).
 */
function watchForNewVersion(registration: ServiceWorkerRegistration | undefined): void {
  // No registration: the browser refused the worker (an automated browser that blocks them resolves undefined).
  if (!registration) return;
  const announce = () => {
    if (registration.waiting && navigator.serviceWorker.controller)
      useAppStore.getState().setNewVersionReady();
  };
  announce();
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') announce();
    });
  });
  // Browsers look for a new sw.js when a page is opened; a tab left open asks when shown again, and hourly.
  const check = () => void registration.update().catch(() => undefined);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  setInterval(check, UPDATE_CHECK_MS);
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
