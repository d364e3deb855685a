/**
 * Hostile files built in the test that uses them (never checked in): ZIP bombs, a workbook with one cell at
 * XFD1048576, an ODS whose repeats make billions of cells, JSON and KML nested 100,000 levels deep.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';

const MiB = 1024 * 1024;

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A ZIP of the given entries, each already compressed (method 8) or stored (method 0), with its CRC and size. */
function writeZip(
  entries: readonly { name: string; method: 0 | 8; data: Uint8Array; crc: number; size: number }[],
): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, 0x800, true);
    l.setUint16(8, entry.method, true);
    l.setUint32(14, entry.crc, true);
    l.setUint32(18, entry.data.length, true);
    l.setUint32(22, entry.size, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x800, true);
    c.setUint16(10, entry.method, true);
    c.setUint32(16, entry.crc, true);
    c.setUint32(20, entry.data.length, true);
    c.setUint32(24, entry.size, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, entry.data);
    centrals.push(central);
    offset += local.length + entry.data.length;
  }
  const directory = concat(centrals);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, directory.length, true);
  e.setUint32(16, offset, true);
  return concat([...locals, directory, end]);
}

/**
 * A ZIP whose entry `bombName` inflates to `mebibytes` MiB of zeros (at most 4095), beside the small stored
 * `others`. One MiB of zeros is deflated once (zlib, ending on a sync flush so that it ends on a byte) and
 * repeated, then a final empty block: 1 GiB becomes ~1 MB, as a real bomb does, built in a moment.
 */
export function zipBomb(
  bombName: string,
  mebibytes: number,
  others: Readonly<Record<string, string>> = {},
): Uint8Array {
  const zeros = new Uint8Array(MiB);
  const block = new Uint8Array(deflateRawSync(zeros, { level: 9, finishFlush: constants.Z_SYNC_FLUSH }));
  const data = new Uint8Array(block.length * mebibytes + 2);
  for (let i = 0; i < mebibytes; i++) data.set(block, i * block.length);
  // A final block with fixed codes and nothing but its end: bits 1, 01, then the 7-bit end code.
  data.set([0x03, 0x00], block.length * mebibytes);
  let crc = 0;
  for (let i = 0; i < mebibytes; i++) crc = crc32(zeros, crc);
  const stored = Object.entries(others).map(([name, text]) => {
    const bytes = strToU8(text);
    return { name, method: 0 as const, data: bytes, crc: crc32(bytes), size: bytes.length };
  });
  return writeZip([...stored, { name: bombName, method: 8, data, crc, size: mebibytes * MiB }]);
}

/** A KMZ whose doc.kml inflates to `mebibytes` MiB of zeros. */
export const kmzBomb = (mebibytes: number) => zipBomb('doc.kml', mebibytes);

const XLSX_PARTS = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

/** A workbook of one sheet with the given <sheetData> rows (and a <dimension>, when given). */
export function xlsxWithRows(rows: string, dimension?: string): Uint8Array {
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${rows}</sheetData></worksheet>`;
  const files: Record<string, Uint8Array> = { 'xl/worksheets/sheet1.xml': strToU8(sheet) };
  for (const [name, text] of Object.entries(XLSX_PARTS)) files[name] = strToU8(text);
  return zipSync(files);
}

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/**
 * ~1.5 KB: a header 名稱 in A1 and one cell at XFD1048576, the sheet's last cell. Without a <dimension>
 * SheetJS's range becomes A1:XFD1048576 and turning it into rows would make 17 billion cells; with the stated
 * one (e.g. "A1:A2") the far cell would be dropped without a word.
 */
export function xlsxFarCell(dimension?: string): Uint8Array {
  return xlsxWithRows(
    `<row r="1">${cell('A1', '名稱')}</row><row r="1048576">${cell('XFD1048576', 'x')}</row>`,
    dimension,
  );
}

/** An XLSX whose sheet inflates to `mebibytes` MiB (zeros). */
export function xlsxBomb(mebibytes: number): Uint8Array {
  return zipBomb('xl/worksheets/sheet1.xml', mebibytes, XLSX_PARTS);
}

/**
 * ~1 KB ODS: a header row, then one row repeated `rows` times holding a cell repeated `columns` times, as
 * table:number-rows-repeated / table:number-columns-repeated say; SheetJS makes every repeated cell.
 */
export function odsRepeats(rows: number, columns: number): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="工作表1"><table:table-row><table:table-cell office:value-type="string"><text:p>名稱</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="${rows}"><table:table-cell table:number-columns-repeated="${columns}" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  const styles = `<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"></office:document-styles>`;
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'content.xml': strToU8(content),
    'styles.xml': strToU8(styles),
    'META-INF/manifest.xml': strToU8(manifest),
  });
}

/** GeoJSON whose one feature's geometry nests `depth` arrays deep (Maximum call stack size exceeded today). */
export function deepGeoJson(depth: number): string {
  return `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名稱":"深"},"geometry":{"type":"Point","coordinates":${'['.repeat(depth)}${']'.repeat(depth)}}}]}`;
}

/** KML whose Placemark sits inside `depth` nested Folders (Chromium's parser gives up at 256: "not KML"). */
export function deepKml(depth: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${'<Folder>'.repeat(depth)}<Placemark><name>深</name></Placemark>${'</Folder>'.repeat(depth)}</Document></kml>`;
}

/** A ZIP of `count` empty entries. */
export function manyEntries(count: number): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < count; i++) files[`f${i}.txt`] = new Uint8Array(0);
  return zipSync(files, { level: 0 });
}

/**
 * A ZIP whose central directory lists the one deflated entry of `zip` `copies` times under other names, every
 * copy pointing at the same data (a reader by the central directory inflates it `copies` times): the
 * overlapping-entries bomb. Names are `name(i)`.
 */
export function overlappingEntries(zip: Uint8Array, copies: number, name: (i: number) => string): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const start = view.getUint32(end + 16, true);
  const header = zip.subarray(start, start + 46);
  const entries: Uint8Array[] = [];
  for (let i = 0; i < copies; i++) {
    const entryName = strToU8(name(i));
    const entry = new Uint8Array(46 + entryName.length);
    entry.set(header);
    new DataView(entry.buffer).setUint16(28, entryName.length, true);
    new DataView(entry.buffer).setUint16(30, 0, true);
    new DataView(entry.buffer).setUint16(32, 0, true);
    entry.set(entryName, 46);
    entries.push(entry);
  }
  const directory = concat(entries);
  const record = new Uint8Array(22);
  const recordView = new DataView(record.buffer);
  recordView.setUint32(0, 0x06054b50, true);
  recordView.setUint16(8, copies, true);
  recordView.setUint16(10, copies, true);
  recordView.setUint32(12, directory.length, true);
  recordView.setUint32(16, start, true);
  return concat([zip.subarray(0, start), directory, record]);
}
