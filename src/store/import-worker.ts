/// <reference lib="webworker" />
import { DATASETS, openImportDatabase, type StoredDataset, storedDataset } from './import-database.ts';
import type { LandedImport } from './import-landing.ts';
import { type ImportReply, type ImportRequest, splitDone } from './import-protocol.ts';
import { handleImportRequest } from './import-run.ts';

/** The dataset the last import built, kept until the page asks for it to be written to IndexedDB. */
let built: StoredDataset | null = null;

const post = (reply: ImportReply) => self.postMessage(reply);

/** The records go in parts, so that the page deserialises them in short tasks. */
function postLanded(landed: LandedImport): void {
  built = storedDataset(landed.dataset, landed.resources);
  for (const reply of splitDone(landed)) post(reply);
}

/** Writes the dataset in the worker: the page keeps its turn among writes but never clones the records. */
async function persist(): Promise<void> {
  try {
    if (!built) throw new Error('no dataset to write');
    const database = await openImportDatabase();
    try {
      await database.put(DATASETS, built);
    } finally {
      database.close();
    }
    post({ type: 'persisted' });
  } catch (error) {
    post({ type: 'error', error: error instanceof Error ? error.message : String(error) });
  }
}

/** A person's file is decoded, parsed, mapped and validated here, off the main thread; the page stays responsive. */
self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.type === 'persist') {
    void persist();
    return;
  }
  void handleImportRequest(request, (reply) =>
    reply.type === 'done' ? postLanded(reply.landed) : post(reply),
  );
};
