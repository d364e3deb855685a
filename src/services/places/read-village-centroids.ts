import type { CoverageTarget } from '../../domain/analysis/coverage.ts';
import { parseVillageCsv } from '../../domain/analysis/village-csv.ts';

/** Fetches the village centroids file (縣市,鄉鎮市區,村里,緯度,經度) and reads it; a failed fetch throws. */
export async function readVillageCentroids(url: string): Promise<readonly CoverageTarget[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const { targets } = parseVillageCsv(await response.text(), null);
  if (targets.length === 0) throw new Error('no villages in the file');
  return targets;
}
