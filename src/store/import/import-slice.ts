import type { StateCreator } from 'zustand';
import type { HeaderMapping } from '../../domain/loading/column-mapping.ts';
import type { TextEncodingName } from '../../domain/loading/decode-bytes.ts';
import type { ImportPhase, ImportPreview } from '../../domain/loading/import-file.ts';
import type { DuplicateResolution, ImportedDataset } from '../../domain/loading/imported-dataset.ts';
import type { EditMap } from '../../domain/model/edit-map.ts';
import type { Resource } from '../../domain/model/resource.ts';
import type { SaveLoss } from '../../domain/model/save-ledger.ts';
import type { Dataset } from '../../domain/query/dataset.ts';
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

/** An office's own corrections (fields, positions, placements, merges) by record id, as its document holds them. */
export type OfficeEdits = EditMap<Resource>;

/** How many of this tab's own corrections can be undone and redone (the corrections document's undo manager). */
export interface CorrectionSteps {
  readonly undo: number;
  readonly redo: number;
}

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
  /** The corrections on show: what the corrections document holds (store/import/corrections-actions.ts writes it). */
  readonly officeEdits: OfficeEdits;
  readonly correctionSteps: CorrectionSteps;
  /** Corrections the document holds that could not be read (another tab's, an older version's), by record id. */
  readonly correctionIssues: readonly string[];
  readonly importStorage: ImportStorageStatus;
  /** Where saving the corrections document stands (the page shows the worse of this and importStorage). */
  readonly correctionsStorage: ImportStorageStatus;
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
  /** Removes a dataset and its layer (its records' corrections go with `removeDataset`, corrections-actions.ts). */
  removeImportedDataset(id: string): void;
  /** Back to the default data: every import goes (and every correction, with `backToDefaultData`). */
  clearImports(): void;
  showReport(id: string | null): void;
  startPlacing(id: string | null): void;
  startEditing(id: string | null): void;
  startMoving(id: string | null): void;
  /**
   * Shows the corrections the document holds now (null: as they are, only the steps changed) and how many of this
   * tab's own can be undone and redone.
   */
  showOfficeEdits(
    corrections: { readonly edits: OfficeEdits; readonly issues: readonly string[] } | null,
    steps: CorrectionSteps,
  ): void;
  /** Keeps a flagged duplicate as a record of its own (a merge is a correction: see corrections-actions.ts). */
  keepDuplicate(datasetId: string, duplicateId: string): void;
  /** Puts saved datasets back after a reload. */
  hydrateImports(saved: { datasets: readonly ImportedDataset[]; layers: readonly ResourceLayer[] }): void;
  setImportStorage(status: ImportStorageStatus): void;
  setCorrectionsStorage(status: ImportStorageStatus): void;
  setSaveLosses(losses: readonly SaveLoss[]): void;
  dismissSaveLosses(): void;
  setStorageCleared(cleared: boolean): void;
  setStoragePersistent(persistent: boolean | null): void;
  requestSaveAgain(): void;
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

/** Whether two lists hold the same ids in the same order. */
function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Whether two corrections maps hold the very same corrections (the same ids, the same objects). */
function sameEdits(a: OfficeEdits, b: OfficeEdits): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((id) => Object.hasOwn(b, id) && a[id] === b[id]);
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
  officeEdits: NO_EDITS,
  correctionSteps: { undo: 0, redo: 0 },
  correctionIssues: [],
  importStorage: 'idle',
  correctionsStorage: 'idle',
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
    set((s) => ({
      layers: layersWith(s.layers, importLayer(dataset, records, idsAreNew)),
      importedDatasets: s.importedDatasets.some((d) => d.id === dataset.id)
        ? s.importedDatasets.map((d) => (d.id === dataset.id ? dataset : d))
        : [...s.importedDatasets, dataset],
      // A person's file opens its report; a shared link's does not (whoever follows it just sees the data).
      reportDatasetId: dataset.origin === 'file' ? dataset.id : s.reportDatasetId,
    })),
  removeImportedDataset: (id) =>
    set((s) => ({
      layers: s.layers.filter((l) => l.id !== id),
      importedDatasets: s.importedDatasets.filter((d) => d.id !== id),
      reportDatasetId: s.reportDatasetId === id ? null : s.reportDatasetId,
    })),
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
      };
    }),
  showReport: (reportDatasetId) => set({ reportDatasetId }),
  startPlacing: (placingId) => set({ placingId, movingId: null }),
  startEditing: (editingId) => set({ editingId, movingId: null }),
  startMoving: (movingId) => set({ movingId, placingId: null }),
  showOfficeEdits: (corrections, correctionSteps) =>
    set((s) => {
      // What did not change keeps its object, so that nothing reading it works again: a read of an unchanged
      // document (the stored one opening empty) changes nothing on show.
      const stepsChanged =
        correctionSteps.undo !== s.correctionSteps.undo || correctionSteps.redo !== s.correctionSteps.redo;
      const steps = stepsChanged ? { correctionSteps } : {};
      if (!corrections) return steps;
      const issues = sameIds(s.correctionIssues, corrections.issues)
        ? {}
        : { correctionIssues: corrections.issues };
      if (sameEdits(s.officeEdits, corrections.edits)) return { ...steps, ...issues };
      return {
        ...steps,
        ...issues,
        officeEdits: corrections.edits,
        ...projectEdits(s, s.officeEdits, corrections.edits),
      };
    }),
  keepDuplicate: (datasetId, duplicateId) =>
    set((s) => ({
      importedDatasets: s.importedDatasets.map((d) =>
        d.id === datasetId
          ? {
              ...d,
              duplicates: d.duplicates.map((p) =>
                p.duplicateId === duplicateId ? { ...p, resolution: 'kept' as const } : p,
              ),
            }
          : d,
      ),
    })),
  hydrateImports: ({ datasets, layers }) =>
    set((s) => {
      const ids = new Set(layers.map((l) => l.id));
      return {
        layers: [...s.layers.filter((l) => !ids.has(l.id)), ...layers],
        importedDatasets: [...s.importedDatasets.filter((d) => !ids.has(d.id)), ...datasets],
      };
    }),
  setImportStorage: (importStorage) => set({ importStorage }),
  setCorrectionsStorage: (correctionsStorage) => set({ correctionsStorage }),
  setSaveLosses: (saveLosses) => set({ saveLosses }),
  dismissSaveLosses: () => set({ saveLosses: [] }),
  setStorageCleared: (storageCleared) => set({ storageCleared }),
  setStoragePersistent: (storagePersistent) => set({ storagePersistent }),
  requestSaveAgain: () => set((s) => ({ saveAgainRequests: s.saveAgainRequests + 1 })),
  setExportOpen: (exportOpen) => set({ exportOpen }),
  setPrintOpen: (printOpen) => set({ printOpen }),
});
