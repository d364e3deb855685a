import {
  DEFAULT_RESIDENT_CONFIG,
  type ResidentConfig,
  residentConfigOf,
} from '../../domain/model/resident-config.ts';
import type { Resource } from '../../domain/model/resource.ts';
import type { OpenState } from '../../domain/query/open-state.ts';
import type { AppState } from '../app-store.ts';
import { selectDataset, selectFilterResult, selectIndexOfId } from '../data/derived.ts';
import { memoizeLast } from '../memoize-last.ts';
import { openStateEngine } from './hours-engine.ts';
import { nearbyDistances } from './nearby-derived.ts';

/** Distance in metres from the reference point to a resource, or null (no point, or no position). */
export const selectDistanceTo = (s: AppState, id: string): number | null => {
  const index = selectDataset(s);
  const distances = nearbyDistances(s, index.resources);
  // No reference point: nothing to look up (and no id map to build for 100,000 rows).
  if (!distances) return null;
  const position = selectIndexOfId(s, id);
  const d = position < 0 ? Number.NaN : (distances[position] ?? Number.NaN);
  return Number.isNaN(d) ? null : d;
};

/** Open now, closed, unknown or no hours, for an hours text; `pending` while the hours engine is downloading. */
export const selectOpenStateOf = (s: AppState, hours: string | undefined): OpenState | 'pending' => {
  const evaluate = s.hoursReady ? openStateEngine() : null;
  if (!evaluate) return hours?.trim() ? 'pending' : 'none';
  return evaluate(hours, s.clock);
};

/** The open state of a resource by id ('none' when it no longer exists). */
export const selectOpenState = (s: AppState, id: string): OpenState | 'pending' => {
  const index = selectDataset(s);
  const position = selectIndexOfId(s, id);
  if (position < 0) return 'none';
  return selectOpenStateOf(s, index.resources[position]?.openingHours);
};

const configOf = memoizeLast((manifest: AppState['manifest']) =>
  manifest ? residentConfigOf(manifest) : DEFAULT_RESIDENT_CONFIG,
);

/** Needs, hotlines and the correction link from the manifest (or their defaults). */
export const selectResidentConfig = (s: AppState): ResidentConfig => configOf(s.manifest);

/** The need whose service tags are exactly the selected ones, if any. */
export const selectActiveNeedId = (s: AppState): string | null => {
  const selected = new Set(s.filters.services);
  if (selected.size === 0) return null;
  const need = selectResidentConfig(s).needs.find(
    (n) => n.services.length === selected.size && n.services.every((id) => selected.has(id)),
  );
  return need?.id ?? null;
};

/** The first listed result (the nearest when a reference point is set), or null. */
export const selectFirstResult = (s: AppState): Resource | null => {
  const first = selectFilterResult(s).visible[0];
  return first === undefined ? null : (selectDataset(s).resources[first] ?? null);
};
