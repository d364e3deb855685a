import { useAppStore } from '../../store/app-store.ts';
import type { IncomingFile, OversizedFile } from '../../store/import/import-actions.ts';

/**
 * Hands picked or dropped files to the importer, whose code (the queue, the worker's client, remembered column
 * mappings) loads with the first file rather than with the page. When that code cannot be loaded (offline after
 * a deploy), the import panel says so for the files, as for any import that failed.
 */
export async function startImport(
  files: readonly (IncomingFile | OversizedFile)[],
  replaceId: string | null = null,
): Promise<void> {
  try {
    const { importFiles } = await import('../../store/import/import-actions.ts');
    importFiles(files, replaceId);
  } catch {
    const fileName = files.map((f) => f.name).join('、');
    useAppStore.getState().setImportError({ fileName, reason: IMPORTER_UNAVAILABLE });
  }
}

/** The reason given when the importer's code could not be loaded (`reasonText` words it). */
export const IMPORTER_UNAVAILABLE = 'importer-unavailable';

/** Stops the import under way (the importer's code is loaded: a file is being imported). */
export function cancelImportLater(): void {
  void import('../../store/import/import-actions.ts').then((m) => m.cancelImport());
}
