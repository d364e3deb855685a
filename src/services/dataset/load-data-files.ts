import { positionColumns } from '../../domain/geo/position-columns.ts';
import { loadDataset } from '../../domain/loading/load-dataset.ts';
import { countIssuesByCode } from '../../domain/model/load-issues.ts';
import type { Manifest } from '../../domain/model/manifest.ts';
import { CHUNKS_PER_MESSAGE, recordChunks } from '../../domain/publish/record-chunks.ts';
import { areaOptionsOf } from '../../domain/query/area-options.ts';
import { internalCountOf } from '../../domain/query/dataset.ts';
import { identityOrder, inDisplayOrder } from '../../domain/query/display-order.ts';
import { buildSearchColumns, categoryTotalsOf, columnBuffers } from '../../domain/query/search-columns.ts';
import { startYears } from '../../domain/query/start-year.ts';
import { type DatasetMessage, positionsMessage, reportMessage } from './dataset-protocol.ts';
import { fetchDataFiles } from './fetch-dataset.ts';

/**
 * The dataset worker without a compiled pack (development, or data/ changed since the build): decodes, parses,
 * validates and indexes the files themselves, and sends the records in display order, as a pack holds them.
 * A module of its own, loaded only then, so that the worker that reads a pack starts with a small script.
 */
export async function loadDataFiles(
  baseUrl: string,
  manifest: Manifest,
  post: (message: DatasetMessage, transfer?: Transferable[]) => void,
): Promise<void> {
  const fetched = await fetchDataFiles(baseUrl, manifest);
  const dataset = loadDataset(manifest, fetched.gazetteerText, fetched.files);
  const resources = inDisplayOrder(dataset.resources);
  const positions = positionColumns(resources);
  post(positionsMessage(positions), [positions.lat.buffer, positions.lng.buffer]);
  // A few chunks per message: each arrives as its own small task on the main thread instead of one long freeze.
  let json: string[] = [];
  for (const chunk of recordChunks(resources)) {
    json.push(chunk);
    if (json.length === CHUNKS_PER_MESSAGE) {
      post({ type: 'chunks', json });
      json = [];
    }
  }
  if (json.length > 0) post({ type: 'chunks', json });
  const order = identityOrder(resources.length);
  const columns = buildSearchColumns(resources, order, manifest.categories, manifest.serviceTags);
  const years = startYears(resources);
  post(reportMessage(dataset.issues, dataset.files, countIssuesByCode(dataset.issues)));
  post(
    {
      type: 'done',
      manifest,
      count: resources.length,
      columns,
      categoryTotals: categoryTotalsOf(columns),
      startYears: years,
      internalCount: internalCountOf(resources),
      areaOptions: areaOptionsOf(columns),
    },
    [...columnBuffers(columns), years.buffer],
  );
}
