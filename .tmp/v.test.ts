import { it } from 'vitest';
import { atlasBoundaries } from '../tests/unit/atlas-boundaries.ts';
import { readBytes, sharedDataFile } from '../tests/unit/fixture-paths.ts';
import { importBytes } from '../tests/unit/import-context.ts';
it('x', () => {
  const r = importBytes(readBytes(sharedDataFile('tainan-building-committees.geojson')), { file: 't.geojson' }, {}, atlasBoundaries('villages'));
  const no = r.resources.map((x, i) => [x, r.rows[i]] as const).filter(([x]) => !x.village);
  console.log(no.length, no.slice(0, 5).map(([x, row]) => [x.address, x.town, row?.issues.map((i) => `${i.code}:${i.value}`)]));
});
