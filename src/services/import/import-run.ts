import type { Topology } from 'topojson-specification';
import { kmlToGeoJsonText, readKmlFile } from '../../domain/files/import-kml.ts';
import { type Boundaries, type BoundaryLevel, boundariesFromTopology } from '../../domain/geo/boundaries.ts';
import { buildGazetteer, type Gazetteer } from '../../domain/geo/gazetteer.ts';
import type { BuildContext } from '../../domain/loading/build-resource.ts';
import type { HeaderMapping } from '../../domain/loading/column-mapping.ts';
import { decodeBytes } from '../../domain/loading/decode-bytes.ts';
import { type ImportLibraries, importFile, previewImport } from '../../domain/loading/import-file.ts';
import { sniffBinaryFormat, sniffTextFormat } from '../../domain/loading/import-formats.ts';
import { parseDelimitedText } from '../../domain/loading/parse-csv.ts';
import { landImport } from './import-landing.ts';
import type { ImportReply, ImportRequest, KmlAsGeoJson } from './import-protocol.ts';

let gazetteer: { url: string; value: Promise<Gazetteer> } | null = null;

/** The gazetteer for township placement, fetched once per place the import runs (worker or page). */
function gazetteerFrom(url: string, fetchText: (url: string) => Promise<string>): Promise<Gazetteer> {
  if (gazetteer?.url !== url) {
    gazetteer = { url, value: fetchText(url).then((text) => buildGazetteer(parseDelimitedText(text).rows)) };
  }
  return gazetteer.value;
}

/** The boundaries of each level, decoded once per place the import runs (villages take ~1.5 s). */
const boundaries = new Map<string, Promise<Boundaries | undefined>>();

/** Boundaries for place-from-position; a failed fetch leaves positions checked by boxes, as before. */
function boundariesFrom(
  url: string,
  level: BoundaryLevel,
  fetchText: (url: string) => Promise<string>,
): Promise<Boundaries | undefined> {
  let value = boundaries.get(url);
  if (!value) {
    value = fetchText(url)
      .then((text) => boundariesFromTopology(JSON.parse(text) as Topology, level))
      .catch(() => undefined);
    boundaries.set(url, value);
  }
  return value;
}

/**
 * Villages (4.2 MB) only when they can add something: the file has positions (lat/lng columns, or it is
 * GeoJSON) and no village column. Otherwise the townships, for the county, the township and "in Taiwan".
 */
function boundaryLevelFor(bytes: Uint8Array, mapping: HeaderMapping | undefined): BoundaryLevel {
  if (mapping?.village !== undefined) return 'towns';
  if (mapping?.lat !== undefined && mapping.lng !== undefined) return 'villages';
  const start = sniffBinaryFormat(bytes) === null ? decodeBytes(bytes.subarray(0, 4096)).text : '';
  return sniffTextFormat(start) === 'geojson' ? 'villages' : 'towns';
}

/**
 * A KML or KMZ file as GeoJSON, where imports run (the worker): inflated and checked against the limits
 * (readKmlFile), then parsed by xmldom (loaded only for KML) and converted. Null for any other file.
 */
export async function kmlAsGeoJson(bytes: Uint8Array): Promise<KmlAsGeoJson | null> {
  const kml = readKmlFile(bytes);
  if (!kml) return null;
  const { parseXml } = await import('../../domain/files/parse-xml.ts');
  return { bytes: new TextEncoder().encode(kmlToGeoJsonText(kml.text, parseXml)), format: kml.format };
}

/** Answers a 'kml-geojson' request: the GeoJSON's bytes are transferred, not copied. */
export async function handleKmlRequest(
  request: Extract<ImportRequest, { type: 'kml-geojson' }>,
  post: (reply: ImportReply, transfer: Transferable[]) => void,
): Promise<void> {
  try {
    const converted = await kmlAsGeoJson(request.bytes);
    post({ type: 'kml-geojson', converted }, converted ? [converted.bytes.buffer] : []);
  } catch (error) {
    post({ type: 'error', error: error instanceof Error ? error.message : String(error) }, []);
  }
}

/** SheetJS only for workbooks: it is a large module, loaded when a workbook arrives. */
async function librariesFor(bytes: Uint8Array): Promise<ImportLibraries> {
  const format = sniffBinaryFormat(bytes);
  return format === 'xlsx' || format === 'ods' || format === 'xls'
    ? { sheetjs: await import('@e965/xlsx') }
    : {};
}

/**
 * Handles one import request where it runs (the worker, or the page where workers do not exist): preview or
 * the whole chain, posting progress as it goes, up to the dataset ready to show (ids, duplicates, search
 * text). KML arrives already converted to GeoJSON (handleKmlRequest).
 */
export async function handleImportRequest(
  request: Extract<ImportRequest, { type: 'preview' | 'import' }>,
  post: (reply: ImportReply) => void,
  fetchText: (url: string) => Promise<string> = async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.text();
  },
): Promise<void> {
  try {
    const libs = await librariesFor(request.bytes);
    if (request.type === 'preview') {
      // Without its gazetteer the preview still shows the columns: only the county's guess is left out.
      const places = request.gazetteerUrl
        ? await gazetteerFrom(request.gazetteerUrl, fetchText).catch(() => undefined)
        : undefined;
      post({
        type: 'preview',
        preview: previewImport(
          request.bytes,
          request.fileName,
          request.encoding ? { encoding: request.encoding } : {},
          libs,
          places,
        ),
      });
      return;
    }
    const urls = request.config.boundaryUrls;
    const level = boundaryLevelFor(request.bytes, request.choices.mapping);
    const [found, area] = await Promise.all([
      gazetteerFrom(request.config.gazetteerUrl, fetchText),
      urls ? boundariesFrom(urls[level], level, fetchText) : undefined,
    ]);
    const context: BuildContext = {
      categories: request.config.categories,
      serviceTags: request.config.serviceTags,
      gazetteer: found,
      ...(area ? { boundaries: area } : {}),
      defaults: request.defaults,
    };
    let last = 0;
    const result = importFile(request.bytes, context, request.choices, libs, (phase, done, total) => {
      const now = Date.now();
      // A message per 100 ms at most: progress must not cost more than the work.
      if (phase !== 'validate' || done === total || now - last > 100) {
        last = now;
        post({ type: 'progress', phase, done, total });
      }
    });
    // Ids, duplicates and the index parts (order, search columns, positions) are worked out here too, so
    // landing 100,000 rows does not do it on the main thread.
    post({ type: 'done', landed: landImport(result, request.landing, request.config) });
  } catch (error) {
    post({ type: 'error', error: error instanceof Error ? error.message : String(error) });
  }
}
