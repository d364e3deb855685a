/** Hands a file to the browser's download (no server involved). */
export function downloadFile(name: string, content: BlobPart, type: string): void {
  const blob = new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** CSV for Excel: a BOM so the Chinese opens as UTF-8 rather than Big5. */
export function downloadCsv(name: string, csv: string): void {
  downloadFile(name, `\uFEFF${csv}`, 'text/csv;charset=utf-8');
}

/** A file name safe on every system, e.g. 資源盤點-嘉義縣-2026-03-12.csv. */
export function fileNameOf(parts: readonly string[], extension: string): string {
  const base = parts
    .filter((p) => p !== '')
    .join('-')
    .replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${base}.${extension}`;
}

/** Today's date in the browser's time zone, YYYY-MM-DD. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
