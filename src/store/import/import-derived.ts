import type { Resource } from '../../domain/model/resource.ts';
import type { AppState } from '../app-store.ts';
import { selectDataset, selectFilterResult, selectResources } from '../data/derived.ts';
import { memoizeLast } from '../memoize-last.ts';
import type { ImportStorageStatus } from './import-slice.ts';

const needsLocationOf = memoizeLast(
  (resources: readonly Resource[], layers: AppState['layers']): readonly Resource[] => {
    // Imported records without a position (few), then their current versions (edits applied) still without one.
    const unplaced = new Set<string>();
    for (const layer of layers) {
      if (layer.kind !== 'import') continue;
      for (const r of layer.dataset.resources) if (r.position === null) unplaced.add(r.id);
    }
    return unplaced.size === 0 ? [] : resources.filter((r) => r.position === null && unplaced.has(r.id));
  },
);

/** Imported records without a position (edits applied): the "needs a location" list. */
export const selectNeedsLocation = (s: AppState): readonly Resource[] =>
  needsLocationOf(selectResources(s), s.layers);

const filteredOf = memoizeLast(
  (resources: readonly Resource[], visible: readonly number[]): readonly Resource[] =>
    visible.flatMap((i) => {
      const r = resources[i];
      return r ? [r] : [];
    }),
);

/** The filtered list, in display order: exactly what the list shows, and what an export or print contains. */
export const selectFilteredResources = (s: AppState): readonly Resource[] =>
  filteredOf(selectDataset(s).resources, selectFilterResult(s).visible);

/** Whether any record on show is internal (內部資料 is then said on screen and in exports). */
export const selectHasInternal = (s: AppState): boolean => selectDataset(s).internalCount > 0;

/** From least to most in need of the person's attention: the page shows the worse of two statuses. */
const STATUS_WEIGHT: Readonly<Record<ImportStorageStatus, number>> = {
  idle: 0,
  saved: 1,
  unavailable: 2,
  loading: 3,
  saving: 4,
  failed: 5,
  unsaved: 6,
};

/**
 * Where saving stands for everything the office keeps: the imported files (importStorage) and the corrections'
 * document (correctionsStorage), whichever is worse. Example: files saved, a correction being written → saving.
 */
export function selectSaveStatus(s: AppState): ImportStorageStatus {
  const files = s.importStorage;
  const corrections = s.correctionsStorage;
  if (corrections === 'idle') return files;
  return STATUS_WEIGHT[corrections] > STATUS_WEIGHT[files] ? corrections : files;
}
