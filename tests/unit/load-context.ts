import { readFileSync } from 'node:fs';
import { buildGazetteer } from '../../src/domain/geo/gazetteer.ts';
import type { BuildContext, FileDefaults } from '../../src/domain/loading/build-resource.ts';
import { type LoadedFile, loadFile } from '../../src/domain/loading/load-file.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { parseManifest } from '../../src/domain/model/manifest.ts';
import { readBytes, repoFile } from './fixture-paths.ts';

/** The app's own configuration and gazetteer, as the embedded data uses them. */
export const manifest = parseManifest(JSON.parse(readFileSync(repoFile('data', 'manifest.json'), 'utf8')));
export const gazetteer = buildGazetteer(
  parseDelimitedText(readFileSync(repoFile('data', manifest.gazetteer), 'utf8')).rows,
);

/** A build context with the manifest's categories and tags; `defaults` are what a manifest entry would give. */
export function contextFor(defaults: Partial<FileDefaults> & { file: string }): BuildContext {
  return {
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
    gazetteer,
    defaults: { category: 'community-association', source: 'test', visibility: 'public', ...defaults },
  };
}

/** Loads a file from disk through the whole chain. */
export function loadPath(path: string, defaults: Partial<FileDefaults> & { file: string }): LoadedFile {
  return loadFile(readBytes(path), contextFor(defaults));
}

/** Loads CSV or GeoJSON text through the whole chain. */
export function loadText(text: string, defaults: Partial<FileDefaults> = {}): LoadedFile {
  return loadFile(new TextEncoder().encode(text), contextFor({ file: 'test.csv', ...defaults }));
}

/**
 * The chain's promise, per file: every data row is a resource, or has an error issue with its row number,
 * or the whole file carries an error (e.g. no name column). Resources do not carry row numbers, so the
 * check is by count: loaded + rejected rows must equal the data rows, and no error may name another row.
 */
export function rowAccounting(loaded: LoadedFile, dataRows: readonly number[]) {
  const fileError = loaded.issues.some((i) => i.severity === 'error' && i.row === undefined);
  const errorRows = new Set(
    loaded.issues.flatMap((i) => (i.severity === 'error' && i.row !== undefined ? [i.row] : [])),
  );
  const known = new Set(dataRows);
  return {
    accounted: fileError
      ? loaded.resources.length === 0
      : loaded.resources.length + errorRows.size === dataRows.length,
    rowCount: loaded.rowCount,
    dataRows: dataRows.length,
    strayErrorRows: [...errorRows].filter((row) => !known.has(row)),
  };
}
