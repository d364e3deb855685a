import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ConfidentialRules, publicVersion, UnreadableDataFile } from '../domain/publish/confidential.ts';

/**
 * The paths a manifest lists (the gazetteer, the village centroids and every file), as written. The villages
 * table is place names and positions, like the gazetteer: without it a built site's coverage by village,
 * briefings and village questions would fetch a file that is not there.
 */
export function listedFiles(manifestJson: unknown): string[] {
  const manifest = (typeof manifestJson === 'object' && manifestJson !== null ? manifestJson : {}) as {
    gazetteer?: unknown;
    villages?: unknown;
    files?: unknown;
  };
  const files = Array.isArray(manifest.files) ? (manifest.files as { path?: unknown }[]) : [];
  return [manifest.gazetteer, manifest.villages, ...files.map((f) => f?.path)].filter(
    (p): p is string => typeof p === 'string',
  );
}

interface Report {
  warn(message: string): void;
  /** Stops the build (Rollup's this.error never returns). */
  fail(message: string): never;
}

/**
 * What a public build ships of a data folder, failing closed: only the files the manifest lists, matched
 * exactly (a path whose capitalisation differs from the file on disk is an error, not a match), each in its
 * public version (domain/publish/confidential.ts); a file on disk that the manifest does not list is not
 * published; a listed file that cannot be read stops the build with its name and the reason; a row whose
 * visibility value is not recognised is left out with a warning naming it.
 */
export function publishedFiles(
  folder: { readonly root: string; readonly label: string },
  onDisk: readonly string[],
  listed: readonly string[],
  rules: ReadonlyMap<string, ConfidentialRules>,
  report: Report,
): Map<string, Uint8Array> {
  const { root, label: dataDir } = folder;
  const present = new Set(onDisk);
  for (const name of onDisk) {
    if (name !== 'manifest.json' && !listed.includes(name))
      report.warn(`${dataDir}/${name} is not listed in manifest.json: not published`);
  }
  const shipped = new Map<string, Uint8Array>();
  for (const name of listed) {
    if (!present.has(name)) {
      const near = onDisk.find((f) => f.toLowerCase() === name.toLowerCase());
      report.fail(
        near
          ? `${dataDir}/${name} is listed in manifest.json but the file on disk is ${near}: names must match exactly`
          : `${dataDir}/${name} is listed in manifest.json but missing`,
      );
    }
    const original = new Uint8Array(readFileSync(join(root, name)));
    const fileRules = rules.get(name);
    if (!fileRules) {
      shipped.set(name, original); // the gazetteer: place names, nothing confidential
      continue;
    }
    let version: ReturnType<typeof publicVersion>;
    try {
      version = publicVersion(original, fileRules, name);
    } catch (error) {
      if (error instanceof UnreadableDataFile)
        report.fail(`${dataDir}/${name} cannot be read: ${error.message}`);
      throw error;
    }
    for (const { row, value } of version.unrecognised)
      report.warn(
        `${dataDir}/${name} row ${row}: visibility "${value}" not recognised — treated as internal, not published`,
      );
    if (version.bytes) shipped.set(name, version.bytes);
  }
  return shipped;
}
