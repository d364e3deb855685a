import { hsdsToTable } from '../files/import-hsds.ts';
import { kmlTextOf, kmlToGeoJsonText, type XmlParser } from '../files/import-kml.ts';
import { type SheetJsModule, spreadsheetToTable } from '../files/import-spreadsheet.ts';
import type { Gazetteer } from '../geo/gazetteer.ts';
import type { ProjectedCrs } from '../geo/projections.ts';
import { loadIssue } from '../model/load-issues.ts';
import { type BuiltRecords, buildRecords, type ProgressListener } from './build-records.ts';
import type { BuildContext } from './build-resource.ts';
import { detectHeaderMapping, type HeaderMapping } from './column-mapping.ts';
import { inferFileCounty } from './county-inference.ts';
import { decodeBytes, type TextEncodingName } from './decode-bytes.ts';
import { geojsonToRecords } from './geojson-to-records.ts';
import type { ImportFormat } from './import-format-list.ts';
import { sniffBinaryFormat, sniffTextFormat } from './import-formats.ts';
import { checkFileSize, ImportLimitError } from './import-limits.ts';
import { isGeoJson, jsonToTable } from './json-to-table.ts';
import { proposeNameColumn } from './name-column.ts';
import { checkJsonDepth, checkXmlDepth } from './nesting-depth.ts';
import { looksBinary, looksLikeBoundaries, looksLikeStatistics, type NotAList } from './not-a-list.ts';
import { parseDelimitedText, type RawTable } from './parse-csv.ts';
import { type MappedRecords, tableToRecords } from './table-to-records.ts';

export { headerSetKey } from './header-set.ts';

/** Libraries the importer needs only for some formats, handed in by the caller (lazy-loaded, or jsdom in tests). */
export interface ImportLibraries {
  /** SheetJS, for XLSX/ODS/XLS. */
  readonly sheetjs?: SheetJsModule;
  /** An XML parser, for KML/KMZ (parse-xml.ts: xmldom, as workers have no DOMParser). */
  readonly parseXml?: XmlParser;
}

/** What a file looks like before the person confirms its columns. */
export interface ImportPreview {
  readonly format: ImportFormat;
  readonly encoding: TextEncodingName | null;
  /** Column headers (CSV/sheets) or property names (GeoJSON/KML), as written. */
  readonly headers: readonly string[];
  /** The first data rows, one cell per header, for the confirmation dialog. */
  readonly sampleRows: readonly (readonly string[])[];
  /** The mapping the importer would use: a remembered one replaces it in the UI. */
  readonly detectedMapping: HeaderMapping;
  /**
   * The header of the column proposed as the name because its values look like organisation names, when no
   * header names the field (it is in `detectedMapping` too; the dialog says why it was chosen).
   */
  readonly proposedName?: string;
  /** The file is not a list of places: the dialog says what it is instead of offering its columns. */
  readonly notAList?: NotAList;
  /** The county the file's addresses point to when they leave it out (county-inference.ts), for the dialog. */
  readonly inferredCounty?: string;
  /** The GeoJSON `crs` member, when the file declares a TM2 system. */
  readonly declaredCrs?: ProjectedCrs;
  /** Set when the file cannot be read at all (the dialog says why instead of showing columns). */
  readonly error?: string;
}

/** The person's choices for one file. */
export interface ImportChoices {
  readonly encoding?: TextEncodingName;
  readonly mapping?: HeaderMapping;
  readonly crs?: ProjectedCrs;
}

/** The outcome of importing one file: one row result per input row, and the loaded resources. */
export interface ImportResult extends BuiltRecords {
  readonly file: string;
  readonly format: ImportFormat;
  readonly encoding: TextEncodingName | null;
  readonly headers: readonly string[];
  readonly mapping: HeaderMapping;
}

/** Phases of an import, for the progress bar. */
export type ImportPhase = 'read' | 'parse' | 'validate';

const SAMPLE_ROWS = 5;
/** Rows the preview reads to propose a name column and guess the county. */
const GUESS_ROWS = 2000;
const PREVIEW_BYTES = 256 * 1024;

/** Reads a file's format, encoding, headers and first rows, for the column confirmation. */
export function previewImport(
  bytes: Uint8Array,
  file: string,
  choices: Pick<ImportChoices, 'encoding'>,
  libs: ImportLibraries,
  gazetteer?: Gazetteer,
): ImportPreview {
  try {
    const source = readSource(bytes, file, choices.encoding, libs, true);
    if (source.kind === 'table') {
      const rows = source.table.rows.slice(0, SAMPLE_ROWS + 1);
      const headers = source.table.headers;
      const detected = detectHeaderMapping(headers);
      const proposed =
        detected.name === undefined
          ? proposeNameColumn(source.table.rows.slice(0, GUESS_ROWS), headers.length)
          : undefined;
      const proposedName = proposed === undefined ? undefined : headers[proposed];
      const mapping = proposedName === undefined ? detected : { ...detected, name: proposedName };
      const statistics = mapping.name === undefined && looksLikeStatistics(source.table.rows, headers.length);
      const guess =
        gazetteer && mapping.county === undefined
          ? inferFileCounty(tableToRecords(source.table, file, { mapping }).records, gazetteer)
          : undefined;
      return {
        format: source.format,
        encoding: source.encoding,
        headers,
        sampleRows: rows.slice(0, SAMPLE_ROWS).map((row) => headers.map((_, i) => row[i] ?? '')),
        detectedMapping: mapping,
        ...(proposedName === undefined ? {} : { proposedName }),
        ...(guess ? { inferredCounty: guess.county } : {}),
        ...(statistics ? { notAList: 'statistics' as const } : {}),
      };
    }
    const mapped = geojsonToRecords(source.text, file);
    const headers = propertyNames(source.text);
    const fatal = mapped.issues.find((i) => i.code === 'file-unreadable');
    const sample = sampleProperties(source.text, headers);
    return {
      format: source.format,
      encoding: source.encoding,
      headers,
      sampleRows: sample,
      detectedMapping: detectHeaderMapping(headers),
      ...(mapped.crs ? { declaredCrs: mapped.crs } : {}),
      ...(fatal ? { error: fatal.code } : {}),
      ...(looksLikeBoundaries(mapped.records) ? { notAList: 'boundaries' as const } : {}),
    };
  } catch (error) {
    return {
      format: 'csv',
      encoding: null,
      headers: [],
      sampleRows: [],
      detectedMapping: {},
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * The whole chain for a person's file: bytes → format → text or table → mapped records → validated resources,
 * with one report line per row. Format and encoding come from the content, never the file name.
 */
export function importFile(
  bytes: Uint8Array,
  context: BuildContext,
  choices: ImportChoices,
  libs: ImportLibraries,
  onProgress?: (phase: ImportPhase, done: number, total: number) => void,
): ImportResult {
  const file = context.defaults.file;
  onProgress?.('read', 0, 1);
  let source: Source;
  try {
    source = readSource(bytes, file, choices.encoding, libs, false);
  } catch (error) {
    // A file past a limit is refused whole, with the limit named (import-limits.ts), not reported row by row.
    if (error instanceof ImportLimitError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const issue =
      reason === 'binary-file'
        ? loadIssue('binary-file', file)
        : loadIssue('file-unreadable', file, { value: reason });
    return {
      file,
      format: 'csv',
      encoding: null,
      headers: [],
      mapping: {},
      resources: [],
      issues: [issue],
      rows: [],
    };
  }
  onProgress?.('parse', 0, 1);
  let mapped: MappedRecords;
  let headers: readonly string[];
  let mapping: HeaderMapping;
  if (source.kind === 'table') {
    headers = source.table.headers;
    mapping = choices.mapping ?? detectHeaderMapping(headers);
    // A CSV with the app's precision column is one of our exports: its ' guards against formulas are undone.
    mapped = tableToRecords(source.table, file, {
      mapping,
      textMarkers: source.format === 'csv',
      neutralised: source.format === 'csv' && mapping.precision !== undefined,
    });
  } else {
    headers = propertyNames(source.text);
    mapping = choices.mapping ?? detectHeaderMapping(headers);
    mapped = geojsonToRecords(source.text, file, choices.mapping ? { mapping } : {});
    // District or village polygons are for the coverage analysis, not places to list: nothing is imported.
    if (looksLikeBoundaries(mapped.records)) {
      const issue = loadIssue('boundaries-file', file);
      return {
        file,
        format: source.format,
        encoding: source.encoding,
        headers,
        mapping,
        resources: [],
        issues: [issue],
        rows: [],
      };
    }
  }
  const ctx: BuildContext = choices.crs
    ? { ...context, defaults: { ...context.defaults, crs: choices.crs } }
    : context;
  const progress: ProgressListener | undefined = onProgress
    ? (done, total) => onProgress('validate', done, total)
    : undefined;
  const built = buildRecords(mapped, ctx, progress);
  return { file, format: source.format, encoding: source.encoding, headers, mapping, ...built };
}

type Source =
  | { kind: 'table'; format: ImportFormat; encoding: TextEncodingName | null; table: RawTable }
  | { kind: 'geojson'; format: ImportFormat; encoding: TextEncodingName | null; text: string };

/**
 * The file as a table or GeoJSON text, within the import limits (import-limits.ts): its size by format, a ZIP's
 * inflated size and entries, a sheet's range, JSON's and KML's nesting. Throws ImportLimitError past one.
 */
function readSource(
  bytes: Uint8Array,
  file: string,
  encoding: TextEncodingName | undefined,
  libs: ImportLibraries,
  preview: boolean,
): Source {
  const binary = sniffBinaryFormat(bytes);
  if (binary === 'unknown-zip') throw new Error('ZIP');
  if (binary) checkFileSize(binary, bytes.length);
  if (binary === 'xlsx' || binary === 'ods' || binary === 'xls') {
    if (!libs.sheetjs) throw new Error('SheetJS not loaded');
    const { table } = spreadsheetToTable(libs.sheetjs, bytes, preview ? SAMPLE_ROWS + 20 : undefined);
    return { kind: 'table', format: binary, encoding: null, table };
  }
  if (binary === 'kmz') {
    if (!libs.parseXml) throw new Error('KML needs an XML parser');
    return {
      kind: 'geojson',
      format: 'kmz',
      encoding: 'utf-8',
      text: kmlToGeoJsonText(kmlTextOf(bytes, 'kmz'), libs.parseXml),
    };
  }
  if (binary === 'hsds')
    return { kind: 'table', format: 'hsds', encoding: 'utf-8', table: hsdsToTable(bytes, file) };
  // The limit of the format the text starts as, before the whole file is decoded.
  checkFileSize(sniffTextFormat(decodeBytes(bytes.subarray(0, 65_536), encoding).text), bytes.length);
  const decoded = decodeBytes(bytes, encoding);
  // A shapefile's .shx, an image, a PDF: no encoding makes text of it.
  if (looksBinary(decoded.text)) throw new Error('binary-file');
  const format = sniffTextFormat(decoded.text);
  if (format === 'kml') {
    if (!libs.parseXml) throw new Error('KML needs an XML parser');
    checkXmlDepth(decoded.text);
    return {
      kind: 'geojson',
      format,
      encoding: decoded.encoding,
      text: kmlToGeoJsonText(decoded.text, libs.parseXml),
    };
  }
  if (format === 'geojson' || format === 'json') {
    // Before anything reads it: 100,000 levels would overflow every recursive reader after JSON.parse.
    checkJsonDepth(decoded.text);
    const geojson = {
      kind: 'geojson',
      format: 'geojson',
      encoding: decoded.encoding,
      text: decoded.text,
    } as const;
    // Most GeoJSON says so in its first characters: read once, by geojson-to-records.ts.
    if (format === 'geojson' && GEOJSON_START.test(decoded.text.slice(0, 2048))) return geojson;
    let data: unknown;
    try {
      data = JSON.parse(decoded.text.replace(/^\uFEFF/, ''));
    } catch {
      // Not JSON after all: an object is reported as unreadable GeoJSON, an array as unreadable JSON.
      if (format === 'geojson') return geojson;
      throw new Error('JSON');
    }
    if (isGeoJson(data)) return geojson;
    // A list of objects (pharmacies with Name/Address/Tel/Lat/Lng), bare or in {"data": […]}: a table.
    const table = jsonToTable(data);
    if (table) return { kind: 'table', format: 'json', encoding: decoded.encoding, table };
    if (format === 'json') throw new Error('JSON');
    return geojson;
  }
  const text = preview ? previewSlice(decoded.text) : decoded.text;
  return { kind: 'table', format, encoding: decoded.encoding, table: parseDelimitedText(text) };
}

const GEOJSON_START = /"type"\s*:\s*"Feature(?:Collection)?"/;

/** The start of a large text, cut at a line end, so a preview of 100,000 rows parses in a moment. */
function previewSlice(text: string): string {
  if (text.length <= PREVIEW_BYTES) return text;
  const cut = text.lastIndexOf('\n', PREVIEW_BYTES);
  return text.slice(0, cut > 0 ? cut : PREVIEW_BYTES);
}

/** Property names across the features, in first-seen order (the "columns" of a GeoJSON file). */
function propertyNames(text: string): string[] {
  const names = new Set<string>();
  for (const props of featureProperties(text)) for (const key of Object.keys(props)) names.add(key);
  return [...names];
}

function sampleProperties(text: string, headers: readonly string[]): string[][] {
  return featureProperties(text)
    .slice(0, SAMPLE_ROWS)
    .map((props) => headers.map((h) => cellText(props[h])));
}

function featureProperties(text: string): Record<string, unknown>[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const obj = (data ?? {}) as { type?: unknown; features?: unknown };
  const features = obj.type === 'Feature' ? [obj] : Array.isArray(obj.features) ? obj.features : [];
  return features.map((f) => {
    const props = (f as { properties?: unknown } | null)?.properties;
    return typeof props === 'object' && props !== null ? (props as Record<string, unknown>) : {};
  });
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
