// The app itself, imported by main.tsx once the data has started downloading (see there).
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { zhHantCollator } from '../domain/collation.ts';
import { applyNearbyUrl } from '../features/nearby/nearby-url.ts';
import { applyPresentationUrl } from '../features/presentation/use-presentation-url.ts';
import { formatNumber } from '../i18n/translate.ts';
import { useAppStore } from '../store/app-store.ts';
import { loadDefaultData } from '../store/load-default-data.ts';
import { App } from './app.tsx';
import { registerServiceWorker } from './register-service-worker.ts';
import { applyUrlToStore } from './use-url-sync.ts';

applyUrlToStore(window.location.search);
applyNearbyUrl(window.location.search);
applyPresentationUrl(window.location.search);
void loadDefaultData();
registerServiceWorker();
// The zh-Hant collator and the first number format load the browser's locale data (~15–50 ms): done while the
// page waits for its data, not in the task that renders it.
if (typeof requestIdleCallback === 'function') {
  requestIdleCallback(() => {
    zhHantCollator();
    formatNumber(useAppStore.getState().language, 0);
  });
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// A transition: React renders the first screen in slices, yielding to the browser between them, instead of in
// one long task while the data is downloading.
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
