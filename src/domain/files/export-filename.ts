/** Today's local date as YYYY-MM-DD (a file name or a print header carries it). */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Characters Windows and macOS refuse in file names, and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must go
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/**
 * A file name from its parts, e.g. 共生資源地圖_嘉義縣_搜尋-餐食_2025-03-14.csv: characters file systems
 * refuse and runs of spaces become _, and the name is kept under 120 characters so that a long filter
 * summary cannot make it unusable.
 */
export function exportFileName(parts: readonly string[], extension: string): string {
  const base = parts
    .map((p) =>
      p
        .replace(UNSAFE, '_')
        .replace(/\s+/g, '_')
        .replace(/^[_.]+|_+$/g, ''),
    )
    .filter((p) => p !== '')
    .join('_');
  const short = [...base].slice(0, 120).join('');
  return `${short || 'export'}.${extension}`;
}
