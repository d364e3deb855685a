import { startDatasetWorker } from '../services/dataset/dataset-worker-start.ts';

// Imported first by main.tsx, so it runs before the rest of the app's modules are evaluated.
startDatasetWorker(new URL('data/', document.baseURI).href);
