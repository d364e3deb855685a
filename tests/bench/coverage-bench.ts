/**
 * Coverage, inventory and as-of-year figures at 100,000 resources (issue 5). `runCoverageBench` returns a
 * section for run-bench.ts's table; run this file alone (`npx tsx tests/bench/coverage-bench.ts`) to print it.
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type CoverageTarget,
  computeCoverage,
  coverageProviders,
} from '../../src/domain/analysis/coverage.ts';
import { townshipTargets, villageTargets } from '../../src/domain/analysis/coverage-targets.ts';
import { buildInventory } from '../../src/domain/analysis/inventory.ts';
import { parseVillageCsv } from '../../src/domain/analysis/village-csv.ts';
import { buildGazetteer } from '../../src/domain/geo/gazetteer.ts';
import { loadFile } from '../../src/domain/loading/load-file.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Manifest } from '../../src/domain/model/manifest.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { applyStartYear, filterAsOfYear } from '../../src/domain/query/as-of-year.ts';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import { filterResources, NO_FILTERS } from '../../src/domain/query/filter-resources.ts';
import { type Figure, renderTable, type Section, timeRuns } from './figures.ts';
import { generateResources, readRepoData, seededRandom, toCsv } from './synthetic-resources.ts';

export interface CoverageBenchInput {
  readonly manifest: Manifest;
  readonly gazetteerText: string;
  /** The synthetic CSV (as run-bench.ts generates it), loaded here through the app's chain. */
  readonly utf8: Uint8Array;
  readonly fileName: string;
}

const MAIN_TASK = { target: '≤ 50 ms', limit: 50 };
const RUNS = 7;

/** About 7,800 village points: Taiwan has ~7,700 villages (村里); here ~21 jittered around each township centroid. */
function syntheticVillages(
  townships: readonly { county: string; town: string; centroid: readonly [number, number] }[],
) {
  const random = seededRandom(7);
  const villages: CoverageTarget[] = [];
  for (const t of townships) {
    for (let i = 0; i < 21; i++) {
      villages.push({
        county: t.county,
        town: t.town,
        village: `第${i + 1}村`,
        position: toLatLng(t.centroid[0] + (random() - 0.5) * 0.06, t.centroid[1] + (random() - 0.5) * 0.06),
      });
    }
  }
  return villages;
}

/** The figures: what a facilitator's click on a category, radius or year costs on the main thread. */
export function runCoverageBench(input: CoverageBenchInput, log: (line: string) => void = () => {}): Section {
  const { manifest } = input;
  const gazetteer = buildGazetteer(parseDelimitedText(input.gazetteerText).rows);
  log('coverage: loading resources…');
  const { resources } = loadFile(input.utf8, {
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
    gazetteer,
    defaults: {
      file: input.fileName,
      category: 'community-association',
      source: 'bench',
      visibility: 'public',
    },
  });
  const index = buildDataset(resources, {
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
  });
  const all = filterResources(index, NO_FILTERS).visible;
  const ofCategory = (id: string) => all.filter((i) => index.resources[i]?.category === id);
  const shops = ofCategory('friendly-shop');
  const centres = ofCategory('welfare-center');
  const townships = townshipTargets(gazetteer, []);
  const villages = syntheticVillages(gazetteer.townships);
  // The Ministry's villages as the page gets them (data/tw-village-centroids.csv, read in the places worker).
  const villageCsv = readFileSync(resolve(process.cwd(), 'data', manifest.villages), 'utf8');
  const ministryVillages = parseVillageCsv(villageCsv, null).targets;
  const chiayiVillages = villageTargets(ministryVillages, ['嘉義縣']);
  const fmt = (n: number) => n.toLocaleString('en-US');
  log('coverage: measuring…');
  let lastShops = computeCoverage(index.resources, shops, townships, 1000);
  let lastVillages = computeCoverage(index.resources, shops, villages, 1000);

  // Years as a 設立年度 column would carry them, on every record.
  const random = seededRandom(11);
  const withYears: Resource[] = resources.map((r) => ({
    ...r,
    extra: { ...r.extra, 設立年度: String(2010 + Math.floor(random() * 15)) },
  }));
  const yearIndex = buildDataset(withYears, {
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
  });
  let asOf = filterAsOfYear(yearIndex, NO_FILTERS, 2020);
  const everyCategory = filterResources(yearIndex, NO_FILTERS);
  let step = 2010;

  const figures: Figure[] = [
    {
      label: `coverage: ${fmt(shops.length)} friendly shops, 1 km, ${townships.length} township centroids`,
      samples: timeRuns(() => {
        lastShops = computeCoverage(index.resources, shops, townships, 1000);
      }, RUNS),
      unit: 'ms',
      ...MAIN_TASK,
      note: `${lastShops.uncovered.length} uncovered`,
    },
    {
      label: `coverage: ${fmt(centres.length)} welfare centres, 5 km, ${townships.length} townships`,
      samples: timeRuns(() => computeCoverage(index.resources, centres, townships, 5000), RUNS),
      unit: 'ms',
      ...MAIN_TASK,
    },
    {
      label: `coverage: ${fmt(shops.length)} shops, 1 km, ${fmt(villages.length)} village points`,
      samples: timeRuns(() => {
        lastVillages = computeCoverage(index.resources, shops, villages, 1000);
      }, RUNS),
      unit: 'ms',
      ...MAIN_TASK,
      note: `${fmt(lastVillages.uncovered.length)} uncovered`,
    },
    {
      label: `village centroids read: ${fmt(ministryVillages.length)} rows (places worker, off the main thread)`,
      samples: timeRuns(() => parseVillageCsv(villageCsv, null), RUNS),
      unit: 'ms',
    },
    {
      label: `coverage: ${fmt(centres.length)} welfare centres, 5 km, 嘉義縣's ${chiayiVillages.length} Ministry villages`,
      samples: timeRuns(() => {
        computeCoverage(index.resources, centres, villageTargets(ministryVillages, ['嘉義縣']), 5000);
      }, RUNS),
      unit: 'ms',
      ...MAIN_TASK,
    },
    {
      label: `coverage: ${fmt(shops.length)} shops, 1 km, all ${fmt(ministryVillages.length)} Ministry villages`,
      samples: timeRuns(() => computeCoverage(index.resources, shops, ministryVillages, 1000), RUNS),
      unit: 'ms',
      ...MAIN_TASK,
    },
    {
      label: `coverage: all ${fmt(all.length)} resources as providers, 1 km, villages`,
      samples: timeRuns(() => computeCoverage(index.resources, all, villages, 1000), RUNS),
      unit: 'ms',
      ...MAIN_TASK,
    },
    {
      label: '↳ with choosing the providers (category pass over 100k, as selectCoverage does)',
      samples: timeRuns(() => {
        const open = coverageProviders(index, NO_FILTERS, 'friendly-shop', null);
        computeCoverage(index.resources, open, townships, 1000);
      }, RUNS),
      unit: 'ms',
      ...MAIN_TASK,
    },
    {
      label: `inventory: township × category over ${fmt(all.length)} resources`,
      samples: timeRuns(
        () =>
          buildInventory(
            index.resources,
            all,
            manifest.categories.map((c) => c.id),
            { gazetteer, county: '', town: '' },
          ),
        RUNS,
      ),
      unit: 'ms',
      ...MAIN_TASK,
    },
    {
      label: `as-of-year filter over ${fmt(withYears.length)} records with 設立年度`,
      samples: timeRuns(() => {
        asOf = filterAsOfYear(yearIndex, NO_FILTERS, 2020);
      }, RUNS),
      unit: 'ms',
      ...MAIN_TASK,
      note: `${fmt(asOf.visible.length)} shown as of 2020`,
    },
    {
      label: '↳ one slider step (other filters kept, as selectFilterResult does)',
      samples: timeRuns(() => {
        step = step === 2024 ? 2010 : step + 1;
        applyStartYear(yearIndex, everyCategory, [], step);
      }, RUNS),
      unit: 'ms',
      target: '≤ 16 ms',
      limit: 16,
    },
  ];
  return { title: '(f) Workshop: coverage, inventory, year (Node, main-thread work)', figures };
}

/** Generates 100,000 synthetic resources and prints the coverage figures. */
export function printCoverageBench(count = Number(process.env.BENCH_COUNT ?? 100_000)): void {
  const { manifest, gazetteerText } = readRepoData();
  const dataset = generateResources(manifest, gazetteerText, { count });
  const utf8 = new TextEncoder().encode(toCsv(dataset));
  const section = runCoverageBench({ manifest, gazetteerText, utf8, fileName: 'bench.csv' }, (line) =>
    process.stderr.write(`${line}\n`),
  );
  process.stdout.write(`${renderTable([section])}\n`);
}

if (process.argv[1]?.endsWith('coverage-bench.ts')) printCoverageBench();
