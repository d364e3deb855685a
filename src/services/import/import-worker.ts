import { parseManifest } from '../../domain/model/manifest.ts';
import { buildIndexParts } from '../../domain/query/index-parts.ts';
/// <reference lib="webworker" />
import { type StoredDataset, storedDataset } from './import-database.ts';
import { type LandedImport, listFacts } from './import-landing.ts';
import { type ImportReply, type ImportRequest, splitDone } from './import-protocol.ts';
import { handleImportRequest, handleKmlRequest } from './import-run.ts';
import { readImportedFile, writeImportedFile } from './imported-file-document.ts';
import { moveOldImports } from './move-old-imports.ts';

/** The dataset the last import built, kept until the page asks for it to be written to IndexedDB. */
let built: StoredDataset | null = null;

const post = (reply: ImportReply) => self.postMessage(reply);
const failed = (error: unknown) =>
  post({ type: 'error', error: error instanceof Error ? error.message : String(error) });

/** The records go in parts, so that the page deserialises them in short tasks. */
function postLanded(landed: LandedImport): void {
  for (const reply of splitDone(landed)) post(reply);
}

/** Writes a dataset into its document here: the page keeps its turn among writes but never holds the bytes. */
async function persist(stored: StoredDataset | null): Promise<void> {
  try {
    if (!stored) throw new Error('no dataset to write');
    await writeImportedFile(stored);
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

/** Reads the kept files here (JSON is parsed on this thread), then sends them in parts. */
async function loadSaved(ids: readonly string[], manifestUrl: string | undefined): Promise<void> {
  try {
    const config = manifestUrl ? await categoriesOf(manifestUrl) : null;
    for (const id of ids) {
      const stored = await readImportedFile(id);
      if (!stored) continue;
      const { dataset, resources } = stored;
      // The index parts too, so that the page merges 100,000 saved records instead of indexing them.
      const parts = config ? buildIndexParts(resources, config.categories, config.serviceTags) : null;
      postLanded({ dataset, resources, parts, facts: listFacts(resources, parts), failure: null });
    }
    post({ type: 'saved' });
  } catch (error) {
    failed(error);
  }
}

/** Answers a request about the kept files with `reply`, or with the error. */
async function answer(reply: () => Promise<ImportReply>): Promise<void> {
  try {
    post(await reply());
  } catch (error) {
    failed(error);
  }
}

/** A person's file is decoded, parsed, mapped and validated here, off the main thread; the page stays responsive. */
self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.type === 'persist') void persist(built);
  else if (request.type === 'put-saved') void persist(request.stored);
  else if (request.type === 'load-saved') void loadSaved(request.ids, request.manifestUrl);
  else if (request.type === 'read-saved')
    void answer(async () => ({ type: 'read', stored: await readImportedFile(request.id) }));
  else if (request.type === 'move-old')
    void answer(async () => ({ type: 'moved', files: await moveOldImports() }));
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
