import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { availableColumns } from '../domain/files/export-columns.ts';
import { exportCsv } from '../domain/files/export-csv.ts';
import { buildGazetteer } from '../domain/geo/gazetteer.ts';
import type { BuildContext } from '../domain/loading/build-resource.ts';
import { parseDelimitedText } from '../domain/loading/parse-csv.ts';
import { parseManifest } from '../domain/model/manifest.ts';
import type { Resource } from '../domain/model/resource.ts';
import {
  type ConfidentialRules,
  confidentialManifest,
  publicVersion,
} from '../domain/publish/confidential.ts';
import { readRecords } from '../domain/shared-map/read-records.ts';
import type { SyncStore } from './sqlite-store.ts';

/** The configuration and gazetteer records are validated with: the app's own data/manifest.json. */
export interface DataConfig {
  readonly context: (file: string) => BuildContext;
  readonly manifest: ReturnType<typeof parseManifest>;
  /** The manifest's confidential rules for a snapshot: internal categories, and every file's internal columns. */
  readonly confidential: ConfidentialRules;
}

/** Reads `<dataDir>/manifest.json` and its gazetteer once. */
export function loadDataConfig(dataDir: string): DataConfig {
  const raw: unknown = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8'));
  const manifest = parseManifest(raw);
  const rules = [...confidentialManifest(raw).rules.values()];
  const gazetteer = buildGazetteer(
    parseDelimitedText(readFileSync(join(dataDir, manifest.gazetteer), 'utf8')).rows,
  );
  return {
    manifest,
    confidential: {
      visibility: 'public',
      internalColumns: [...new Set(rules.flatMap((r) => r.internalColumns))],
      fileCategoryInternal: false,
      internalCategories: rules[0]?.internalCategories ?? [],
    },
    context: (file) => ({
      categories: manifest.categories,
      serviceTags: manifest.serviceTags,
      gazetteer,
      defaults: { file, category: manifest.categories[0]?.id ?? 'other', source: file, visibility: 'public' },
    }),
  };
}

/** What publishing wrote. */
export interface PublishResult {
  readonly version: number;
  readonly recordCount: number;
  readonly at: string;
  readonly file: string;
}

/**
 * Writes a snapshot for residents: the public records of the county's document and of every member's — internal
 * records, the manifest's internal categories and columns, and workshop drafts left out — as the CSV the app's
 * exports write, which `data/` and the build read like any other file. Kept in SQLite and as
 * `<store>/published/<county>/v<N>.csv` and `latest.csv`.
 */
export function publishSnapshot(
  store: SyncStore,
  data: DataConfig,
  county: string,
  by: string,
): PublishResult {
  const resources: Resource[] = [];
  for (const { name } of store.documentsOf(county)) {
    if (!name.startsWith('county/') && !name.startsWith('org/')) continue;
    const { state, log } = store.readDocument(name);
    if (!state && log.length === 0) continue;
    // The full state, then each logged update: merging them into one update first takes as long again.
    const doc = new Y.Doc();
    doc.transact(() => {
      if (state) Y.applyUpdate(doc, state);
      for (const update of log) Y.applyUpdate(doc, update);
    });
    for (const r of readRecords(doc, data.context(name)).resources)
      if (r.visibility === 'public') resources.push(r);
    doc.destroy();
  }
  const exported = exportCsv(resources, availableColumns(resources), {
    language: 'zh-TW',
    categories: data.manifest.categories,
    serviceTags: data.manifest.serviceTags,
  });
  // The build's own confidential rules, as for data/: internal categories' records and internal columns go.
  const safe = publicVersion(exported, data.confidential);
  const csv = safe.bytes ?? new Uint8Array();
  const recordCount = resources.length - (safe.droppedRecords || 0);
  const version = (store.latestPublished(county)?.version ?? 0) + 1;
  const at = new Date().toISOString();
  store.addPublished({ county, version, at, by, recordCount, csv });
  const dir = join(store.dir, 'published', county);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `v${version}.csv`);
  writeFileSync(file, csv);
  writeFileSync(join(dir, 'latest.csv'), csv);
  return { version, recordCount, at, file };
}
