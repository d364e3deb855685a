import { buildClusterIndex, DETAIL_FROM_ZOOM } from '../../src/domain/geo/cluster-index.ts';
import type { BBox } from '../../src/domain/geo/cluster-item.ts';
import { buildGazetteer } from '../../src/domain/geo/gazetteer.ts';
import { PLACE_NAMES_EN } from '../../src/domain/geo/place-names-en.ts';
import { type BuildContext, buildResource } from '../../src/domain/loading/build-resource.ts';
import { decodeBytes } from '../../src/domain/loading/decode-bytes.ts';
import { type LoadedFile, loadFile } from '../../src/domain/loading/load-file.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { tableToRecords } from '../../src/domain/loading/table-to-records.ts';
import type { Manifest } from '../../src/domain/model/manifest.ts';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import { putRecord, removeRecord } from '../../src/domain/query/dataset-change.ts';
import {
  filterResources,
  NO_FILTERS,
  type ResourceFilters,
} from '../../src/domain/query/filter-resources.ts';
import { showDataset } from '../../src/domain/query/shown-dataset.ts';
import { createQueryReader } from '../../src/domain/search/query-reader.ts';
import { type Figure, type Section, timeRuns } from './figures.ts';

export interface NodeBenchInput {
  readonly manifest: Manifest;
  readonly gazetteerText: string;
  readonly fileName: string;
  readonly utf8: Uint8Array;
  /** Absent when the text could not be encoded as Big5. */
  readonly big5?: Uint8Array;
}

const LOAD_BUDGET = { target: '≤ 1000 ms†', limit: 1000 };
const MAIN_TASK = { target: '≤ 50 ms‡', limit: 50 };
const REDRAW = { target: '≤ 30 ms', limit: 30 };
const KEYSTROKE = { target: '≤ 10 ms', limit: 10 };
const SINGLE_CHANGE = { target: '≤ 16 ms', limit: 16 };

/** The bounding box Leaflet would query for a viewport (the app pads the view by 20% on each side). */
export function viewportBBox(
  lat: number,
  lng: number,
  zoom: number,
  width = 1280,
  height = 800,
  pad = 0.2,
): BBox {
  const scale = 256 * 2 ** zoom;
  const x = ((lng + 180) / 360) * scale;
  const y = ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * scale;
  const halfW = (width / 2) * (1 + 2 * pad);
  const halfH = (height / 2) * (1 + 2 * pad);
  const toLng = (px: number) => (px / scale) * 360 - 180;
  const toLat = (py: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / scale))) * 180) / Math.PI;
  return { west: toLng(x - halfW), east: toLng(x + halfW), north: toLat(y - halfH), south: toLat(y + halfH) };
}

/** Parse + normalise, index builds, cluster queries and per-keystroke filtering, in Node. */
export function runNodeBench(input: NodeBenchInput, log: (line: string) => void): Section[] {
  const { manifest } = input;
  const gazetteer = buildGazetteer(parseDelimitedText(input.gazetteerText).rows);
  const context: BuildContext = {
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
    gazetteer,
    defaults: {
      file: input.fileName,
      category: 'community-association',
      source: 'bench',
      visibility: 'public',
    },
  };

  log('node: loadFile (UTF-8)…');
  let loaded: LoadedFile | undefined;
  const loadUtf8 = timeRuns(
    () => {
      loaded = loadFile(input.utf8, context);
    },
    3,
    0,
  );
  if (!loaded) throw new Error('loadFile produced nothing');
  const resources = loaded.resources;
  log('node: loadFile stages…');
  const decoded = decodeBytes(input.utf8);
  const table = parseDelimitedText(decoded.text);
  const mapped = tableToRecords(table, input.fileName);
  const stages: Figure[] = [
    { label: '↳ decodeBytes', samples: timeRuns(() => decodeBytes(input.utf8), 3, 0), unit: 'ms' },
    {
      label: '↳ parseDelimitedText (PapaParse)',
      samples: timeRuns(() => parseDelimitedText(decoded.text), 3, 0),
      unit: 'ms',
    },
    {
      label: '↳ tableToRecords',
      samples: timeRuns(() => tableToRecords(table, input.fileName), 3, 0),
      unit: 'ms',
    },
    {
      label: '↳ buildResource × rows',
      samples: timeRuns(
        () => {
          for (const record of mapped.records) buildResource(record, context);
        },
        2,
        0,
      ),
      unit: 'ms',
    },
  ];
  const loadFigures: Figure[] = [
    {
      label: `loadFile, UTF-8 (${(input.utf8.length / 1e6).toFixed(1)} MB)`,
      samples: loadUtf8,
      unit: 'ms',
      ...LOAD_BUDGET,
      note: `${resources.length.toLocaleString('en-US')} resources, ${loaded.issues.length.toLocaleString('en-US')} issues`,
    },
    ...stages,
  ];
  if (input.big5) {
    log('node: loadFile (Big5)…');
    const big5 = input.big5;
    let sample: LoadedFile | undefined;
    const samples = timeRuns(
      () => {
        sample = loadFile(big5, context);
      },
      2,
      0,
    );
    loadFigures.push({
      label: `loadFile, Big5 (${(big5.length / 1e6).toFixed(1)} MB)`,
      samples,
      unit: 'ms',
      ...LOAD_BUDGET,
      note: `detected ${sample?.encoding}, ${sample?.resources.length.toLocaleString('en-US')} resources`,
    });
  }
  const result = loaded;
  loadFigures.push({
    label: 'structuredClone(LoadedFile) (≈ worker → main copy)',
    samples: timeRuns(() => structuredClone(result), 3, 0),
    unit: 'ms',
    note: 'serialise + deserialise; only deserialise is on the main thread',
  });

  log('node: index builds…');
  const index = buildDataset(resources, {
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
  });
  const all = filterResources(index, NO_FILTERS).visible;
  const clusters = buildClusterIndex(resources, all);
  clusters.complete();
  const placedPoints = resources.filter((r) => r.position).length.toLocaleString('en-US');
  const indexFigures: Figure[] = [
    {
      label: 'buildDataset',
      samples: timeRuns(
        () => buildDataset(resources, { categories: manifest.categories, serviceTags: manifest.serviceTags }),
        3,
        0,
      ),
      unit: 'ms',
      ...MAIN_TASK,
    },
    {
      label: 'buildClusterIndex (all visible): overview part',
      samples: timeRuns(() => buildClusterIndex(resources, all), 3, 0),
      unit: 'ms',
      note: `${placedPoints} placed points, zooms 0–${DETAIL_FROM_ZOOM - 1}: what the first markers wait for (cluster worker)`,
    },
    {
      label: 'buildClusterIndex (all visible): both parts',
      samples: timeRuns(() => buildClusterIndex(resources, all).complete(), 3, 0),
      unit: 'ms',
      note: `street zooms (${DETAIL_FROM_ZOOM}+) built too, once the map is still or first zoomed in`,
    },
  ];

  log('node: cluster queries…');
  const views: [string, BBox, number][] = [
    ['whole Taiwan, zoom 7', { west: 118, south: 21.8, east: 122.1, north: 26.4 }, 7],
    ['Taipei city, zoom 13', viewportBBox(25.0375, 121.5365, 13), 13],
    ['Chiayi county, zoom 10', viewportBBox(23.46, 120.45, 10), 10],
    ['Minxiong street, zoom 16', viewportBBox(23.5517, 120.4289, 16), 16],
  ];
  const queryFigures = views.map(([label, bbox, zoom]): Figure => {
    const items = clusters.query(bbox, zoom);
    return {
      label: `query: ${label}`,
      samples: timeRuns(() => clusters.query(bbox, zoom), 200, 20),
      unit: 'ms',
      ...REDRAW,
      note: `${items.length} markers (${items.filter((i) => i.kind === 'cluster').length} clusters)`,
    };
  });

  log('node: filters…');
  const cases: [string, Partial<ResourceFilters>][] = [
    ['民', { query: '民' }],
    ['民雄', { query: '民雄' }],
    ['民雄鄉', { query: '民雄鄉' }],
    ['臺', { query: '臺' }],
    ['臺北', { query: '臺北' }],
    ['台', { query: '台' }],
    ['台北', { query: '台北' }],
    ['餐食 民雄 (two terms)', { query: '餐食 民雄' }],
    ['service: meals', { services: ['meals'] }],
    ['hidden: friendly-shop', { hiddenCategories: ['friendly-shop'] }],
    ['area: 嘉義縣', { county: '嘉義縣' }],
    ['cleared (no filter)', {}],
  ];
  const filterFigures = cases.map(([label, partial]): Figure => {
    const filters = { ...NO_FILTERS, ...partial };
    const visible = filterResources(index, filters).visible.length;
    return {
      label: `filterResources: ${label}`,
      samples: timeRuns(() => filterResources(index, filters), 15, 2),
      unit: 'ms',
      ...KEYSTROKE,
      note: `${visible.toLocaleString('en-US')} visible`,
    };
  });
  // The same keystrokes read by the search engine (phrases, places, phone numbers, typos, ranking), as the page
  // reads them once the search box has been used; the last two find nothing, the typo path's cost.
  const reader = createQueryReader({
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
    abbreviations: manifest.searchAbbreviations,
    recordPlaces: [...index.columns.counties, ...index.columns.towns],
    english: PLACE_NAMES_EN,
  });
  const aPhone = resources.find((r) => r.phones.length > 0)?.phones[0] ?? '05-2207017';
  const readCases: [string, string][] = [
    ['民', '民'],
    ['民雄', '民雄'],
    ['臺北', '臺北'],
    ['Minxiong (English place)', 'Minxiong'],
    ['民雄社福中心 (place + alias, no space)', '民雄社福中心'],
    ['長照 (abbreviation)', '長照'],
    [`${aPhone} (a record's phone number as written)`, aPhone],
    ['民熊 (one wrong character, corrected)', '民熊'],
    ['幸福早餐鋪 (finds nothing, typo tried)', '幸福早餐鋪'],
  ];
  const readerFigures = readCases.map(([label, query]): Figure => {
    const filters = { ...NO_FILTERS, query };
    const result = filterResources(index, filters, undefined, reader);
    return {
      label: `filterResources with the query reader: ${label}`,
      samples: timeRuns(() => filterResources(index, filters, undefined, reader), 15, 2),
      unit: 'ms',
      ...KEYSTROKE,
      note: `${result.visible.length.toLocaleString('en-US')} visible${result.correction ? ` (for ${result.correction})` : ''}`,
    };
  });
  readerFigures.push({
    label: 'createQueryReader (once per dataset, when the search engine lands)',
    samples: timeRuns(
      () =>
        createQueryReader({
          categories: manifest.categories,
          serviceTags: manifest.serviceTags,
          abbreviations: manifest.searchAbbreviations,
          recordPlaces: [...index.columns.counties, ...index.columns.towns],
          english: PLACE_NAMES_EN,
        }),
      10,
      2,
    ),
    unit: 'ms',
  });
  const rebuildCases = cases.filter(([label]) =>
    ['民', '臺北', 'service: meals', 'hidden: friendly-shop', 'cleared (no filter)'].includes(label),
  );
  const keystrokeFigures = rebuildCases.map(([label, partial]): Figure => {
    const filters = { ...NO_FILTERS, ...partial };
    return {
      label: `filter + buildClusterIndex: ${label}`,
      samples: timeRuns(() => buildClusterIndex(resources, filterResources(index, filters).visible), 3, 0),
      unit: 'ms',
      note: 'per filter change; the cluster part runs in the cluster worker, off the main thread',
    };
  });

  log('node: single-record changes…');
  const config = { categories: manifest.categories, serviceTags: manifest.serviceTags };
  let turn = 0;
  // A different record each run, so that no run reuses the previous one's work.
  const someRecord = () => resources[(turn++ * 7919) % resources.length] as (typeof resources)[number];
  const base = { base: index, layers: [], edits: {}, deletedIds: [] };
  const shown = { sources: base, dataset: index };
  const changeFigures: Figure[] = [
    {
      label: 'putRecord: one record edited (renamed)',
      samples: timeRuns(
        () => {
          const r = someRecord();
          return putRecord(index, { ...r, name: `${r.name}（更名）` }, config);
        },
        30,
        3,
      ),
      unit: 'ms',
      ...SINGLE_CHANGE,
    },
    {
      label: 'putRecord: one record added',
      samples: timeRuns(
        () => {
          const r = someRecord();
          return putRecord(index, { ...r, id: `added-${turn}` }, config);
        },
        30,
        3,
      ),
      unit: 'ms',
      ...SINGLE_CHANGE,
    },
    {
      label: 'removeRecord: one record deleted',
      samples: timeRuns(() => removeRecord(index, someRecord().id), 30, 3),
      unit: 'ms',
      ...SINGLE_CHANGE,
    },
    {
      label: 'showDataset: the store gets one more edit',
      samples: timeRuns(
        () => {
          const r = someRecord();
          return showDataset(
            shown,
            { ...base, edits: { [r.id]: { ...r, name: `${r.name}（更名）` } } },
            config,
          );
        },
        30,
        3,
      ),
      unit: 'ms',
      ...SINGLE_CHANGE,
      note: 'what selectDataset runs for an edit, a deletion or a remote change: the previous dataset updated',
    },
  ];

  return [
    { title: '1. Parse + normalise (Node)', figures: loadFigures },
    { title: '2. Index builds (Node)', figures: indexFigures },
    { title: '3. Cluster query (Node, per call)', figures: queryFigures },
    {
      title: '4. Filter + search per keystroke (Node, per call)',
      figures: [...filterFigures, ...readerFigures, ...keystrokeFigures],
    },
    { title: '5. One record added, edited or deleted (Node, per change)', figures: changeFigures },
  ];
}
