import * as sheetjs from '@e965/xlsx';
import { JSDOM } from 'jsdom';
import type { XmlParser } from '../../src/domain/files/import-kml.ts';
import { parseXml } from '../../src/domain/files/parse-xml.ts';
import type { Boundaries } from '../../src/domain/geo/boundaries.ts';
import { countOutcomes } from '../../src/domain/loading/build-records.ts';
import type { BuildContext, FileDefaults } from '../../src/domain/loading/build-resource.ts';
import {
  type ImportChoices,
  type ImportLibraries,
  type ImportResult,
  importFile,
} from '../../src/domain/loading/import-file.ts';
import { gazetteer, manifest } from './load-context.ts';

const { DOMParser } = new JSDOM('').window;

/** A browser's DOMParser (jsdom's): what KML was read with before the import worker read it with xmldom. */
export const browserParseXml: XmlParser = (text) => new DOMParser().parseFromString(text, 'application/xml');

/** What the import worker gives the importer: SheetJS and its XML parser (xmldom, parse-xml.ts). */
export const libraries: ImportLibraries = { sheetjs, parseXml };

/** An import context as the app builds it for a person's file (the import worker adds the boundaries). */
export function importContext(
  defaults: Partial<FileDefaults> & { file: string },
  boundaries?: Boundaries,
): BuildContext {
  return {
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
    gazetteer,
    ...(boundaries ? { boundaries } : {}),
    defaults: { category: 'community-association', source: defaults.file, visibility: 'public', ...defaults },
  };
}

/** Imports bytes as the app does, with optional choices. */
export function importBytes(
  bytes: Uint8Array,
  defaults: Partial<FileDefaults> & { file: string },
  choices: ImportChoices = {},
  boundaries?: Boundaries,
): ImportResult {
  return importFile(bytes, importContext(defaults, boundaries), choices, libraries);
}

/** The report's promise: every row is imported (incl. fixed/approximate), needs a location, or is rejected. */
export function accountFor(result: ImportResult) {
  const counts = countOutcomes(result.rows);
  const imported = counts.imported + counts.fixed + counts.approximate;
  return {
    ...counts,
    importedTotal: imported,
    sum: imported + counts['needs-location'] + counts.rejected,
    rows: result.rows.length,
    resources: result.resources.length,
  };
}
