import { readFileSync } from 'node:fs';
import { PLACE_NAMES_EN } from '../../../src/domain/geo/place-names-en.ts';
import { loadDataset } from '../../../src/domain/loading/load-dataset.ts';
import { parseManifest } from '../../../src/domain/model/manifest.ts';
import { buildDataset } from '../../../src/domain/query/dataset.ts';
import { createQueryReader } from '../../../src/domain/search/query-reader.ts';
import { readBytes, repoFile } from '../fixture-paths.ts';

/** The app's own manifest and data files (data/), loaded and indexed as the page has them. */
export const manifest = parseManifest(JSON.parse(readFileSync(repoFile('data', 'manifest.json'), 'utf8')));
export const dataset = buildDataset(
  loadDataset(
    manifest,
    readFileSync(repoFile('data', manifest.gazetteer), 'utf8'),
    manifest.files.map((f) => ({ path: f.path, bytes: readBytes(repoFile('data', f.path)) })),
  ).resources,
  manifest,
);

/** The page's query reader once its tables have loaded: the manifest's names, its abbreviations, every place. */
export const reader = createQueryReader({
  categories: manifest.categories,
  serviceTags: manifest.serviceTags,
  abbreviations: manifest.searchAbbreviations,
  recordPlaces: [...dataset.columns.counties, ...dataset.columns.towns],
  english: PLACE_NAMES_EN,
});
