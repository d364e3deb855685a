// The app itself, imported by main.tsx once the data has started downloading (see there).
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { applyNearbyUrl } from '../features/nearby/nearby-link-sync.ts';
import { applyPresentationUrl } from '../features/presentation/use-presentation-url.ts';
import { loadDefaultData } from '../store/data/load-default-data.ts';
import { App } from './app.tsx';
import { applyRememberedWorkspace } from './office-workspace.ts';
import { registerServiceWorker } from './register-service-worker.ts';
import { applyUrlToStore } from './use-url-sync.ts';

// A link in another language (or one remembered) shows its first screen in it: the catalogue comes first.
const languageShown = applyUrlToStore(window.location.search);
applyNearbyUrl(window.location.search);
applyRememberedWorkspace();
applyPresentationUrl(window.location.search);
void loadDefaultData();
registerServiceWorker();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// A transition: React renders the first screen in slices, yielding to the browser between them, instead of in
// one long task while the data is downloading.
const render = () =>
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
// A catalogue that cannot be loaded (offline, never cached) leaves the page in zh-TW rather than blank.
void languageShown.then(render, render);
