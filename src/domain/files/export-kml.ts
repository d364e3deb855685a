import type { Resource } from '../model/resource.ts';
import {
  cellText,
  columnHeaders,
  type ExportColumnId,
  type ExportContext,
  markedColumns,
} from './export-columns.ts';
import { exactTextElement, exactTextJson, NOT_XML, xmlCanHold } from './kml-exact-text.ts';

/**
 * Escapes text for XML content or attributes. CR, LF and tab are written as character references, because an
 * XML parser turns a raw CR into LF (and, in attributes, all three into spaces); characters XML cannot hold
 * are dropped (exportKml keeps an exact copy of such texts: see kml-exact-text.ts).
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
 * every other chosen column goes into ExtendedData, which My Maps shows as the place's fields (a link's records
 * also the link-origin field: markedColumns).
 */
export function exportKml(
  resources: readonly Resource[],
  columns: readonly ExportColumnId[],
  ctx: ExportContext,
  documentName: string,
): string {
  const dataColumns = markedColumns(resources, columns, ctx).filter(
    (c) => c !== 'name' && c !== 'description' && c !== 'lat' && c !== 'lng',
  );
  const headers = columnHeaders(dataColumns, ctx.language);
  const names = dataColumns.map((c, i) => KML_NAMES[c] ?? (headers[i] as string));
  const placemarks = resources.map((r) => {
    const pairs = dataColumns.map((c, i): [string, string] => [names[i] as string, cellText(r, c, ctx)]);
    const data = pairs
      .filter(([name]) => xmlCanHold(name))
      .map(([name, value]) => `<Data name="${xmlText(name)}"><value>${xmlText(value)}</value></Data>`)
      .join('');
    const point = r.position
      ? `<Point><coordinates>${r.position[1]},${r.position[0]}</coordinates></Point>`
      : '';
    const hasDescription = columns.includes('description') && Boolean(r.description);
    const description = hasDescription ? `<description>${xmlText(r.description ?? '')}</description>` : '';
    const name = columns.includes('name') ? `<name>${xmlText(r.name)}</name>` : '';
    const exact = exactTextJson({
      ...(columns.includes('name') ? { name: r.name } : {}),
      ...(hasDescription ? { description: r.description } : {}),
      data: pairs,
    });
    const exactElement = exact === undefined ? '' : exactTextElement(xmlText(exact));
    return `<Placemark>${name}${description}<ExtendedData>${data}${exactElement}</ExtendedData>${point}</Placemark>`;
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
