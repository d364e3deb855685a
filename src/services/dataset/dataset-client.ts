import type { PositionColumns } from '../../domain/geo/position-columns.ts';
import type { Manifest } from '../../domain/model/manifest.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { parseRecordChunk } from '../../domain/publish/record-chunks.ts';
import { buildDataset, type Dataset, datasetOf } from '../../domain/query/dataset.ts';
import { identityOrder } from '../../domain/query/display-order.ts';
import { unpackSearchColumns } from '../../domain/query/search-columns.ts';
import { sharedClusterClient } from '../cluster/cluster-client.ts';
import { type DatasetMessage, sendDatasetRequest } from './dataset-protocol.ts';
import { takeDatasetWorker } from './dataset-worker-start.ts';

/** How the default data loaded: the files, and the issues as JSON with their counts. */
export interface LoadedReport {
  readonly files: Extract<DatasetMessage, { type: 'report' }>['files'];
  readonly issueCount: number;
  readonly issueCounts: Extract<DatasetMessage, { type: 'report' }>['counts'];
  readonly issuesJson: string;
}

/** The default data as it arrives: the manifest first (through onManifest), then the dataset and its report. */
export interface LoadedData {
  readonly manifest: Manifest;
  readonly dataset: Dataset;
  readonly report: LoadedReport;
}

/**
 * Loads a data folder in the dataset worker: the manifest is handed on at once, positions go to the cluster
 * worker first, records arrive as JSON chunks a few at a time and are parsed as they come (each batch a short task
 * of its own), and the index the worker read or built lands with the last message.
 */
export function loadInWorker(baseUrl: string, onManifest: (manifest: Manifest) => void): Promise<LoadedData> {
  return new Promise((resolve, reject) => {
    const started = takeDatasetWorker(baseUrl);
    const worker =
      started?.worker ?? new Worker(new URL('./dataset-worker.ts', import.meta.url), { type: 'module' });
    const resources: Resource[] = [];
    let positions: PositionColumns | undefined;
    let bounds: Extract<DatasetMessage, { type: 'positions' }>['bounds'] = null;
    let report: LoadedReport = { files: [], issueCount: 0, issueCounts: {}, issuesJson: '[]' };
    const receive = (event: MessageEvent<DatasetMessage>) => {
      const message = event.data;
      if (message.type === 'positions') {
        performance.mark('crm:data-positions');
        ({ positions, bounds } = message);
        sharedClusterClient().prepareAll(message.positions);
        return;
      }
      if (message.type === 'manifest') {
        onManifest(message.manifest);
        return;
      }
      if (message.type === 'report') {
        const { issuesJson, issueCount, counts, files } = message;
        report = { files, issueCount, issueCounts: counts, issuesJson };
        return;
      }
      if (message.type === 'chunks') {
        if (resources.length === 0) performance.mark('crm:data-first-chunk');
        for (const json of message.json) for (const r of parseRecordChunk(json)) resources.push(r);
        return;
      }
      worker.terminate();
      if (message.type === 'failed') {
        reject(new Error(message.error));
        return;
      }
      performance.mark('crm:data-done');
      if (!positions || resources.length !== message.count) {
        reject(new Error(`dataset: ${resources.length} of ${message.count} records arrived`));
        return;
      }
      const { columns } = message;
      const dataset = datasetOf({
        resources,
        // The records arrive in display order.
        order: identityOrder(message.count),
        columns: 'joinedUtf16' in columns ? unpackSearchColumns(columns) : columns,
        positions,
        startYears: message.startYears,
        categoryTotals: message.categoryTotals,
        bounds,
        areaOptions: message.areaOptions,
        internalCount: message.internalCount,
      });
      resolve({ manifest: message.manifest, dataset, report });
    };
    worker.onerror = (event) => {
      reject(new Error(event.message || 'worker failed'));
      worker.terminate();
    };
    worker.onmessage = receive;
    if (started) for (const event of started.early) receive(event);
    else sendDatasetRequest(worker, { baseUrl, clusterPort: sharedClusterClient().connectPort() });
  });
}

/** Where workers are unavailable: the same chain on the page (loaded on demand, so the parser stays out of the
 * initial bundle). */
export async function loadOnMainThread(baseUrl: string): Promise<LoadedData> {
  const [{ fetchDataset }, { loadDataset }, { countIssuesByCode }] = await Promise.all([
    import('./fetch-dataset.ts'),
    import('../../domain/loading/load-dataset.ts'),
    import('../../domain/model/load-issues.ts'),
  ]);
  const fetched = await fetchDataset(baseUrl);
  const loaded = loadDataset(fetched.manifest, fetched.gazetteerText, fetched.files);
  return {
    manifest: fetched.manifest,
    dataset: buildDataset(loaded.resources, fetched.manifest),
    report: {
      files: loaded.files,
      issueCount: loaded.issues.length,
      issueCounts: countIssuesByCode(loaded.issues),
      issuesJson: JSON.stringify(loaded.issues),
    },
  };
}
