import { type Bounds, boundsOf } from '../../domain/geo/bounds.ts';
import { everyIndex, type PositionColumns } from '../../domain/geo/position-columns.ts';
import type { FileReport } from '../../domain/loading/load-dataset.ts';
import type { IssueCounts, LoadIssue } from '../../domain/model/load-issues.ts';
import type { Manifest } from '../../domain/model/manifest.ts';
import type { AreaOption } from '../../domain/query/area-options.ts';
import type { PackedSearchColumns, SearchColumns } from '../../domain/query/search-columns.ts';

/** What the dataset worker is asked to load: the data folder's URL. */
export interface DatasetRequest {
  readonly baseUrl: string;
  /** Where to send the positions as soon as they are known: the cluster worker (ClusterClient#connectPort). */
  readonly clusterPort?: MessagePort;
}

/** Sends a dataset request, handing its port over. */
export function sendDatasetRequest(worker: Worker, request: DatasetRequest): void {
  worker.postMessage(request, request.clusterPort ? [request.clusterPort] : []);
}

/** The 'report' message for a load's issues and files (in the worker: it writes the issues as JSON). */
export function reportMessage(
  issues: readonly LoadIssue[],
  files: FileReport[],
  counts: IssueCounts,
): DatasetMessage {
  return { type: 'report', issuesJson: JSON.stringify(issues), issueCount: issues.length, counts, files };
}

/** The positions message (see DatasetMessage), its box counted before the positions are transferred away. */
export function positionsMessage(positions: PositionColumns): DatasetMessage {
  return { type: 'positions', positions, bounds: boundsOf(positions, everyIndex(positions)) };
}

/** Messages from the dataset worker: resources in chunks (with their search text), then the report. */
export type DatasetMessage =
  /**
   * Resources as JSON chunks of PACK_CHUNK, in display order, a few per message: the page parses each message as
   * it arrives, in a short task, while the rest are on their way. JSON.parse is also ~3× faster than
   * structured-clone deserialisation, and gives records of one shape (a few hidden classes).
   */
  | { readonly type: 'chunks'; readonly json: readonly string[] }
  /** The manifest, as soon as it is read: the page shows its filters and basemap while the data downloads. */
  | { readonly type: 'manifest'; readonly manifest: Manifest }
  /**
   * Positions by resource index, sent first (transferred) so that clustering starts while records travel, with
   * the box around every placed one (what the map first fits).
   */
  | { readonly type: 'positions'; readonly positions: PositionColumns; readonly bounds: Bounds | null }
  /**
   * The load report, in a message of its own before 'done'. The issues (thousands, for a messy file) cross as one
   * JSON text, which the page parses only when something reads them (the report, opened): their counts by kind
   * come ready-made.
   */
  | {
      readonly type: 'report';
      readonly issuesJson: string;
      readonly issueCount: number;
      readonly counts: IssueCounts;
      readonly files: FileReport[];
    }
  | {
      readonly type: 'done';
      readonly manifest: Manifest;
      /** How many resources the chunks held (in display order: their display order is 0, 1, 2…). */
      readonly count: number;
      /**
       * The search columns, built here (their typed arrays are transferred, not copied); a compiled pack's with
       * the search text still as its bytes (unpackSearchColumns).
       */
      readonly columns: SearchColumns | PackedSearchColumns;
      /** Records per category code of the columns: counted here. */
      readonly categoryTotals: Int32Array;
      /** Start years (設立年度) by resource index, 0 for none (transferred). */
      readonly startYears: Int32Array;
      /** How many records are internal (內部資料). */
      readonly internalCount: number;
      /** The county/town options (zh-Hant order), worked out here or by the build. */
      readonly areaOptions: readonly AreaOption[];
    }
  | { readonly type: 'failed'; readonly error: string };
