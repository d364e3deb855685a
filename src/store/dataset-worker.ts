/// <reference lib="webworker" />

import { displayOrder } from '../domain/display-order.ts';
import { listHasInternal } from '../domain/internal-records.ts';
import { loadDataset } from '../domain/load-dataset.ts';
import { positionColumns } from '../domain/position-columns.ts';
import { buildSearchColumns, columnBuffers } from '../domain/search-columns.ts';
import { startYears } from '../domain/start-year.ts';
import type { DatasetMessage } from './dataset-protocol.ts';
import { fetchDataset } from './fetch-dataset.ts';

/** Records per message: each arrives as its own small task on the main thread instead of one long freeze. */
const CHUNK = 2_000;

/** Fetching, decoding, parsing, validating and search-text normalising run here, off the main thread. */
self.onmessage = async (event: MessageEvent<{ baseUrl: string }>) => {
  const post = (message: DatasetMessage) => self.postMessage(message);
  try {
    const fetched = await fetchDataset(event.data.baseUrl);
    const dataset = loadDataset(fetched.manifest, fetched.gazetteerText, fetched.files);
    const positions = positionColumns(dataset.resources);
    self.postMessage({ type: 'positions', positions } satisfies DatasetMessage, [
      positions.lat.buffer,
      positions.lng.buffer,
    ]);
    for (let start = 0; start < dataset.resources.length; start += CHUNK) {
      post({ type: 'chunk', json: JSON.stringify(dataset.resources.slice(start, start + CHUNK)) });
    }
    const { categories, serviceTags } = fetched.manifest;
    const order = displayOrder(dataset.resources);
    const columns = buildSearchColumns(dataset.resources, order, categories, serviceTags);
    const years = startYears(dataset.resources);
    const done: DatasetMessage = {
      type: 'done',
      manifest: fetched.manifest,
      issues: dataset.issues,
      files: dataset.files,
      order,
      columns,
      startYears: years,
      hasInternal: listHasInternal(dataset.resources),
    };
    self.postMessage(done, [...columnBuffers(columns), years.buffer]);
  } catch (error) {
    post({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
};
