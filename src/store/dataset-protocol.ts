import type { FileReport } from '../domain/load-dataset.ts';
import type { LoadIssue } from '../domain/load-issues.ts';
import type { Manifest } from '../domain/manifest.ts';
import type { Resource } from '../domain/resource.ts';

/** Messages from the dataset worker: resources in chunks (with their search text), then the report. */
export type DatasetMessage =
  | { readonly type: 'chunk'; readonly resources: Resource[]; readonly searchTexts: string[] }
  | {
      readonly type: 'done';
      readonly manifest: Manifest;
      readonly issues: LoadIssue[];
      readonly files: FileReport[];
      /** The display order of all the resources sent, sorted here rather than on the main thread. */
      readonly order: number[];
    }
  | { readonly type: 'failed'; readonly error: string };
