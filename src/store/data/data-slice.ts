import type { StateCreator } from 'zustand';
import type { FileReport } from '../../domain/loading/load-dataset.ts';
import type { IssueCounts } from '../../domain/model/load-issues.ts';
import type { Manifest } from '../../domain/model/manifest.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { type Dataset, EMPTY_DATASET } from '../../domain/query/dataset.ts';
import type { AppState } from '../app-store.ts';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

/**
 * Resources added on top of the default data: an office's import, a workshop's additions, or a shared map's
 * document (`shared`, one layer per document, its id the document's name), or a shared workshop's pending
 * proposals (`proposals`). Each layer keeps its own records
 * (indexed) and report, so it can be listed, removed, replaced or exported on its own.
 */
export interface ResourceLayer {
  readonly id: string;
  readonly kind: 'import' | 'workshop' | 'shared' | 'proposals';
  readonly label: string;
  readonly dataset: Dataset;
  /**
   * No id of this layer is in the default data or the layers before it: the import worker made them new to every
   * list on show, deleted records included. Then putting the lists together need not look for repeats.
   */
  readonly idsAreNew?: boolean;
}

/** How the default data loaded: the files, and the issues found in them (as JSON, parsed when the report opens). */
export interface LoadReportData {
  readonly files: readonly FileReport[];
  readonly issueCount: number;
  readonly issueCounts: IssueCounts;
  /** The issues as one JSON text: thousands for a messy file, which the page reads only when the report opens. */
  readonly issuesJson: string;
}

export const NO_LOAD_REPORT: LoadReportData = { files: [], issueCount: 0, issueCounts: {}, issuesJson: '[]' };

/** Source data: the configuration, the resources and how they loaded. */
export interface DataSlice {
  readonly manifest: Manifest | null;
  /** The default data (data/ and its manifest), indexed. */
  readonly base: Dataset;
  readonly loadReport: LoadReportData;
  readonly status: LoadStatus;
  /** Why nothing could be loaded at all (e.g. a broken manifest). */
  readonly fatalError: string | null;
  /** Imported and workshop layers, in the order they were added. */
  readonly layers: readonly ResourceLayer[];
  /** Edited records by id (they replace the original wherever it came from). */
  readonly edits: Readonly<Record<string, Resource>>;
  /** Ids of records the person deleted (kept so the deletion can be undone and exported). */
  readonly deletedIds: readonly string[];
  startLoading(): void;
  /**
   * The configuration, as soon as it is read (the records follow): filters, legend and basemap can show while
   * the data downloads. Ignored once the data has landed or failed.
   */
  showManifest(manifest: Manifest): void;
  setDataset(loaded: { manifest: Manifest; dataset: Dataset; report: LoadReportData }): void;
  failLoading(reason: string): void;
  /** Adds a layer, or replaces the layer with the same id. */
  putLayer(layer: ResourceLayer): void;
  removeLayer(id: string): void;
  /** Stores an edited copy of a record. */
  editResource(resource: Resource): void;
  setDeleted(id: string, deleted: boolean): void;
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set) => ({
  manifest: null,
  base: EMPTY_DATASET,
  loadReport: NO_LOAD_REPORT,
  status: 'idle',
  fatalError: null,
  startLoading: () => set({ status: 'loading', fatalError: null }),
  showManifest: (manifest) => set((s) => (s.status === 'loading' ? { manifest } : {})),
  setDataset: ({ manifest, dataset, report }) =>
    set({ manifest, base: dataset, loadReport: report, status: 'ready', fatalError: null }),
  failLoading: (reason) => set({ status: 'failed', fatalError: reason }),
  layers: [],
  edits: {},
  deletedIds: [],
  putLayer: (layer) =>
    set((s) => ({
      layers: s.layers.some((l) => l.id === layer.id)
        ? s.layers.map((l) => (l.id === layer.id ? layer : l))
        : [...s.layers, layer],
    })),
  removeLayer: (id) => set((s) => ({ layers: s.layers.filter((l) => l.id !== id) })),
  editResource: (resource) => set((s) => ({ edits: { ...s.edits, [resource.id]: resource } })),
  setDeleted: (id, deleted) =>
    set((s) => ({
      deletedIds: deleted
        ? s.deletedIds.includes(id)
          ? s.deletedIds
          : [...s.deletedIds, id]
        : s.deletedIds.filter((d) => d !== id),
    })),
});
