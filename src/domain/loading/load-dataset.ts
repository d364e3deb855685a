import { buildGazetteer } from '../geo/gazetteer.ts';
import { type LoadIssue, loadIssue } from '../model/load-issues.ts';
import type { Manifest } from '../model/manifest.ts';
import type { Resource } from '../model/resource.ts';
import { type LoadedFile, loadFile, mergeLoadedFiles } from './load-file.ts';
import { parseDelimitedText } from './parse-csv.ts';

/** A manifest file as fetched: its bytes, or why it could not be had. */
export type FetchedFile =
  | { readonly path: string; readonly bytes: Uint8Array }
  | { readonly path: string; readonly error: string };

/** One line of the load report per file. */
export interface FileReport {
  readonly file: string;
  readonly ok: boolean;
  readonly format?: LoadedFile['format'];
  readonly encoding?: LoadedFile['encoding'];
  readonly rowCount: number;
  readonly resourceCount: number;
  readonly sample: boolean;
  readonly error?: string;
}

export interface LoadedDataset {
  readonly resources: Resource[];
  readonly issues: LoadIssue[];
  readonly files: FileReport[];
}

/**
 * Loads every file of a manifest through the same chain as a user's import. A missing or broken file
 * becomes a file-level issue and a failed line in the report; the other files still load.
 */
export function loadDataset(
  manifest: Manifest,
  gazetteerText: string,
  fetched: readonly FetchedFile[],
): LoadedDataset {
  const gazetteer = buildGazetteer(parseDelimitedText(gazetteerText).rows);
  const loaded: LoadedFile[] = [];
  const reports: FileReport[] = [];
  const fileIssues: LoadIssue[] = [];
  for (const spec of manifest.files) {
    const file = fetched.find((f) => f.path === spec.path);
    if (!file || 'error' in file) {
      const error = file && 'error' in file ? file.error : 'not fetched';
      fileIssues.push(loadIssue('file-missing', spec.path, { value: error }));
      reports.push({ file: spec.path, ok: false, rowCount: 0, resourceCount: 0, sample: spec.sample, error });
      continue;
    }
    const result = loadFile(file.bytes, {
      categories: manifest.categories,
      serviceTags: manifest.serviceTags,
      gazetteer,
      defaults: {
        file: spec.path,
        category: spec.category,
        county: spec.county,
        source: spec.source,
        visibility: spec.visibility,
      },
    });
    loaded.push(result);
    const fatal = result.issues.find((i) => i.severity === 'error' && i.row === undefined);
    reports.push({
      file: spec.path,
      ok: !fatal,
      format: result.format,
      encoding: result.encoding,
      rowCount: result.rowCount,
      resourceCount: result.resources.length,
      sample: spec.sample,
      ...(fatal ? { error: fatal.code } : {}),
    });
  }
  const merged = mergeLoadedFiles(loaded);
  return { resources: merged.resources, issues: [...fileIssues, ...merged.issues], files: reports };
}
