import { strToU8, zipSync } from 'fflate';
import { escapeCellText } from './spreadsheet-text-escape.ts';

/** A cell of a sheet: text, a number, or nothing. */
export type SheetCell = { readonly text: string } | { readonly number: number } | null;

/** One sheet: its name, its column widths (in characters, as Excel counts them) and its rows. */
export interface OdsSheet {
  readonly name: string;
  readonly columnWidths: readonly number[];
  readonly rows: readonly (readonly SheetCell[])[];
}

const NS = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  meta: 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0',
  manifest: 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
};
const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';
const MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/**
 * An ODF 1.2 spreadsheet package with one sheet. Written here rather than by SheetJS, whose ODS writer loses
 * spaces at the edges of a line, writes CR as a visible "_x000d_" and splits lines into paragraphs (SheetJS's
 * reader then drops empty first lines). Here a cell is one paragraph with <text:line-break/>, and SheetJS
 * reads every cell's text back exactly. The package holds what SheetJS's did: mimetype (first, stored),
 * content, styles, meta and manifests.
 */
export function odsPackage(sheet: OdsSheet): Uint8Array {
  const xml = (text: string): [Uint8Array, { level: 6 }] => [strToU8(XML_HEADER + text), { level: 6 }];
  return zipSync({
    mimetype: [strToU8(MIMETYPE), { level: 0 }],
    'content.xml': xml(contentXml(sheet)),
    'styles.xml': xml(STYLES_XML),
    'meta.xml': xml(META_XML),
    'manifest.rdf': xml(MANIFEST_RDF),
    'META-INF/manifest.xml': xml(MANIFEST_XML),
  });
}

function contentXml(sheet: OdsSheet): string {
  const widths = [...new Set(sheet.columnWidths.map(columnWidth))];
  const columnStyles = widths.map(
    (width, i) =>
      `<style:style style:name="co${i + 1}" style:family="table-column">` +
      `<style:table-column-properties style:column-width="${width}"/></style:style>`,
  );
  const columns = sheet.columnWidths.map(
    (w) => `<table:table-column table:style-name="co${widths.indexOf(columnWidth(w)) + 1}"/>`,
  );
  const rows = sheet.rows.map((row) => `<table:table-row>${rowCells(row)}</table:table-row>`);
  return [
    `<office:document-content xmlns:office="${NS.office}" xmlns:style="${NS.style}" xmlns:text="${NS.text}"`,
    ` xmlns:table="${NS.table}" office:version="1.2">\n`,
    '<office:automatic-styles>',
    ...columnStyles,
    '<style:style style:name="ta1" style:family="table" style:master-page-name="Default">',
    '<style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>',
    '</office:automatic-styles>\n',
    '<office:body><office:spreadsheet>\n',
    `<table:table table:name="${attribute(sheet.name)}" table:style-name="ta1">\n`,
    ...columns,
    '\n',
    rows.join('\n'),
    '\n</table:table>\n</office:spreadsheet></office:body>\n</office:document-content>\n',
  ].join('');
}

/** A row's cells; empty cells at the end are left out, but a row holds at least one cell (ODF requires it). */
function rowCells(row: readonly SheetCell[]): string {
  let end = row.length;
  while (end > 0 && row[end - 1] == null) end--;
  if (end === 0) return '<table:table-cell/>';
  return row.slice(0, end).map(cellXml).join('');
}

function cellXml(cell: SheetCell | undefined): string {
  if (cell == null) return '<table:table-cell/>';
  if ('number' in cell) {
    const value = String(cell.number);
    return `<table:table-cell office:value-type="float" office:value="${value}"><text:p>${value}</text:p></table:table-cell>`;
  }
  return `<table:table-cell office:value-type="string"><text:p>${odsParagraph(cell.text)}</text:p></table:table-cell>`;
}

/**
 * A cell's text as the content of one <text:p>, following ODF's white-space rules (1.2 Part 1, 6.1.2): a
 * space is written as itself only between two other characters, other spaces as <text:s text:c="n"/>; tab
 * and LF as <text:tab/> and <text:line-break/>; CR as a character reference; and other white space at either
 * end (U+3000, U+00A0…) as character references too, because SheetJS trims the paragraph before it decodes
 * references. Control characters and "_xHHHH_" are escaped as in XLSX (ODF has no escape of its own, so
 * LibreOffice shows these rare escapes as they are). "  a\tb" → "<text:s text:c="2"/>a<text:tab/>b".
 */
export function odsParagraph(text: string): string {
  const escaped = xmlEscape(escapeCellText(text, 'ods'));
  const body = escaped
    .replace(/ +/g, (run, at: number, all: string) =>
      run.length === 1 && isWordAt(all, at - 1) && isWordAt(all, at + 1) ? ' ' : spaces(run.length),
    )
    .replace(/\t/g, '<text:tab/>')
    .replace(/\n/g, '<text:line-break/>')
    .replace(/\r/g, '&#13;');
  return body.replace(/^\s+|\s+$/g, (run) =>
    [...run].map((c) => `&#x${c.codePointAt(0)?.toString(16)};`).join(''),
  );
}

/** Whether the character at `at` is one next to which a single space keeps its meaning in ODF. */
function isWordAt(text: string, at: number): boolean {
  const c = text[at];
  return c !== undefined && c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r';
}

function spaces(count: number): string {
  return count === 1 ? '<text:s/>' : `<text:s text:c="${count}"/>`;
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values: also quotes, and CR/LF/tab as references (an XML parser turns them into spaces). */
function attribute(text: string): string {
  return escapeCellText(text, 'ods')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** A column width in characters → centimetres, as SheetJS sized them (6 px per character plus 5 px, 96 px/in). */
function columnWidth(characters: number): string {
  return `${(((characters * 6 + 5) / 96) * 2.54).toFixed(3)}cm`;
}

const STYLES_XML = [
  `<office:document-styles xmlns:office="${NS.office}" xmlns:style="${NS.style}" office:version="1.2">`,
  '<office:automatic-styles><style:page-layout style:name="pm1"/></office:automatic-styles>',
  '<office:master-styles><style:master-page style:name="Default" style:page-layout-name="pm1">',
  '<style:header/><style:header-left style:display="false"/><style:footer/>',
  '<style:footer-left style:display="false"/></style:master-page></office:master-styles>',
  '</office:document-styles>\n',
].join('');

const META_XML =
  `<office:document-meta xmlns:office="${NS.office}" xmlns:meta="${NS.meta}" office:version="1.2">` +
  '<office:meta><meta:generator>community-resource-map</meta:generator></office:meta></office:document-meta>\n';

const PARTS = [
  ['content.xml', 'text/xml', 'ContentFile'],
  ['styles.xml', 'text/xml', 'StylesFile'],
  ['meta.xml', 'text/xml', 'MetadataFile'],
] as const;

const MANIFEST_XML = [
  `<manifest:manifest xmlns:manifest="${NS.manifest}" manifest:version="1.2">`,
  `<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="${MIMETYPE}"/>`,
  ...PARTS.map(
    ([path, type]) => `<manifest:file-entry manifest:full-path="${path}" manifest:media-type="${type}"/>`,
  ),
  '<manifest:file-entry manifest:full-path="manifest.rdf" manifest:media-type="application/rdf+xml"/>',
  '</manifest:manifest>\n',
].join('');

const ODF_META = 'http://docs.oasis-open.org/ns/office/1.2/meta';
const MANIFEST_RDF = [
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
  ...PARTS.map(
    ([path, , kind]) =>
      `<rdf:Description rdf:about="${path}"><rdf:type rdf:resource="${ODF_META}/odf#${kind}"/></rdf:Description>` +
      `<rdf:Description rdf:about=""><ns0:hasPart xmlns:ns0="${ODF_META}/pkg#" rdf:resource="${path}"/></rdf:Description>`,
  ),
  `<rdf:Description rdf:about=""><rdf:type rdf:resource="${ODF_META}/pkg#Document"/></rdf:Description>`,
  '</rdf:RDF>\n',
].join('');
