/// <reference lib="webworker" />
import { loadDataset } from '../domain/load-dataset.ts';
import { displayOrder } from '../domain/resource-index.ts';
import { ownSearchTextBuilder } from '../domain/search-columns.ts';
import type { DatasetMessage } from './dataset-protocol.ts';
import { fetchDataset } from './fetch-dataset.ts';

/** Records per message: each arrives as its own small task on the main thread instead of one long freeze. */
const CHUNK = 5_000;

/** Fetching, decoding, parsing, validating and search-text normalising run here, off the main thread. */
self.onmessage = async (event: MessageEvent<{ baseUrl: string }>) => {
  const post = (message: DatasetMessage) => self.postMessage(message);
  try {
    const fetched = await fetchDataset(event.data.baseUrl);
    const dataset = loadDataset(fetched.manifest, fetched.gazetteerText, fetched.files);
    const textOf = ownSearchTextBuilder(fetched.manifest.serviceTags);
    for (let start = 0; start < dataset.resources.length; start += CHUNK) {
      const resources = dataset.resources.slice(start, start + CHUNK);
      post({ type: 'chunk', resources, searchTexts: resources.map(textOf) });
    }
    post({
      type: 'done',
      manifest: fetched.manifest,
      issues: dataset.issues,
      files: dataset.files,
      order: displayOrder(dataset.resources),
    });
  } catch (error) {
    post({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
};
