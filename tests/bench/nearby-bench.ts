/**
 * Near-me figures at 100,000 resources (issue 3): the kd-tree, nearest-k queries, a radius, the nearest-first
 * order behind "any distance", the per-keystroke cost with a reference point set, and "open now".
 * `runNearbyBench` returns a section for run-bench.ts's table; `printNearbyBench` (or running this file alone,
 * `npx tsx tests/bench/nearby-bench.ts`) prints it.
 */

import { buildGazetteer } from '../../src/domain/geo/gazetteer.ts';
import { allByDistance, buildNearbyIndex, nearestResources } from '../../src/domain/geo/nearby-index.ts';
import { loadFile } from '../../src/domain/loading/load-file.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { distanceMetres, type LatLng, toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Manifest } from '../../src/domain/model/manifest.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import { filterResources, NO_FILTERS } from '../../src/domain/query/filter-resources.ts';
import { narrowAndOrder } from '../../src/domain/query/nearby-filter.ts';
import { openStates } from '../../src/domain/query/opening-hours.ts';
import { type Figure, renderTable, type Section, timeRuns } from './figures.ts';
import { generateResources, readRepoData, seededRandom, toCsv } from './synthetic-resources.ts';

export interface NearbyBenchInput {
  readonly manifest: Manifest;
  readonly gazetteerText: string;
  /** The synthetic CSV (as run-bench.ts generates it), loaded here through the app's chain. */
  readonly utf8: Uint8Array;
  readonly fileName: string;
}

const RUNS = 7;
const FRAME = { target: '≤ 16 ms', limit: 16 };
const HOURS = [
  '24/7',
  'Mo-Fr 09:00-17:00',
  'Mo-Fr 10:30-14:00,16:30-20:00',
  'Mo-Sa 06:00-13:00',
  'Tu-Su 11:00-20:00',
];

/** Query points where residents are: township centroids, picked at random (the same ones every run). */
function queryPoints(townships: readonly { centroid: LatLng }[], count: number): LatLng[] {
  const random = seededRandom(3);
  return Array.from({ length: count }, () => {
    const t = townships[Math.floor(random() * townships.length)] as { centroid: LatLng };
    return toLatLng(t.centroid[0] + (random() - 0.5) * 0.02, t.centroid[1] + (random() - 0.5) * 0.02);
  });
}

/** What one near-me search costs: each figure is the time for one query (median over the query points). */
export function runNearbyBench(input: NearbyBenchInput, log: (line: string) => void = () => {}): Section {
  const { manifest } = input;
  const gazetteer = buildGazetteer(parseDelimitedText(input.gazetteerText).rows);
  log('nearby: loading resources…');
  const loaded = loadFile(input.utf8, {
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
    gazetteer,
    defaults: {
      file: input.fileName,
      category: 'community-association',
      source: 'bench',
      visibility: 'public',
    },
  }).resources;
  // Give most records hours, as a well-kept register would have.
  const random = seededRandom(5);
  const resources: Resource[] = loaded.map((r) =>
    random() < 0.8 ? { ...r, openingHours: HOURS[Math.floor(random() * HOURS.length)] as string } : r,
  );
  const fmt = (n: number) => n.toLocaleString('en-US');
  const points = queryPoints(gazetteer.townships, 50);
  log(`nearby: measuring with ${fmt(resources.length)} resources…`);

  const build = timeRuns(() => buildNearbyIndex(resources), 5);
  const index = buildNearbyIndex(resources);
  const perPoint = (fn: (p: LatLng) => unknown) => {
    const samples: number[] = [];
    for (const p of points) samples.push(...timeRuns(() => fn(p), 1, 1));
    return samples;
  };
  const within3km = nearestResources(index, points[0] as LatLng, { maxMetres: 3000 }).length;

  const resourceIndex = buildDataset(resources, {
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
  });
  const matching = filterResources(resourceIndex, NO_FILTERS);
  const allHits = allByDistance(index, points[0] as LatLng);
  const meals = filterResources(resourceIndex, { ...NO_FILTERS, query: '餐' }).visible;
  const instant = Date.parse('2026-01-05T15:00:00+08:00');
  const closed = openStates(resources, instant).map((c) => (c === 3 ? 1 : 0));

  const figures: Figure[] = [
    {
      label: `build the kd-tree (${fmt(index.resourceOf.length)} placed)`,
      samples: build,
      unit: 'ms',
      note: 'once per dataset',
    },
    {
      label: 'nearest 10 to a point',
      samples: perPoint((p) => nearestResources(index, p, { limit: 10 })),
      unit: 'ms',
      ...FRAME,
    },
    {
      label: 'nearest 50 to a point',
      samples: perPoint((p) => nearestResources(index, p, { limit: 50 })),
      unit: 'ms',
      ...FRAME,
    },
    {
      label: 'nearest 10 that pass the filters (meals)',
      samples: (() => {
        const flags = new Uint8Array(resources.length);
        for (const i of meals) flags[i] = 1;
        return perPoint((p) => nearestResources(index, p, { limit: 10, accept: (i) => flags[i] === 1 }));
      })(),
      unit: 'ms',
      ...FRAME,
    },
    {
      label: 'everything within 3 km of a point',
      samples: perPoint((p) => nearestResources(index, p, { maxMetres: 3000 })),
      unit: 'ms',
      ...FRAME,
      note: `${fmt(within3km)} hits at the first point`,
    },
    {
      label: 'nearest-first order of all (any distance)',
      samples: timeRuns(() => allByDistance(index, points[1] as LatLng), RUNS),
      unit: 'ms',
      note: 'once per reference point, not per keystroke',
    },
    {
      label: 'the same order by walking the whole kd-tree',
      samples: timeRuns(() => nearestResources(index, points[1] as LatLng), RUNS),
      unit: 'ms',
      note: 'why "any distance" does not use it',
    },
    {
      label: 'for comparison: distance to every record + sort',
      samples: timeRuns(() => {
        const p = points[1] as LatLng;
        const d = resources.map((r, i) => ({
          i,
          d: r.position ? distanceMetres(p, r.position) : Number.POSITIVE_INFINITY,
        }));
        d.sort((a, b) => a.d - b.d);
        return d.slice(0, 10);
      }, RUNS),
      unit: 'ms',
      note: 'what the index avoids',
    },
    {
      label: 'for comparison: per keystroke, no point (filter only)',
      samples: timeRuns(() => filterResources(resourceIndex, { ...NO_FILTERS, query: '社區' }), RUNS),
      unit: 'ms',
      ...FRAME,
      note: 'search "社區": the cost without near-me',
    },
    {
      label: 'per keystroke near a point: filter + order',
      samples: timeRuns(() => {
        const m = filterResources(resourceIndex, { ...NO_FILTERS, query: '社區' });
        return narrowAndOrder(resources, m, [], { hits: allHits, radiusLimited: false, closed: null });
      }, RUNS),
      unit: 'ms',
      ...FRAME,
      note: 'search "社區", any distance',
    },
    {
      label: 'order + "open now" alone (no search text)',
      samples: timeRuns(
        () => narrowAndOrder(resources, matching, [], { hits: allHits, radiusLimited: false, closed }),
        RUNS,
      ),
      unit: 'ms',
      ...FRAME,
      note: 'order and "open now" on all',
    },
    {
      label: 'open now: evaluate every record',
      samples: timeRuns(() => openStates(resources, instant), RUNS),
      unit: 'ms',
      note: 'once a minute; each distinct hours text parsed once',
    },
  ];
  return { title: '(g) Near me: kd-tree nearest-k, radius, order, open now (Node)', figures };
}

/** Generates 100,000 synthetic resources and prints the near-me figures. */
export function printNearbyBench(count = Number(process.env.BENCH_COUNT ?? 100_000)): void {
  const { manifest, gazetteerText } = readRepoData();
  const dataset = generateResources(manifest, gazetteerText, { count });
  const utf8 = new TextEncoder().encode(toCsv(dataset));
  const section = runNearbyBench({ manifest, gazetteerText, utf8, fileName: 'bench.csv' }, (line) =>
    process.stderr.write(`${line}\n`),
  );
  process.stdout.write(`${renderTable([section])}\n`);
}

if (process.argv[1]?.endsWith('nearby-bench.ts')) printNearbyBench();
