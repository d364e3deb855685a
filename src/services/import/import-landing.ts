import { type Bounds, boundsOf } from '../../domain/geo/bounds.ts';
import { everyIndex } from '../../domain/geo/position-columns.ts';
import { type DuplicateCandidate, findDuplicates } from '../../domain/loading/duplicates.ts';
import type { ImportResult } from '../../domain/loading/import-file.ts';
import type { ImportFormat } from '../../domain/loading/import-format-list.ts';
import { assignUniqueIds } from '../../domain/loading/import-ids.ts';
import type { ImportedDataset } from '../../domain/loading/imported-dataset.ts';
import type { CategoryConfig, ServiceTagConfig } from '../../domain/model/categories.ts';
import type { Resource, Visibility } from '../../domain/model/resource.ts';
import { type AreaOption, areaOptionsOf } from '../../domain/query/area-options.ts';
import {
  buildDataset,
  type Dataset,
  type DatasetConfig,
  datasetOf,
  internalCountOf,
} from '../../domain/query/dataset.ts';
import { buildIndexParts, type IndexParts } from '../../domain/query/index-parts.ts';
import { startYears } from '../../domain/query/start-year.ts';

/**
 * What the importer needs, besides the file, to turn its records into a dataset ready to show: the list of
 * datasets' entry, and the records already on show (their ids stay unique, their repeats are flagged).
 */
export interface LandingRequest {
  /** The new dataset's id; a replaced file keeps its own. */
  readonly datasetId: string;
  readonly fileName: string;
  /** The format the person's file had, when the import worker converted it (KML and KMZ arrive as GeoJSON). */
  readonly format?: ImportFormat;
  /** ISO date and time of the import. */
  readonly importedAt: string;
  readonly visibility: Visibility;
  readonly origin: 'file' | 'url';
  /** The records on show, without those of the dataset this file replaces. */
  readonly existing: readonly DuplicateCandidate[];
  /**
   * Ids of records not on show that an undo could bring back (deleted ones): the import takes none of them
   * either, so that its ids are new to every list the page holds.
   */
  readonly reservedIds: readonly string[];
}

/** An import ready to show: its entry in the list of datasets, and its records. */
export interface LandedImport {
  readonly dataset: ImportedDataset;
  readonly resources: readonly Resource[];
  /**
   * The records' display order, search columns and positions, built with them in the worker: the page merges
   * them with the records on show instead of sorting and normalising 100,000 records. Null when not built.
   */
  readonly parts: IndexParts | null;
  /** What the page would otherwise scan the records for as they land, found in the worker. */
  readonly facts: ListFacts;
  /** Why nothing could be imported (an issue code) when the file gave no rows at all; null otherwise. */
  readonly failure: string | null;
}

/** The few fields duplicate detection and id checks read: what the page sends the worker about its records. */
export function duplicateCandidates(resources: readonly Resource[]): DuplicateCandidate[] {
  return resources.map(({ id, name, address, position, precision }) => ({
    id,
    name,
    address,
    position,
    precision,
  }));
}

/**
 * Turns an import's result into the dataset the page shows: ids made unique against the records on show,
 * duplicates flagged, the report rows following renamed ids. Runs in the import worker.
 */
export function landImport(
  result: ImportResult,
  landing: LandingRequest,
  config: {
    readonly categories: readonly CategoryConfig[];
    readonly serviceTags: readonly ServiceTagConfig[];
  },
): LandedImport {
  const unique = assignUniqueIds(
    result.resources,
    result.rows,
    new Set([...landing.existing.map((r) => r.id), ...landing.reservedIds]),
    landing.fileName,
  );
  // Nothing to show (no rows, or every row rejected: no name column, an unreadable file): nothing is saved, and
  // the reason is said instead.
  const fatal =
    result.resources.length === 0
      ? (result.issues.find((i) => i.severity === 'error' && i.row === undefined)?.code ??
        (result.rows.length === 0 ? 'file-empty' : 'all-rows-rejected'))
      : undefined;
  const parts = buildIndexParts(unique.resources, config.categories, config.serviceTags);
  return {
    dataset: {
      id: landing.datasetId,
      fileName: landing.fileName,
      format: landing.format ?? result.format,
      encoding: result.encoding,
      importedAt: landing.importedAt,
      visibility: landing.visibility,
      origin: landing.origin,
      mapping: result.mapping,
      rows: unique.rows,
      fileNotes: result.issues.filter((i) => i.row === undefined && i.severity !== 'error'),
      duplicates: flagged(landing.existing, unique.resources),
    },
    resources: unique.resources,
    parts,
    facts: listFacts(unique.resources, parts),
    failure: fatal ?? null,
  };
}

/**
 * What the page would otherwise count as an import lands: start years (設立年度) by record, how many records are
 * internal (內部資料), and, with the index parts, the box around the records and their county/town options.
 */
export interface ListFacts {
  readonly startYears: Int32Array;
  readonly internalCount: number;
  readonly bounds?: Bounds | null;
  readonly areaOptions?: readonly AreaOption[];
}

/** The facts of a list of records (in the worker that built them and their index parts). */
export function listFacts(resources: readonly Resource[], parts: IndexParts | null): ListFacts {
  return {
    startYears: startYears(resources),
    internalCount: internalCountOf(resources),
    ...(parts
      ? {
          bounds: boundsOf(parts.positions, everyIndex(parts.positions)),
          areaOptions: areaOptionsOf(parts.columns),
        }
      : {}),
  };
}

/**
 * The import's records as a dataset: with the index the worker built for them (renamed ids change neither order
 * nor search columns), or indexed here when it could not.
 */
export function landedRecords(landed: LandedImport, config: DatasetConfig): Dataset {
  const { resources, parts, facts } = landed;
  if (!parts || facts.startYears.length !== resources.length) return buildDataset(resources, config);
  return datasetOf({ resources, ...parts, ...facts });
}

/**
 * Lands an import again on the page when the records on show changed while the worker ran (the default
 * data arrived, a dataset was removed, a record was corrected): ids and duplicates against the records now.
 */
export function relandImport(
  landed: LandedImport,
  existing: readonly DuplicateCandidate[],
  reservedIds: readonly string[],
): LandedImport {
  const unique = assignUniqueIds(
    landed.resources,
    landed.dataset.rows,
    new Set([...existing.map((r) => r.id), ...reservedIds]),
    landed.dataset.fileName,
  );
  return {
    ...landed,
    dataset: { ...landed.dataset, rows: unique.rows, duplicates: flagged(existing, unique.resources) },
    resources: unique.resources,
  };
}

function flagged(existing: readonly DuplicateCandidate[], imported: readonly Resource[]) {
  return findDuplicates(existing, imported).map((pair) => ({ ...pair, resolution: 'open' as const }));
}
