import { buildGazetteer } from '../../src/domain/geo/gazetteer.ts';
import { countOutcomes } from '../../src/domain/loading/build-records.ts';
import type { BuildContext } from '../../src/domain/loading/build-resource.ts';
import { type ImportResult, importFile } from '../../src/domain/loading/import-file.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import type { Manifest } from '../../src/domain/model/manifest.ts';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import { type Figure, median, renderTable, type Section, timeRuns } from './figures.ts';

export interface ImportBenchInput {
  readonly manifest: Manifest;
  readonly gazetteerText: string;
  readonly fileName: string;
  /** The CSV as a person's file: UTF-8 bytes. */
  readonly utf8: Uint8Array;
  /** The same CSV in Big5, when every character could be encoded. */
  readonly big5?: Uint8Array;
  readonly runs?: number;
}

/**
 * A person's 100,000-row CSV imported end to end, as the import worker runs it: decode (encoding detected),
 * parse, map columns, validate each row (with its report line), then build the search index the main thread
 * needs before the map shows it. Returns a section for run-bench's table and prints the medians.
 */
export function runImportBench(
  input: ImportBenchInput,
  log: (line: string) => void = () => undefined,
): Section {
  const runs = input.runs ?? 3;
  const gazetteer = buildGazetteer(parseDelimitedText(input.gazetteerText).rows);
  const context: BuildContext = {
    categories: input.manifest.categories,
    serviceTags: input.manifest.serviceTags,
    gazetteer,
    defaults: {
      file: input.fileName,
      category: 'community-association',
      source: 'bench',
      visibility: 'public',
    },
  };
  const importOnce = (bytes: Uint8Array) => importFile(bytes, context, {}, {});
  let result: ImportResult | undefined;
  log('import: UTF-8 file, decode → parse → map → validate…');
  const utf8 = timeRuns(() => {
    result = importOnce(input.utf8);
  }, runs);
  if (!result) throw new Error('import produced nothing');
  const imported = result;
  log('import: search index…');
  const index = timeRuns(
    () =>
      buildDataset(imported.resources, {
        categories: input.manifest.categories,
        serviceTags: input.manifest.serviceTags,
      }),
    runs,
  );
  const endToEnd = utf8.map((ms, i) => ms + (index[i] ?? 0));
  const counts = countOutcomes(imported.rows);
  const figures: Figure[] = [
    {
      label: `import ${imported.rows.length.toLocaleString('en-US')} rows end to end (UTF-8)`,
      samples: endToEnd,
      unit: 'ms',
      note: `imported ${counts.imported + counts.fixed}, approximate ${counts.approximate}, needs location ${counts['needs-location']}, rejected ${counts.rejected}`,
    },
    { label: '↳ decode + parse + map + validate (worker)', samples: utf8, unit: 'ms' },
    { label: '↳ search index (main thread)', samples: index, unit: 'ms' },
  ];
  if (input.big5) {
    log('import: Big5 file…');
    const big5 = input.big5;
    figures.push({
      label: '↳ decode + parse + map + validate, Big5 file',
      samples: timeRuns(() => importOnce(big5), runs),
      unit: 'ms',
    });
  }
  log(`import: ${imported.rows.length} rows, median end to end ${median(endToEnd).toFixed(0)} ms`);
  return { title: '(i) Import of a person’s file, end to end (importFile + search index)', figures };
}

/** Prints the import figures alone, as a table (run-bench.ts includes them in the full report). */
export function printImportBench(input: ImportBenchInput): void {
  process.stdout.write(
    `${renderTable([runImportBench(input, (line) => process.stderr.write(`${line}\n`))])}\n`,
  );
}
