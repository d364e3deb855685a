import { type LoadIssue, loadIssue } from '../model/load-issues.ts';
import type { Resource } from '../model/resource.ts';
import { buildRecords } from './build-records.ts';
import type { BuildContext, FileDefaults } from './build-resource.ts';
import { decodeBytes, type TextEncodingName } from './decode-bytes.ts';
import { geojsonToRecords } from './geojson-to-records.ts';
import { parseDelimitedText } from './parse-csv.ts';
import { type MappedRecords, tableToRecords } from './table-to-records.ts';

export type FileFormat = 'csv' | 'geojson';

/** The outcome of loading one file: every data row is either a resource or an error issue. */
export interface LoadedFile {
  readonly file: string;
  readonly format: FileFormat;
  readonly encoding: TextEncodingName | null;
  /** Data rows / features in the file. */
  readonly rowCount: number;
  readonly resources: Resource[];
  readonly issues: LoadIssue[];
}

/** Picks the format from the content, not the file name: JSON starts with `{`. */
export function detectFormat(text: string): FileFormat {
  return /^\s*\{/.test(text) ? 'geojson' : 'csv';
}

/** The whole chain for one file: bytes → text → rows → mapped records → validated resources + issues. */
export function loadFile(
  bytes: Uint8Array,
  context: Omit<BuildContext, 'defaults'> & { defaults: FileDefaults },
  encoding?: TextEncodingName,
): LoadedFile {
  const file = context.defaults.file;
  const decoded = decodeBytes(bytes, encoding);
  const format = detectFormat(decoded.text);
  const mapped: MappedRecords =
    format === 'geojson'
      ? geojsonToRecords(decoded.text, file)
      : tableToRecords(parseDelimitedText(decoded.text), file);
  const { resources, issues } = buildRecords(mapped, context);
  return { file, format, encoding: decoded.encoding, rowCount: mapped.records.length, resources, issues };
}

/** Combines files into one dataset, keeping ids unique (a repeated id gets a suffix and a warning). */
export function mergeLoadedFiles(files: readonly LoadedFile[]): {
  resources: Resource[];
  issues: LoadIssue[];
} {
  const seen = new Set<string>();
  const resources: Resource[] = [];
  const issues: LoadIssue[] = [];
  for (const loaded of files) {
    // A loop, not push(...spread): 100,000 arguments overflow a worker's stack.
    for (const issue of loaded.issues) issues.push(issue);
    for (const resource of loaded.resources) {
      let id = resource.id;
      if (seen.has(id)) {
        let n = 2;
        while (seen.has(`${resource.id}-${n}`)) n++;
        id = `${resource.id}-${n}`;
        issues.push(loadIssue('duplicate-id', loaded.file, { value: resource.id }));
      }
      seen.add(id);
      resources.push(id === resource.id ? resource : { ...resource, id });
    }
  }
  return { resources, issues };
}
