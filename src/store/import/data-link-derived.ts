import { dataLinkHost } from '../../domain/link/data-link.ts';
import type { ImportedDataset } from '../../domain/loading/imported-dataset.ts';
import type { AppState } from '../app-store.ts';
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

const hostByRecordOf = memoizeLast(
  (datasets: readonly ImportedDataset[], layers: AppState['layers']): ReadonlyMap<string, string> => {
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
 * The host of the link a record came from, or null for a record of the map's own data (or a file the office
 * imported). Corrections keep a record's id, so a corrected link record is still marked.
 */
export const selectLinkHostOf = (s: AppState, id: string): string | null =>
  hostByRecordOf(selectLinkDatasets(s), s.layers).get(id) ?? null;
