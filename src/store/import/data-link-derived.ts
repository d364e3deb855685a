import { dataLinkHost } from '../../domain/link/data-link.ts';
import type { ImportedDataset } from '../../domain/loading/imported-dataset.ts';
import type { Resource } from '../../domain/model/resource.ts';
import type { AppState } from '../app-store.ts';
import { selectDataset } from '../data/derived.ts';
import { memoizeLast } from '../memoize-last.ts';

const linkDatasetsOf = memoizeLast((datasets: readonly ImportedDataset[]): readonly ImportedDataset[] =>
  datasets.filter((d) => d.origin === 'url'),
);

/** The datasets a `?data=` link brought (not kept in this browser; at most one per visit, as a rule). */
export const selectLinkDatasets = (s: AppState): readonly ImportedDataset[] =>
  linkDatasetsOf(s.importedDatasets);

const linkHostsOf = memoizeLast((datasets: readonly ImportedDataset[]): readonly string[] => [
  ...new Set(datasets.map((d) => dataLinkHost(d.fileName))),
]);

/** The hosts whose data is on show through a link, each once: what the banner names. */
export const selectLinkHosts = (s: AppState): readonly string[] => linkHostsOf(selectLinkDatasets(s));

/** One empty map for every state without link data, so that what reads it is not told of a change. */
const NO_HOSTS: ReadonlyMap<string, string> = new Map();

const hostByRecordOf = memoizeLast(
  (datasets: readonly ImportedDataset[], layers: AppState['layers']): ReadonlyMap<string, string> => {
    if (datasets.length === 0) return NO_HOSTS;
    const hosts = new Map<string, string>();
    for (const dataset of datasets) {
      const layer = layers.find((l) => l.id === dataset.id);
      const host = dataLinkHost(dataset.fileName);
      for (const r of layer?.dataset.resources ?? []) hosts.set(r.id, host);
    }
    return hosts;
  },
);

/**
 * The host of each record a link brought, by id (empty without link data): what the map and exports mark.
 * Corrections keep a record's id, so a corrected link record is still marked.
 */
export const selectLinkHostById = (s: AppState): ReadonlyMap<string, string> =>
  hostByRecordOf(selectLinkDatasets(s), s.layers);

/**
 * The host of the link a record came from, or null for a record of the map's own data (or a file the office
 * imported).
 */
export const selectLinkHostOf = (s: AppState, id: string): string | null =>
  selectLinkHostById(s).get(id) ?? null;

const linkMaskOf = memoizeLast(
  (resources: readonly Resource[], hosts: ReadonlyMap<string, string>): Uint8Array | null => {
    if (hosts.size === 0) return null;
    const mask = new Uint8Array(resources.length);
    for (let i = 0; i < resources.length; i++) if (hosts.has((resources[i] as Resource).id)) mask[i] = 1;
    return mask;
  },
);

/**
 * 1 for each record on show (by its index in selectDataset) that a link brought, 0 for the rest; null when no
 * link data is on show, so the map's common case does no work for it. The cluster worker counts them per cluster.
 */
export const selectLinkMask = (s: AppState): Uint8Array | null =>
  linkMaskOf(selectDataset(s).resources, selectLinkHostById(s));
