import { BrowserLocalDocument, type StorageProblem } from '../local-docs/local-document.ts';
import { isStoredDataset, type StoredDataset } from './import-database.ts';
import { importedFileDocument, noteSaved, readFileNotes } from './imported-files.ts';

/**
 * An imported file's local document (see imported-files.ts) holds one value: the file's stored form (its report
 * and records) as UTF-8 JSON under `file.stored`. Records are not one Yjs map each, as in the shared map: an
 * imported file is an immutable source (its corrections are the corrections' document's), and 100,000 records as
 * maps take seconds to write and load and gigabytes of heap, against about a second as one value (figures in
 * src/README.md). Written and read in the import worker: the page never holds the bytes.
 */
const FILE = 'file';
const STORED = 'stored';

/** The stored form of a file as bytes. */
export function encodeStoredDataset(stored: StoredDataset): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(stored));
}

/** The stored form of a file read back; null when the bytes are not one this version understands. */
export function decodeStoredDataset(bytes: Uint8Array): StoredDataset | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return isStoredDataset(value) ? value : null;
  } catch {
    return null;
  }
}

function openFile(id: string): BrowserLocalDocument {
  // Only the thread that opens it reads or writes it, and only for a moment: nothing to relay.
  return new BrowserLocalDocument(importedFileDocument(id), { persist: true, relay: false });
}

/**
 * Writes a file into its document, reads it back from IndexedDB (storing the whole document again once if the
 * write is missing) and notes it saved. A new version of a file replaces the stored updates, so that the earlier
 * version's bytes leave the disk. Rejects, saying why, when it is not stored.
 */
export async function writeImportedFile(stored: StoredDataset): Promise<void> {
  const local = openFile(stored.id);
  const problems: StorageProblem[] = [];
  const stopHearing = local.onStorageProblem((problem) => problems.push(problem));
  try {
    await local.whenLoaded;
    const file = local.doc.getMap<Uint8Array>(FILE);
    const replacing = file.has(STORED);
    const bytes = encodeStoredDataset(stored);
    local.transact(() => file.set(STORED, bytes));
    if (replacing) await local.storeAgain();
    let kept = await local.confirmStored();
    if (!kept) {
      await local.storeAgain();
      kept = await local.confirmStored();
    }
    if (!kept)
      throw new Error(
        `${stored.dataset.fileName} was not stored (${problems.join(', ') || 'not read back'})`,
      );
    await noteSaved(stored.id, {
      version: 1,
      fileName: stored.dataset.fileName,
      rows: stored.dataset.rows.length,
    });
  } finally {
    stopHearing();
    local.destroy();
  }
}

/** Reads a kept file from its document; null when it holds none this version understands. */
export async function readImportedFile(id: string): Promise<StoredDataset | null> {
  // A file removed meanwhile is not opened: opening would create its database anew, empty.
  if (!(await readFileNotes(id)).saved) return null;
  const local = openFile(id);
  try {
    await local.whenLoaded;
    const bytes = local.doc.getMap<unknown>(FILE).get(STORED);
    const stored = bytes instanceof Uint8Array ? decodeStoredDataset(bytes) : null;
    return stored?.id === id ? stored : null;
  } finally {
    local.destroy();
  }
}
