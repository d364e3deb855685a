import type { StateCreator } from 'zustand';
import { carryPlacements } from '../../domain/loading/carry-placements.ts';
import type { HeaderMapping } from '../../domain/loading/column-mapping.ts';
import type { TextEncodingName } from '../../domain/loading/decode-bytes.ts';
import { mergeDuplicate } from '../../domain/loading/duplicates.ts';
import type { ImportPhase, ImportPreview } from '../../domain/loading/import-file.ts';
import type { DuplicateResolution, ImportedDataset } from '../../domain/loading/imported-dataset.ts';
import {
  type EditChanges,
  type EditMap,
  withChangesFromElsewhere,
} from '../../domain/model/edits-elsewhere.ts';
import type { Resource } from '../../domain/model/resource.ts';
import type { SaveLoss } from '../../domain/model/save-ledger.ts';
import { record, redo, startHistory, type UndoHistory, undo } from '../../domain/model/undo-history.ts';
import { type Dataset, recordById } from '../../domain/query/dataset.ts';
import type { AppState } from '../app-store.ts';
import type { ResourceLayer } from '../data/data-slice.ts';

/** A file between "dropped" and "imported": read, waiting for the person's confirmation, or running. */
export interface ImportJob {
  readonly id: string;
  readonly fileName: string;
  readonly stage: 'reading' | 'confirm' | 'running';
  readonly preview: ImportPreview | null;
  /** The mapping to show: remembered for this header set, or detected. */
  readonly mapping: HeaderMapping;
  readonly remembered: boolean;
  readonly progress: { readonly phase: ImportPhase; readonly done: number; readonly total: number } | null;
  /** The dataset this file replaces, when the person chose "replace". */
  readonly replaceId: string | null;
  /** Files still waiting after this one. */
  readonly queued: number;
  /** The encoding the content suggested, and the person's override of it (null: detection stands). */
  readonly detectedEncoding: TextEncodingName | null;
  readonly encodingOverride: TextEncodingName | null;
}

/** An office's own corrections (fields, positions, placements): the present state with undo and redo. */
export type OfficeEdits = EditMap<Resource>;

/**
 * A `?data=` link on its way to the map: waiting for the person's yes (`confirm`), downloading and importing
 * (`loading`), or refused with a reason (an issue code or a message). Once its records are shown this is null
 * again: what is on show is the dataset of origin 'url'.
 */
export interface DataLinkState {
  /** The link's URL (for a refused link, the text as it was written). */
  readonly url: string;
  /** Its host as a person should read it ('' when the text is no URL). */
  readonly host: string;
  readonly stage: 'confirm' | 'loading' | 'failed';
  readonly reason?: string;
}

/**
 * Where saving stands: `saving` while anything is not written yet; `saved` only once everything on show is written
 * and storage was checked to hold it; `failed` while a write failed and what it held is still unwritten; `unsaved`
 * while storage was cleared under the page and nothing is written until the person says so.
 */
export type ImportStorageStatus =
  | 'idle'
  | 'loading'
  | 'saving'
  | 'saved'
  | 'failed'
  | 'unsaved'
  | 'unavailable';

export interface ImportSlice {
  readonly importJob: ImportJob | null;
  /** The last file that could not be read at all, and why (an issue code or a message). */
  readonly importError: { readonly fileName: string; readonly reason: string } | null;
  readonly importedDatasets: readonly ImportedDataset[];
  readonly dataLink: DataLinkState | null;
  /** The dataset whose report is open. */
  readonly reportDatasetId: string | null;
  /** The record being placed by clicking the map. */
  readonly placingId: string | null;
  /** The record open in the edit form. */
  readonly editingId: string | null;
  /** The record whose marker can be dragged. */
  readonly movingId: string | null;
  readonly officeEdits: UndoHistory<OfficeEdits>;
  readonly importStorage: ImportStorageStatus;
  /** What a previous visit saved or was saving and storage does not hold, until the person acknowledges it. */
  readonly saveLosses: readonly SaveLoss[];
  /** Storage was cleared while the page was open (site data cleared): what is on show is no longer saved. */
  readonly storageCleared: boolean;
  /** Whether the browser keeps this site's storage under pressure (null: not asked, or it cannot tell). */
  readonly storagePersistent: boolean | null;
  /** Counts the person's requests to write everything again (after a failure, or storage cleared). */
  readonly saveAgainRequests: number;
  readonly exportOpen: boolean;
  readonly printOpen: boolean;
  setImportJob(job: ImportJob | null): void;
  setImportError(error: ImportSlice['importError']): void;
  setDataLink(link: DataLinkState | null): void;
  /**
   * Shows an imported file: its records as a layer of kind 'import', its report in the list of datasets.
   * A dataset with the id of an existing one replaces it (the person chose "replace").
   */
  /** `idsAreNew`: the import worker made its ids new to every record the page holds (see ResourceLayer). */
  addImportedDataset(dataset: ImportedDataset, records: Dataset, idsAreNew?: boolean): void;
  /** Removes a dataset, its layer and the office's edits of its records. */
  removeImportedDataset(id: string): void;
  /** Back to the default data: every import and every office edit goes. */
  clearImports(): void;
  showReport(id: string | null): void;
  startPlacing(id: string | null): void;
  startEditing(id: string | null): void;
  startMoving(id: string | null): void;
  /** Records a corrected copy of a record (undoable). */
  commitOfficeEdit(resource: Resource): void;
  undoOfficeEdit(): void;
  redoOfficeEdit(): void;
  resolveDuplicate(datasetId: string, duplicateId: string, resolution: 'merged' | 'kept'): void;
  /** Puts saved datasets and edits back after a reload. */
  hydrateImports(saved: {
    datasets: readonly ImportedDataset[];
    layers: readonly ResourceLayer[];
    edits?: UndoHistory<OfficeEdits>;
  }): void;
  setImportStorage(status: ImportStorageStatus): void;
  setSaveLosses(losses: readonly SaveLoss[]): void;
  dismissSaveLosses(): void;
  setStorageCleared(cleared: boolean): void;
  setStoragePersistent(persistent: boolean | null): void;
  requestSaveAgain(): void;
  /**
   * Takes corrections another tab saved (null: it undid one) into this tab's present and into every undo state,
   * so that this tab's undo never takes them back.
   */
  applyStoredEdits(changes: EditChanges<Resource>): void;
  setExportOpen(open: boolean): void;
  setPrintOpen(open: boolean): void;
}

const NO_EDITS: OfficeEdits = {};

/** The office's edits as entries of the shared `edits`; entries other features own stay as they are. */
function projectEdits(s: AppState, previous: OfficeEdits, next: OfficeEdits): Partial<AppState> {
  const edits: Record<string, Resource> = { ...s.edits };
  for (const id of Object.keys(previous)) if (!(id in next)) delete edits[id];
  Object.assign(edits, next);
  return { edits };
}

function withoutIds(edits: OfficeEdits, ids: ReadonlySet<string>): OfficeEdits {
  const out: Record<string, Resource> = {};
  for (const [id, r] of Object.entries(edits)) if (!ids.has(id)) out[id] = r;
  return out;
}

/**
 * Whether a flagged pair is merged: by an office edit that stands (the duplicate's edit is the kept record), or,
 * in datasets saved before merges were undoable, by its resolution.
 */
export function isMergedAway(
  pair: { readonly duplicateId: string; readonly resolution: DuplicateResolution },
  edits: OfficeEdits,
): boolean {
  const edit = edits[pair.duplicateId];
  return pair.resolution === 'merged' || (edit !== undefined && edit.id !== pair.duplicateId);
}

/** How many records the office corrected: a record merged away into another is not counted apart. */
export function correctedCount(edits: OfficeEdits): number {
  let count = 0;
  for (const id in edits) if (edits[id]?.id === id) count++;
  return count;
}

/** The layers with this one added, or put in place of the layer with its id. */
export function layersWith(layers: readonly ResourceLayer[], layer: ResourceLayer): readonly ResourceLayer[] {
  return layers.some((l) => l.id === layer.id)
    ? layers.map((l) => (l.id === layer.id ? layer : l))
    : [...layers, layer];
}

/** The layer an imported dataset is shown as. */
export function importLayer(dataset: ImportedDataset, records: Dataset, idsAreNew = false): ResourceLayer {
  return { id: dataset.id, kind: 'import', label: dataset.fileName, dataset: records, idsAreNew };
}

export const createImportSlice: StateCreator<AppState, [], [], ImportSlice> = (set) => ({
  importJob: null,
  importError: null,
  importedDatasets: [],
  dataLink: null,
  reportDatasetId: null,
  placingId: null,
  editingId: null,
  movingId: null,
  officeEdits: startHistory(NO_EDITS),
  importStorage: 'idle',
  saveLosses: [],
  storageCleared: false,
  storagePersistent: null,
  saveAgainRequests: 0,
  exportOpen: false,
  printOpen: false,
  setImportJob: (importJob) => set({ importJob }),
  setImportError: (importError) => set({ importError }),
  setDataLink: (dataLink) => set({ dataLink }),
  addImportedDataset: (dataset, records, idsAreNew = false) =>
    set((s) => {
      const layer = importLayer(dataset, records, idsAreNew);
      const old = s.layers.find((l) => l.id === dataset.id);
      // A replaced file's records start afresh: the office's edits of the old records go with them, but for the
      // places it set by hand on records the new file still cannot place (found by name and address).
      const carried = old
        ? carryPlacements(old.dataset.resources, s.officeEdits.present, records.resources)
        : {};
      const present = old
        ? {
            ...withoutIds(s.officeEdits.present, new Set(old.dataset.resources.map((r) => r.id))),
            ...carried,
          }
        : s.officeEdits.present;
      return {
        layers: layersWith(s.layers, layer),
        importedDatasets: s.importedDatasets.some((d) => d.id === dataset.id)
          ? s.importedDatasets.map((d) => (d.id === dataset.id ? dataset : d))
          : [...s.importedDatasets, dataset],
        // A person's file opens its report; a shared link's does not (whoever follows it just sees the data).
        reportDatasetId: dataset.origin === 'file' ? dataset.id : s.reportDatasetId,
        ...(present === s.officeEdits.present
          ? {}
          : {
              officeEdits: record(s.officeEdits, present),
              ...projectEdits(s, s.officeEdits.present, present),
            }),
      };
    }),
  removeImportedDataset: (id) =>
    set((s) => {
      const layer = s.layers.find((l) => l.id === id);
      const ids = new Set(layer?.dataset.resources.map((r) => r.id) ?? []);
      const present = withoutIds(s.officeEdits.present, ids);
      return {
        layers: s.layers.filter((l) => l.id !== id),
        importedDatasets: s.importedDatasets.filter((d) => d.id !== id),
        reportDatasetId: s.reportDatasetId === id ? null : s.reportDatasetId,
        officeEdits: present === s.officeEdits.present ? s.officeEdits : record(s.officeEdits, present),
        ...projectEdits(s, s.officeEdits.present, present),
      };
    }),
  clearImports: () =>
    set((s) => {
      const importIds = new Set(s.importedDatasets.map((d) => d.id));
      return {
        layers: s.layers.filter((l) => !importIds.has(l.id)),
        importedDatasets: [],
        reportDatasetId: null,
        placingId: null,
        editingId: null,
        movingId: null,
        officeEdits: startHistory(NO_EDITS),
        ...projectEdits(s, s.officeEdits.present, NO_EDITS),
      };
    }),
  showReport: (reportDatasetId) => set({ reportDatasetId }),
  startPlacing: (placingId) => set({ placingId, movingId: null }),
  startEditing: (editingId) => set({ editingId, movingId: null }),
  startMoving: (movingId) => set({ movingId, placingId: null }),
  commitOfficeEdit: (resource) =>
    set((s) => {
      const present = { ...s.officeEdits.present, [resource.id]: resource };
      return {
        officeEdits: record(s.officeEdits, present),
        ...projectEdits(s, s.officeEdits.present, present),
      };
    }),
  undoOfficeEdit: () =>
    set((s) => {
      const history = undo(s.officeEdits);
      return { officeEdits: history, ...projectEdits(s, s.officeEdits.present, history.present) };
    }),
  redoOfficeEdit: () =>
    set((s) => {
      const history = redo(s.officeEdits);
      return { officeEdits: history, ...projectEdits(s, s.officeEdits.present, history.present) };
    }),
  resolveDuplicate: (datasetId, duplicateId, resolution) =>
    set((s) => {
      const dataset = s.importedDatasets.find((d) => d.id === datasetId);
      const pair = dataset?.duplicates.find((p) => p.duplicateId === duplicateId);
      if (!dataset || !pair) return {};
      if (resolution === 'kept') {
        return {
          importedDatasets: s.importedDatasets.map((d) =>
            d.id === datasetId
              ? { ...d, duplicates: d.duplicates.map((p) => (p === pair ? { ...p, resolution } : p)) }
              : d,
          ),
        };
      }
      // A merge is an office edit, undone and redone with the others: the kept record takes what the duplicate
      // knew, and the duplicate's own edit is that record, whose other id hides it (see derived.ts). The pair
      // stays open in the dataset, and counts as merged while that edit stands (isMergedAway).
      const find = (id: string) =>
        s.officeEdits.present[id] ??
        s.edits[id] ??
        [s.base, ...s.layers.map((l) => l.dataset)].map((d) => recordById(d, id)).find((r) => r !== null);
      const keep = find(pair.keepId);
      const duplicate = find(pair.duplicateId);
      if (!keep || !duplicate) return {};
      const merged = mergeDuplicate(keep, duplicate);
      const present = { ...s.officeEdits.present, [keep.id]: merged, [duplicateId]: merged };
      return {
        officeEdits: record(s.officeEdits, present),
        ...projectEdits(s, s.officeEdits.present, present),
      };
    }),
  hydrateImports: ({ datasets, layers, edits }) =>
    set((s) => {
      const ids = new Set(layers.map((l) => l.id));
      const history = edits ?? s.officeEdits;
      return {
        layers: [...s.layers.filter((l) => !ids.has(l.id)), ...layers],
        importedDatasets: [...s.importedDatasets.filter((d) => !ids.has(d.id)), ...datasets],
        officeEdits: history,
        ...projectEdits(s, s.officeEdits.present, history.present),
      };
    }),
  setImportStorage: (importStorage) => set({ importStorage }),
  setSaveLosses: (saveLosses) => set({ saveLosses }),
  dismissSaveLosses: () => set({ saveLosses: [] }),
  setStorageCleared: (storageCleared) => set({ storageCleared }),
  setStoragePersistent: (storagePersistent) => set({ storagePersistent }),
  requestSaveAgain: () => set((s) => ({ saveAgainRequests: s.saveAgainRequests + 1 })),
  applyStoredEdits: (changes) =>
    set((s) => {
      const history = withChangesFromElsewhere(s.officeEdits, changes);
      if (history === s.officeEdits) return {};
      return { officeEdits: history, ...projectEdits(s, s.officeEdits.present, history.present) };
    }),
  setExportOpen: (exportOpen) => set({ exportOpen }),
  setPrintOpen: (printOpen) => set({ printOpen }),
});
