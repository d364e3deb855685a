/** How long the old worker may take to hand over before the page reloads anyway. */
const HANDOVER_MS = 5000;

/**
 * Reloads the page onto the newest version. A new service worker that waits for the old version's tabs to close
 * (build/pwa-plugin.ts) is asked to take over first: a plain reload would be served the old version again.
 */
export async function reloadToNewVersion(): Promise<void> {
  const waiting = await waitingServiceWorker();
  if (!waiting) {
    window.location.reload();
    return;
  }
  waiting.addEventListener('statechange', () => {
    if (waiting.state === 'activated' || waiting.state === 'redundant') window.location.reload();
  });
  // The generated worker listens for this message (workbox-build's template, when skipWaiting is off).
  waiting.postMessage({ type: 'SKIP_WAITING' });
  // The old worker hands over once it has answered what it is answering; a press never goes unanswered.
  setTimeout(() => window.location.reload(), HANDOVER_MS);
}

async function waitingServiceWorker(): Promise<ServiceWorker | null> {
  if (!('serviceWorker' in navigator)) return null;
  try {
    return (await navigator.serviceWorker.getRegistration())?.waiting ?? null;
  } catch {
    return null;
  }
}
