/// <reference lib="webworker" />
import { loadDataset } from '../domain/load-dataset.ts';
import { fetchDataset } from './fetch-dataset.ts';

/** Fetching, decoding, parsing and validating run here, off the main thread. */
self.onmessage = async (event: MessageEvent<{ baseUrl: string }>) => {
  try {
    const fetched = await fetchDataset(event.data.baseUrl);
    const dataset = loadDataset(fetched.manifest, fetched.gazetteerText, fetched.files);
    self.postMessage({ ok: true, manifest: fetched.manifest, dataset });
  } catch (error) {
    self.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
