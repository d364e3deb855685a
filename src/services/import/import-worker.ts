import { parseManifest } from '../../domain/model/manifest.ts';
import { buildIndexParts } from '../../domain/query/index-parts.ts';
/// <reference lib="webworker" />
import {
  DATASETS,
  isStoredDataset,
  openImportDatabase,
  type StoredDataset,
  storedDataset,
  writeDataset,
} from './import-database.ts';
import { type LandedImport, listFacts } from './import-landing.ts';
import { type ImportReply, type ImportRequest, splitDone } from './import-protocol.ts';
import { handleImportRequest, handleKmlRequest } from './import-run.ts';

/** The dataset the last import built, kept until the page asks for it to be written to IndexedDB. */
let built: StoredDataset | null = null;

const post = (reply: ImportReply) => self.postMessage(reply);
const failed = (error: unknown) =>
  post({ type: 'error', error: error instanceof Error ? error.message : String(error) });

/** The records go in parts, so that the page deserialises them in short tasks. */
function postLanded(landed: LandedImport): void {
  for (const reply of splitDone(landed)) post(reply);
}

/** Writes the dataset in the worker: the page keeps its turn among writes but never clones the records. */
async function persist(): Promise<void> {
  try {
    if (!built) throw new Error('no dataset to write');
    const database = await openImportDatabase();
    try {
      await writeDataset(database, built);
    } finally {
      database.close();
    }
    post({ type: 'persisted' });
  } catch (error) {
    failed(error);
  }
}

/** The categories and service tags of the app's manifest, or null when it cannot be read (parts are skipped). */
async function categoriesOf(manifestUrl: string) {
  try {
    const response = await fetch(manifestUrl);
    return response.ok ? parseManifest(await response.json()) : null;
  } catch {
    return null;
  }
}

/** Reads the saved datasets here (IndexedDB deserialises them on this thread), then sends them in parts. */
async function loadSaved(manifestUrl: string | undefined): Promise<void> {
  try {
    const config = manifestUrl ? await categoriesOf(manifestUrl) : null;
    const database = await openImportDatabase();
    try {
      const datasets = ((await database.getAll(DATASETS)) as unknown[]).filter(isStoredDataset);
      for (const { dataset, resources } of datasets) {
        // The index parts too, so that the page merges 100,000 saved records instead of indexing them.
        const parts = config ? buildIndexParts(resources, config.categories, config.serviceTags) : null;
        postLanded({ dataset, resources, parts, facts: listFacts(resources, parts), failure: null });
      }
      post({ type: 'saved' });
    } finally {
      database.close();
    }
  } catch (error) {
    failed(error);
  }
}

/** A person's file is decoded, parsed, mapped and validated here, off the main thread; the page stays responsive. */
self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.type === 'persist') void persist();
  else if (request.type === 'load-saved') void loadSaved(request.manifestUrl);
  else if (request.type === 'kml-geojson')
    void handleKmlRequest(request, (reply, transfer) => self.postMessage(reply, transfer));
  else {
    void handleImportRequest(request, (reply) => {
      if (reply.type !== 'done') return post(reply);
      built = storedDataset(reply.landed.dataset, reply.landed.resources);
      postLanded(reply.landed);
    });
  }
};
