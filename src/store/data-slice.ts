import type { StateCreator } from 'zustand';
import type { FileReport } from '../domain/load-dataset.ts';
import type { LoadIssue } from '../domain/load-issues.ts';
import type { Manifest } from '../domain/manifest.ts';
import type { Resource } from '../domain/resource.ts';
import type { AppState } from './app-store.ts';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** Source data: the configuration, the resources and how they loaded. */
export interface DataSlice {
  readonly manifest: Manifest | null;
  readonly resources: readonly Resource[];
  readonly issues: readonly LoadIssue[];
  readonly fileReports: readonly FileReport[];
  readonly status: LoadStatus;
  /** Why nothing could be loaded at all (e.g. a broken manifest). */
  readonly fatalError: string | null;
  startLoading(): void;
  setDataset(dataset: {
    manifest: Manifest;
    resources: readonly Resource[];
    issues: readonly LoadIssue[];
    fileReports: readonly FileReport[];
  }): void;
  failLoading(reason: string): void;
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set) => ({
  manifest: null,
  resources: [],
  issues: [],
  fileReports: [],
  status: 'idle',
  fatalError: null,
  startLoading: () => set({ status: 'loading', fatalError: null }),
  setDataset: ({ manifest, resources, issues, fileReports }) =>
    set({ manifest, resources, issues, fileReports, status: 'ready', fatalError: null }),
  failLoading: (reason) => set({ status: 'failed', fatalError: reason }),
});
