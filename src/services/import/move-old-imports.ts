import {
  DATASETS,
  IMPORT_DATABASE,
  isSavingIntent,
  isStoredDataset,
  openImportDatabase,
  SAVING_PREFIX,
  STATE,
} from './import-database.ts';
import { writeImportedFile } from './imported-file-document.ts';
import { noteSaving, readFileNotes } from './imported-files.ts';

/** Whether this browser may hold the database older versions kept imported files in (true where it cannot tell). */
async function mayHoldOldImports(): Promise<boolean> {
  if (typeof indexedDB.databases !== 'function') return true;
  return (await indexedDB.databases()).some((d) => d.name === IMPORT_DATABASE);
}

/**
 * Moves the files an older version kept in `crm-imports` (one entry of `datasets` each, and `saving:` intents in
 * `state`) into a document each, once: a file already kept as a document is left as it is; an intent goes along
 * (the next start reports it as before). The old entries are deleted only once every file reads back from its
 * document (`writeImportedFile`); an entry this version does not understand stays where it is. The caller holds a
 * lock of the browser, so that two tabs do not move the same files. Returns how many files were moved.
 */
export async function moveOldImports(): Promise<number> {
  if (!(await mayHoldOldImports())) return 0;
  const database = await openImportDatabase();
  try {
    const entries = (await database.getAll(DATASETS)) as unknown[];
    const intentKeys = await database.getAllKeys(
      STATE,
      IDBKeyRange.bound(SAVING_PREFIX, `${SAVING_PREFIX}\uffff`),
    );
    const intents = (
      (await database.getAll(STATE, IDBKeyRange.bound(SAVING_PREFIX, `${SAVING_PREFIX}\uffff`))) as unknown[]
    ).filter(isSavingIntent);
    for (const intent of intents) {
      if (!(await readFileNotes(intent.id)).saved) await noteSaving(intent);
    }
    let moved = 0;
    const movedIds: string[] = [];
    for (const entry of entries) {
      if (!isStoredDataset(entry)) continue;
      if (!(await readFileNotes(entry.id)).saved) {
        await writeImportedFile(entry);
        moved += 1;
      }
      movedIds.push(entry.id);
    }
    const transaction = database.transaction([DATASETS, STATE], 'readwrite', { durability: 'strict' });
    await Promise.all([
      ...movedIds.map((id) => transaction.objectStore(DATASETS).delete(id)),
      ...intentKeys.map((key) => transaction.objectStore(STATE).delete(key)),
      transaction.done,
    ]);
    return moved;
  } finally {
    database.close();
  }
}
