/** The IndexedDB database of one document (versioned with the document schema's name). */
export function storageKey(document: string): string {
  return `crm-shared-v1/${document}`;
}

/**
 * Deletes this device's copies of documents (a link that no longer opens them; nothing need be open). The page
 * does it itself, as y-indexeddb's clearDocument would (one database per document, deleted whole), so that
 * neither Yjs nor the worker is loaded for a link that was refused.
 */
export async function forgetLocalCopies(documents: readonly string[]): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await Promise.all(
    documents.map(
      (d) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase(storageKey(d));
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    ),
  );
}
