/**
 * Runs in Chromium (bundled by local-docs-bench.ts): restoring and saving a workshop of N changed records, today's
 * way (one IndexedDB snapshot of the undo history, written whole on every change) and as a local document
 * (y-indexeddb, read back before "saved"); and the office's corrections document (N corrected records).
 */
import { openDB } from 'idb';
import { readCorrections, writeCorrection } from '../../src/domain/corrections/corrections-document.ts';
import { buildGazetteer } from '../../src/domain/geo/gazetteer.ts';
import type { BuildContext } from '../../src/domain/loading/build-resource.ts';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Manifest } from '../../src/domain/model/manifest.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import type { UndoHistory } from '../../src/domain/model/undo-history.ts';
import type { WorkshopDoc } from '../../src/domain/workshop/workshop-doc.ts';
import {
  readWorkshopDocument,
  rereadWorkshopRecords,
  writeWorkshopRecord,
} from '../../src/domain/workshop/workshop-document.ts';
import type { StoredDataset } from '../../src/services/import/import-database.ts';
import { readImportedFile, writeImportedFile } from '../../src/services/import/imported-file-document.ts';
import { deleteImportedFile } from '../../src/services/import/imported-files.ts';
import { BrowserLocalDocument } from '../../src/services/local-docs/local-document.ts';

const author = { org: '', name: '王小明', at: '2026-03-12T09:00:00.000Z' };

function changed(i: number, manifest: Manifest): Resource {
  return {
    id: `chiayi-${i}`,
    name: `嘉義縣民雄鄉第 ${i} 社區照顧關懷據點`,
    category: manifest.categories[i % manifest.categories.length]?.id ?? 'other',
    services: [],
    address: `嘉義縣民雄鄉中正路 ${i} 號`,
    county: '嘉義縣',
    town: '民雄鄉',
    position: toLatLng(23.5 + (i % 100) / 1000, 120.4 + (i % 97) / 1000),
    precision: 'exact',
    phones: ['05-2201234'],
    description: '週一至週五上午九點到下午五點，提供長者共餐、健康促進與關懷訪視。',
    source: '嘉義縣政府',
    lastVerified: '2026-03-12',
    visibility: 'public',
    extra: { 工作坊異動: '修改', 工作坊日期: '2026-03-12', 工作坊記錄者: '王小明' },
  };
}

const ms = (from: number) => Math.round((performance.now() - from) * 10) / 10;

async function today(n: number, manifest: Manifest, name: string) {
  // The old slice recorded a step per change (100 kept); the snapshot held the whole history.
  let history: UndoHistory<WorkshopDoc> = {
    past: [],
    present: { additions: [], edits: {}, deletions: [] },
    future: [],
  };
  for (let i = 0; i < n; i++) {
    const present = history.present;
    const next = { ...present, edits: { ...present.edits, [`chiayi-${i}`]: changed(i, manifest) } };
    history = { past: [...history.past, present].slice(-100), present: next, future: [] };
  }
  const snapshot = { version: 1, history, facilitator: '王小明', editing: true, draft: null, moving: null };
  const db = await openDB(name, 1, { upgrade: (d) => d.createObjectStore('workshop') });
  let t = performance.now();
  await db.put('workshop', snapshot, 'current');
  const saveOne = ms(t);
  db.close();
  t = performance.now();
  const again = await openDB(name, 1);
  const read = (await again.get('workshop', 'current')) as typeof snapshot;
  const restore = ms(t);
  again.close();
  return { restore, saveOne, records: Object.keys(read.history.present.edits).length };
}

async function asDocument(n: number, manifest: Manifest, name: string) {
  const ctx: BuildContext = {
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
    gazetteer: buildGazetteer([]),
    defaults: { file: 'bench', category: 'other', source: 'bench', visibility: 'public' },
  };
  const first = new BrowserLocalDocument(name, { persist: true, relay: false });
  await first.whenLoaded;
  for (let i = 0; i < n; i++)
    first.transact((doc) => writeWorkshopRecord(doc, changed(i, manifest), 'edited', author));
  // y-indexeddb merges its stored updates into one 1 s after the 500th (a tab left open does).
  await new Promise((r) => setTimeout(r, 1500));
  if (!(await first.confirmStored())) throw new Error('not stored');
  first.destroy();
  let t = performance.now();
  const local = new BrowserLocalDocument(name, { persist: true, relay: false });
  await local.whenLoaded;
  const loaded = ms(t);
  const read = readWorkshopDocument(local.doc, ctx);
  const restore = ms(t);
  // The page reads storage back once on start (saved); each change after that reads only what came after.
  t = performance.now();
  await local.confirmStored();
  const firstCheck = ms(t);
  t = performance.now();
  local.transact((doc) =>
    writeWorkshopRecord(doc, { ...changed(7, manifest), name: '改過的名字' }, 'edited', author),
  );
  // As the store follows a change: only the record it touched is read again.
  const onePage = { workshop: rereadWorkshopRecords(local.doc, read.workshop, new Set(['chiayi-7']), ctx) };
  const shown = ms(t);
  const stored = await local.confirmStored();
  const saveOne = ms(t);
  local.destroy();
  return {
    loaded,
    restore,
    firstCheck,
    shown,
    saveOne,
    stored,
    records: Object.keys(read.workshop.edits).length,
    renamed: onePage.workshop.edits['chiayi-7']?.name,
  };
}

/** The office's corrections document (local/corrections): n corrected records restored, one more saved. */
async function asCorrections(n: number, manifest: Manifest, name: string) {
  const ctx: BuildContext = {
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
    gazetteer: buildGazetteer([]),
    defaults: { file: 'local/corrections', category: 'other', source: '', visibility: 'public' },
  };
  const first = new BrowserLocalDocument(name, { persist: true, relay: false });
  await first.whenLoaded;
  for (let i = 0; i < n; i++) first.transact((doc) => writeCorrection(doc, changed(i, manifest), author));
  await new Promise((r) => setTimeout(r, 1500));
  if (!(await first.confirmStored())) throw new Error('not stored');
  first.destroy();
  let t = performance.now();
  const local = new BrowserLocalDocument(name, { persist: true, relay: false });
  await local.whenLoaded;
  const loaded = ms(t);
  const read = readCorrections(local.doc, ctx);
  const restore = ms(t);
  t = performance.now();
  await local.confirmStored();
  const firstCheck = ms(t);
  t = performance.now();
  local.transact((doc) => writeCorrection(doc, { ...changed(7, manifest), name: '改過的名字' }, author));
  const next = readCorrections(local.doc, ctx, { previous: read, ids: new Set(['chiayi-7']) });
  const shown = ms(t);
  const stored = await local.confirmStored();
  const saveOne = ms(t);
  local.destroy();
  return {
    loaded,
    restore,
    firstCheck,
    shown,
    saveOne,
    stored,
    records: Object.keys(read.edits).length,
    renamed: next.edits['chiayi-7']?.name,
  };
}

/**
 * An imported file of n records kept as the app keeps it: a local document of its own, written (JSON bytes, read
 * back, noted saved) and read with the import worker's own functions, here on the page's thread; and, for
 * comparison, as the versions before kept it (one entry of crm-imports' `datasets`, by structured clone).
 */
async function importFile(n: number, manifest: Manifest, run: number) {
  const resources = Array.from({ length: n }, (_, i) => changed(i, manifest));
  const id = `bench-${n}-${run}`;
  const stored = {
    version: 1 as const,
    id,
    dataset: {
      id,
      fileName: 'bench.csv',
      rows: resources.map((r, i) => ({ row: i + 2, id: r.id })),
    },
    resources,
  } as unknown as StoredDataset;
  const db = await openDB(`bench-before-${id}`, 1, { upgrade: (d) => d.createObjectStore('datasets') });
  let t = performance.now();
  const tx = db.transaction('datasets', 'readwrite', { durability: 'strict' });
  await Promise.all([tx.store.put(stored, id), tx.done]);
  const beforeWrite = ms(t);
  db.close();
  t = performance.now();
  const again = await openDB(`bench-before-${id}`, 1);
  await again.get('datasets', id);
  const beforeRead = ms(t);
  again.close();

  t = performance.now();
  await writeImportedFile(stored);
  const write = ms(t);
  t = performance.now();
  const read = await readImportedFile(id);
  const readBack = ms(t);
  t = performance.now();
  await writeImportedFile({ ...stored, dataset: { ...stored.dataset, fileName: 'bench-2.csv' } });
  const replace = ms(t);
  t = performance.now();
  await deleteImportedFile(id);
  const remove = ms(t);
  return {
    beforeWrite,
    beforeRead,
    write,
    read: readBack,
    replace,
    remove,
    records: read?.resources.length ?? -1,
  };
}

(window as unknown as { importFileBench: unknown }).importFileBench = async (n: number, run: number) => {
  const manifest = (await (await fetch('/data/manifest.json')).json()) as Manifest;
  return { file: await importFile(n, manifest, run) };
};

(window as unknown as { localDocsBench: unknown }).localDocsBench = async (n: number, run: number) => {
  const manifest = (await (await fetch('/data/manifest.json')).json()) as Manifest;
  return {
    today: await today(n, manifest, `bench-old-${n}-${run}`),
    document: await asDocument(n, manifest, `bench-doc-${n}-${run}`),
    corrections: await asCorrections(n, manifest, `bench-corrections-${n}-${run}`),
  };
};
