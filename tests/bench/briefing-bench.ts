/**
 * Township briefing and question figures at 100,000 resources in one county (issue 18). `runBriefingBench`
 * returns a section for run-bench.ts's table; run this file alone (`npx tsx tests/bench/briefing-bench.ts`) to
 * print it. The every-township briefing runs in a Node worker thread (as a browser worker would run it: the same
 * computation, off the main thread); one township and one question are timed where the page runs them.
 */
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parseVillageTargets } from '../../src/domain/analysis/village-targets.ts';
import { answerQuestion } from '../../src/domain/briefing/question-answer.ts';
import { parseQuestion, type QuestionVocabulary } from '../../src/domain/briefing/question-intent.ts';
import { type BriefingInput, buildBriefings } from '../../src/domain/briefing/township-briefing.ts';
import { buildGazetteer } from '../../src/domain/geo/gazetteer.ts';
import { PLACE_NAMES_EN } from '../../src/domain/geo/place-names-en.ts';
import { townshipEnglishNames } from '../../src/domain/geo/place-names-en-of.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Manifest } from '../../src/domain/model/manifest.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { startYears } from '../../src/domain/query/start-year.ts';
import { type Figure, renderTable, type Section, timeRuns } from './figures.ts';
import { readRepoData, seededRandom } from './synthetic-resources.ts';

const COUNTY = '嘉義縣';
const RUNS = 7;

/** `count` records spread over the county's townships, around their centroids, with start years and services. */
function countyResources(manifest: Manifest, gazetteerText: string, count: number): Resource[] {
  const gazetteer = buildGazetteer(parseDelimitedText(gazetteerText).rows);
  const towns = gazetteer.townships.filter((t) => t.county === COUNTY);
  const random = seededRandom(18);
  const categories = manifest.categories.map((c) => c.id);
  const services = manifest.serviceTags.map((t) => t.id);
  const out: Resource[] = [];
  for (let i = 0; i < count; i++) {
    const town = towns[Math.floor(random() * towns.length)] ?? towns[0];
    if (!town) break;
    out.push({
      id: `b${i}`,
      name: `資源${i}`,
      category: categories[Math.floor(random() * categories.length)] ?? 'friendly-shop',
      services: random() < 0.5 ? [services[Math.floor(random() * services.length)] ?? 'meals'] : [],
      address: '',
      county: COUNTY,
      town: town.town,
      position: toLatLng(
        town.centroid[0] + (random() - 0.5) * 0.08,
        town.centroid[1] + (random() - 0.5) * 0.08,
      ),
      precision: 'exact',
      phones: [],
      source: 'bench',
      visibility: 'public',
      extra: random() < 0.8 ? { 設立年度: String(2012 + Math.floor(random() * 15)) } : {},
    });
  }
  return out;
}

interface Prepared {
  readonly input: BriefingInput;
  readonly places: { county: string; town: string }[];
  readonly vocabulary: QuestionVocabulary;
  readonly townships: ReturnType<typeof buildGazetteer>['townships'];
}

function prepare(manifest: Manifest, gazetteerText: string, count: number): Prepared {
  const gazetteer = buildGazetteer(parseDelimitedText(gazetteerText).rows);
  const resources = countyResources(manifest, gazetteerText, count);
  const villages = parseVillageTargets(
    readFileSync(new URL('../../data/tw-village-centroids.csv', import.meta.url), 'utf8'),
    null,
  ).targets;
  const english = townshipEnglishNames(PLACE_NAMES_EN);
  return {
    input: {
      resources,
      indexes: resources.map((_, i) => i),
      startYears: startYears(resources),
      categories: manifest.categories.map((c) => c.id),
      villages,
      townCentroid: (c, t) => gazetteer.find(c, t)?.centroid ?? null,
      config: manifest.briefing,
      sinceYear: 2025,
      population: null,
    },
    places: gazetteer.townships
      .filter((t) => t.county === COUNTY)
      .map((t) => ({ county: t.county, town: t.town })),
    vocabulary: {
      categories: manifest.categories,
      serviceTags: manifest.serviceTags,
      townships: gazetteer.townships.map((t) => ({ ...t, ...english.get(`${t.county}|${t.town}`) })),
      defaultCounty: COUNTY,
      records: resources,
      thisYear: 2026,
    },
    townships: gazetteer.townships,
  };
}

/** In the worker thread: build the data, then time the every-township briefing. */
function workerMain(): void {
  const { count } = workerData as { count: number };
  const { manifest, gazetteerText } = readRepoData();
  const prepared = prepare(manifest, gazetteerText, count);
  const samples = timeRuns(() => buildBriefings(prepared.input, prepared.places), RUNS);
  parentPort?.postMessage({ samples, towns: prepared.places.length });
}

function inWorker(count: number): Promise<{ samples: number[]; towns: number }> {
  return new Promise((resolve, reject) => {
    // The worker registers tsx's loader, then runs this file (which sees it is not the main thread).
    const source = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); });`;
    const worker = new Worker(source, { eval: true, workerData: { count } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

const QUESTIONS = [
  '金寧鄉有幾家友善商店',
  '民雄鄉哪些村里沒有關懷據點',
  '民雄社福中心 3 公里內的課後照顧',
  '今年新增了哪些據點',
  'How many friendly shops are in Minxiong?',
];

/** The figures: every township's briefing in a worker, one township, one question (parse + answer). */
export async function runBriefingBench(
  input: { manifest: Manifest; gazetteerText: string; count: number },
  log: (line: string) => void = () => {},
): Promise<Section> {
  log('briefing: every township in a worker thread…');
  const all = await inWorker(input.count);
  log('briefing: one township, questions…');
  const prepared = prepare(input.manifest, input.gazetteerText, input.count);
  const data = {
    resources: prepared.input.resources,
    startYears: prepared.input.startYears ?? new Int32Array(),
    villages: prepared.input.villages,
    townships: prepared.townships,
    defaultCounty: COUNTY,
  };
  const fmt = (n: number) => n.toLocaleString('en-US');
  const figures: Figure[] = [
    {
      label: `briefing: all ${all.towns} townships of a ${fmt(input.count)}-record county (worker thread)`,
      samples: all.samples,
      unit: 'ms',
      target: '≤ 1 s',
      limit: 1000,
    },
    {
      label: '↳ one township (what opening a briefing computes on the page)',
      samples: timeRuns(() => buildBriefings(prepared.input, [{ county: COUNTY, town: '民雄鄉' }]), RUNS),
      unit: 'ms',
      target: '≤ 50 ms',
      limit: 50,
    },
    ...QUESTIONS.map(
      (question): Figure => ({
        label: `question: 「${question}」 parse + answer`,
        samples: timeRuns(() => {
          const intent = parseQuestion(question, prepared.vocabulary);
          if (intent.kind !== 'unknown') answerQuestion(intent, data);
        }, RUNS),
        unit: 'ms',
        target: '≤ 50 ms',
        limit: 50,
      }),
    ),
  ];
  return { title: '(h) Township briefing and questions (Node)', figures };
}

if (!isMainThread) workerMain();
else if (process.argv[1]?.endsWith('briefing-bench.ts')) {
  const { manifest, gazetteerText } = readRepoData();
  const count = Number(process.env.BENCH_COUNT ?? 100_000);
  const section = await runBriefingBench({ manifest, gazetteerText, count }, (line) =>
    process.stderr.write(`${line}\n`),
  );
  process.stdout.write(`${renderTable([section])}\n`);
}
