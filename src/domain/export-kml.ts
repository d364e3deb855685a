import { cellText, columnHeader, type ExportColumnId, type ExportContext } from './export-columns.ts';
import type { Resource } from './resource.ts';

/** Characters XML 1.0 cannot hold at all (controls other than tab, LF, CR; lone surrogates; U+FFFE/FFFF). */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML cannot hold
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escapes text for XML content or attributes. CR, LF and tab are written as character references, because an
 * XML parser turns a raw CR into LF (and, in attributes, all three into spaces); characters XML cannot hold
 * are dropped.
 */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/**
 * togeojson turns a Data element named "visibility" into true/false: the visibility column is written under
 * its Chinese header, which the importer recognises as well.
 */
const KML_NAMES: Partial<Record<ExportColumnId, string>> = { visibility: '公開狀態' };

/**
 * KML 2.2 for Google Earth and Google My Maps: a Placemark per record with its name, description and Point;
 * every other chosen column goes into ExtendedData, which My Maps shows as the place's fields.
 */
export function exportKml(
  resources: readonly Resource[],
  columns: readonly ExportColumnId[],
  ctx: ExportContext,
  documentName: string,
): string {
  const dataColumns = columns.filter(
    (c) => c !== 'name' && c !== 'description' && c !== 'lat' && c !== 'lng',
  );
  const placemarks = resources.map((r) => {
    const data = dataColumns
      .map((c) => {
        const name = KML_NAMES[c] ?? columnHeader(c, ctx.language);
        return `<Data name="${xmlText(name)}"><value>${xmlText(cellText(r, c, ctx))}</value></Data>`;
      })
      .join('');
    const point = r.position
      ? `<Point><coordinates>${r.position[1]},${r.position[0]}</coordinates></Point>`
      : '';
    const description =
      columns.includes('description') && r.description
        ? `<description>${xmlText(r.description)}</description>`
        : '';
    const name = columns.includes('name') ? `<name>${xmlText(r.name)}</name>` : '';
    return `<Placemark>${name}${description}<ExtendedData>${data}</ExtendedData>${point}</Placemark>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    `<Document><name>${xmlText(documentName)}</name>`,
    ...placemarks,
    '</Document>',
    '</kml>',
    '',
  ].join('\n');
}
