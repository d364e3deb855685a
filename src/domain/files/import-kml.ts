import { kml } from '@tmcw/togeojson';
import { strFromU8 } from 'fflate';
import { decodeBytes } from '../loading/decode-bytes.ts';
import { sniffBinaryFormat, sniffTextFormat } from '../loading/import-formats.ts';
import { checkFileSize, IMPORT_LIMITS } from '../loading/import-limits.ts';
import { checkXmlDepth } from '../loading/nesting-depth.ts';
import { restoreExactText } from './kml-exact-text.ts';
import { inflateZip } from './zip-archive.ts';

/**
 * Parses XML text into a DOM (parse-xml.ts, xmldom, in the import worker); may throw or return a document with
 * a parsererror on XML that is not well formed.
 */
export type XmlParser = (text: string) => Document;

/** togeojson's styling and timing properties: they describe the drawing, not the place. */
const STYLE_PROPERTIES = new Set([
  'styleUrl',
  'styleHash',
  'styleMapHash',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'fill',
  'fill-opacity',
  'icon',
  'icon-scale',
  'icon-heading',
  'icon-offset',
  'icon-offset-units',
  'icon-color',
  'icon-opacity',
  'label-scale',
  'label-color',
  'label-opacity',
  'timespan',
  'timestamp',
  'coordinateProperties',
  'open',
  'visibility',
  '@geometry-type',
]);

/**
 * KML (e.g. a Google My Maps export) → GeoJSON text for the GeoJSON step of the chain. Placemark names,
 * addresses, descriptions and ExtendedData become properties; an HTML description (My Maps writes <br>)
 * becomes plain text; style properties are dropped; texts XML cannot hold come back from our exports
 * (kml-exact-text.ts). Throws on XML that is not KML.
 */
export function kmlToGeoJsonText(text: string, parseXml: XmlParser): string {
  let doc: Document;
  try {
    doc = parseXml(text);
  } catch {
    throw new Error('not KML');
  }
  if (doc.getElementsByTagName('parsererror').length > 0 || doc.getElementsByTagName('kml').length === 0) {
    throw new Error('not KML');
  }
  restoreExactText(doc);
  standInForProto(doc);
  const collection = kml(doc);
  const features = collection.features.map((feature) => {
    // Object.fromEntries makes own properties: a column named "__proto__" stays a column.
    const properties = Object.fromEntries(
      Object.entries(feature.properties ?? {})
        .filter(([key]) => !STYLE_PROPERTIES.has(key))
        .map(([key, value]) => [
          key === PROTO_STAND_IN ? '__proto__' : key,
          isHtmlValue(value) ? htmlToText(value.value) : value,
        ]),
    );
    return { ...feature, properties };
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** A name no XML attribute can hold (NUL), so it cannot clash with a real field's. */
const PROTO_STAND_IN = '\u0000__proto__';

/**
 * togeojson assigns each ExtendedData field to a plain object, and assigning "__proto__" sets the object's
 * prototype instead: the field would be lost. Such fields are renamed to a stand-in for togeojson and back after.
 */
function standInForProto(doc: Document): void {
  for (const tag of ['Data', 'SimpleData']) {
    const elements = doc.getElementsByTagName(tag);
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i];
      if (element?.getAttribute('name') === '__proto__') element.setAttribute('name', PROTO_STAND_IN);
    }
  }
}

/**
 * KMZ is a ZIP holding doc.kml (or another .kml) and its icons; returns the KML text. Only .kml entries are
 * inflated, and no more of them than a KML file may hold (the zip limit when that is smaller).
 */
export function kmzToKmlText(bytes: Uint8Array): string {
  const { files } = inflateZip(
    bytes,
    (name) => name.toLowerCase().endsWith('.kml'),
    () => true,
    {
      entries: IMPORT_LIMITS.zip.entries,
      inflatedBytes: Math.min(IMPORT_LIMITS.zip.inflatedBytes, IMPORT_LIMITS.fileBytes.kml),
    },
  );
  const names = [...files.keys()].sort((a, b) => Number(b === 'doc.kml') - Number(a === 'doc.kml'));
  const first = names[0];
  const data = first ? files.get(first) : undefined;
  if (!data) throw new Error('no .kml in the KMZ');
  return strFromU8(data);
}

/**
 * The KML text of a KML or KMZ file, within the import limits (the file's size, the KMZ's inflated size and
 * entries, the nesting of its elements): what the XML parser may be given.
 */
export function kmlTextOf(bytes: Uint8Array, format: 'kml' | 'kmz'): string {
  checkFileSize(format, bytes.length);
  const text = format === 'kmz' ? kmzToKmlText(bytes) : decodeBytes(bytes).text;
  checkXmlDepth(text);
  return text;
}

/**
 * A KML or KMZ file's KML text, within the import limits (kmlTextOf); null for any other file. The import
 * worker then turns the checked text into GeoJSON (kmlToGeoJsonText with parse-xml.ts).
 */
export function readKmlFile(bytes: Uint8Array): { text: string; format: 'kml' | 'kmz' } | null {
  checkFileSize(null, bytes.length);
  const binary = sniffBinaryFormat(bytes);
  if (binary === 'kmz') return { text: kmlTextOf(bytes, 'kmz'), format: 'kmz' };
  if (binary !== null) return null;
  const start = decodeBytes(bytes.subarray(0, 65_536)).text;
  return sniffTextFormat(start) === 'kml' ? { text: kmlTextOf(bytes, 'kml'), format: 'kml' } : null;
}

function isHtmlValue(value: unknown): value is { '@type': 'html'; value: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { '@type'?: unknown })['@type'] === 'html' &&
    typeof (value as { value?: unknown }).value === 'string'
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of an HTML fragment: <br> and </p> become line breaks, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
      if (!entity.startsWith('#')) return ENTITIES[entity.toLowerCase()] ?? whole;
      const code = /^#x/i.test(entity) ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .trim();
}
