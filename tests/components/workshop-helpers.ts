import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildGazetteer } from '../../src/domain/geo/gazetteer.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { useAppStore } from '../../src/store/app-store.ts';
import { defaultManifest } from './fixtures.ts';

/** The embedded township centroids, put in the store as loadTownships would. */
export const townships = buildGazetteer(
  parseDelimitedText(readFileSync(resolve(process.cwd(), 'data', defaultManifest.gazetteer), 'utf8')).rows,
).townships;

/** A workshop in progress: the gazetteer loaded and co-mapping on. */
export function startWorkshop() {
  const s = useAppStore.getState();
  s.setTownships('ready', townships);
  s.setWorkshopEditing(true);
}
