import type { LoadIssue } from '../model/load-issues.ts';
import type { Visibility } from '../model/resource.ts';
import type { RowResult } from './build-records.ts';
import type { HeaderMapping } from './column-mapping.ts';
import type { TextEncodingName } from './decode-bytes.ts';
import type { DuplicatePair } from './duplicates.ts';
import type { ImportFormat } from './import-format-list.ts';

/**
 * What became of a duplicate the importer flagged. A merge is an office edit (see isMergedAway); 'merged' is
 * what datasets saved before merges could be undone say, whose duplicate left its layer then.
 */
export type DuplicateResolution = 'open' | 'merged' | 'kept';

/** One imported file as the office sees it in the list of datasets (the records are its layer). */
export interface ImportedDataset {
  /** The id of its layer in the data slice. */
  readonly id: string;
  readonly fileName: string;
  readonly format: ImportFormat;
  readonly encoding: TextEncodingName | null;
  /** ISO date and time of the import. */
  readonly importedAt: string;
  readonly visibility: Visibility;
  /** A file the person chose (kept in this browser), or a ?data= link (fetched again on each visit). */
  readonly origin: 'file' | 'url';
  readonly mapping: HeaderMapping;
  /** One report line per row of the file. */
  readonly rows: readonly RowResult[];
  /**
   * What the importer did to the whole file (every coordinate converted from TWD97, the county inferred), said
   * once. Absent in datasets saved before it existed.
   */
  readonly fileNotes?: readonly LoadIssue[];
  readonly duplicates: readonly (DuplicatePair & { readonly resolution: DuplicateResolution })[];
}
