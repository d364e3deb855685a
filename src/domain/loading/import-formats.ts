import { zipEntries } from '../files/zip-archive.ts';
import type { BinaryFormat } from './import-format-list.ts';
import { ImportLimitError } from './import-limits.ts';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the bytes are a ZIP archive (XLSX, ODS, KMZ and HSDS packages all are). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Names of the entries in a ZIP archive, without inflating them (refused past the entry limit). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  return zipEntries(bytes).map((entry) => entry.name);
}

/**
 * Recognises a binary container by its content, never by its file name: an .xlsx renamed .csv is still
 * read as a workbook. ZIPs are told apart by their entries (xl/ → XLSX, content.xml → ODS, *.kml → KMZ,
 * datapackage.json or locations.csv → an HSDS package); the OLE signature is a legacy .xls. Throws
 * ImportLimitError for a ZIP of more entries than the limit.
 */
export function sniffBinaryFormat(bytes: Uint8Array): BinaryFormat | 'unknown-zip' | null {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) return 'xls';
  if (!isZip(bytes)) return null;
  let names: string[];
  try {
    names = zipEntryNames(bytes);
  } catch (error) {
    if (error instanceof ImportLimitError) throw error;
    return 'unknown-zip';
  }
  const has = (test: (name: string) => boolean) => names.some(test);
  if (has((n) => n === 'xl/workbook.xml' || n.startsWith('xl/'))) return 'xlsx';
  if (has((n) => n === 'content.xml') && has((n) => n === 'mimetype' || n === 'META-INF/manifest.xml'))
    return 'ods';
  if (has((n) => n.toLowerCase().endsWith('.kml'))) return 'kmz';
  if (has((n) => /(^|\/)(datapackage\.json|locations\.csv)$/.test(n))) return 'hsds';
  return 'unknown-zip';
}

/**
 * Text formats by their first characters: an object { is GeoJSON (or a wrapper of a list, import-file.ts tells),
 * an array [ is a JSON list, KML opens with an XML prolog or <kml.
 */
export function sniffTextFormat(text: string): 'csv' | 'geojson' | 'json' | 'kml' {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'geojson';
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('<') && /<kml[\s>]/i.test(start.slice(0, 4096))) return 'kml';
  return 'csv';
}
