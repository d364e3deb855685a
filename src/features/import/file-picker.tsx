import { useId, useRef } from 'react';
import { LARGEST_FILE_BYTES } from '../../domain/loading/import-limits.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { IncomingFile, OversizedFile } from '../../store/import/import-actions.ts';
import { startImport } from './start-import.ts';

/** The kinds of files the importer reads (a hint for the picker; content decides the format). */
export const ACCEPTED_FILES =
  '.csv,.tsv,.txt,.json,.geojson,.kml,.kmz,.xlsx,.xls,.ods,.zip,text/csv,application/geo+json,application/vnd.google-earth.kml+xml';

/**
 * Reads picked or dropped files as bytes; one larger than any format accepts is not read at all (a 300 MB
 * file would fill the page's memory before anything could refuse it).
 */
export async function readFiles(
  files: FileList | readonly File[],
): Promise<(IncomingFile | OversizedFile)[]> {
  return Promise.all(
    [...files].map(async (file) =>
      file.size > LARGEST_FILE_BYTES
        ? { name: file.name, size: file.size }
        : { name: file.name, bytes: await bytesOf(file) },
    ),
  );
}

/** Blob.arrayBuffer where it exists; FileReader in browsers (and test DOMs) without it. */
function bytesOf(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** A button that opens the file picker (several files at once); `replaceId` replaces that dataset. */
export function FilePicker({
  label,
  replaceId = null,
  className = 'button-primary',
}: {
  label: string;
  replaceId?: string | null;
  className?: string;
}) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <>
      <button type="button" className={className} onClick={() => inputRef.current?.click()}>
        {label}
      </button>
      <input
        ref={inputRef}
        id={id}
        type="file"
        multiple={replaceId === null}
        accept={ACCEPTED_FILES}
        className="visually-hidden"
        tabIndex={-1}
        aria-label={replaceId ? t('import.replacePickerLabel') : t('import.pickerLabel')}
        onChange={async (e) => {
          const input = e.currentTarget;
          if (!input.files || input.files.length === 0) return;
          const files = await readFiles(input.files);
          input.value = '';
          await startImport(files, replaceId);
        }}
      />
    </>
  );
}
